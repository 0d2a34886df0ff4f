"""Smoke test with Datasette itself (a dev dependency, so it runs in CI rather than skipping):
the index and the metadata.json saidwhat writes open, the quotes view reads with speaker names
and Datasette's search box finds stemmed words."""

from __future__ import annotations

import asyncio
import json

from datasette import app
from factories import biden_variants, quote_article

from saidwhat.index import datasette as metadata_writer
from saidwhat.index import store


def test_datasette_opens_the_index_with_search(tmp_path):
    db = tmp_path / "news.db"
    conn = store.connect(db)
    for a in [*biden_variants(), quote_article("tax", "Taxes on farms will fall next spring",
                                               "Ann Lee", url="https://daily.example/t")]:
        store.add_article(conn, a)
    store.rebuild_speakers(conn)
    store.finish(conn)
    conn.close()
    meta = json.loads(metadata_writer.write_metadata(db).read_text())
    ds = app.Datasette([str(db)], metadata=meta)

    async def get(path: str) -> dict:
        r = await ds.client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        return r.json()

    async def run() -> None:
        found = await get("/news/quotes.json?_search=tax&_shape=array")
        assert [q["speaker"] for q in found] == ["Ann Lee"]
        rows = await get("/news/quotes_across_outlets.json?_shape=array")
        assert rows[0]["speaker"] == "Joe Biden" and rows[0]["outlets"] == 3
        tables = await get("/news.json")
        hidden = {t["name"] for t in tables["tables"] if t["hidden"]}
        assert {"quote_shingles", "attribution_fts"} <= hidden

    asyncio.run(run())
