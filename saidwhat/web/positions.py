"""The positions pages: every position (filterable), a pair of speakers across the corpus, and the
network picture, each with its `.json` twin.

    /positions?speaker=&other=&topic=&relation=&since=&until=    every position, oldest first
                                                           (.json, .csv: all of them, streamed)
    /speakers/{a}/vs/{b}                                   what two speakers agree and disagree on
    /positions/network?topic=&since=&until=&speaker=      speakers and targets as a network

The network page draws itself in the browser from `/positions/network.json` (static/network.js);
its table of relations is the same data for readers without script.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.params import Depends as DependsParam
from fastapi.responses import Response, StreamingResponse
from starlette.exceptions import HTTPException

from saidwhat.index import positions as pos
from saidwhat.index import queries
from saidwhat.web import export

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
RELATIONS = ("stance", "support", "oppose", "agree", "disagree")
PAGE_KEYS = ("page", "size")
CSV_COLUMNS = ("id", "article_id", "title", "published", "relation", "polarity", "a", "a_id",
               "b", "b_id", "topic", "explicit", "evidence", "evidence_start", "evidence_end")


def pair_url(a: str, b: str) -> str:
    """The page of two speakers across the corpus."""
    from urllib.parse import quote

    return f"/speakers/{quote(a, safe='')}/vs/{quote(b, safe='')}"


def network_json_url(request: Request) -> str:
    """The network's JSON twin for the query this page was asked with."""
    query = request.url.query
    return "/positions/network.json" + (f"?{query}" if query else "")


def csv_row(p: pos.PositionView) -> list[Any]:
    """One position as a CSV row (CSV_COLUMNS)."""
    start = p.evidence_spans[0][0] if p.evidence_spans else ""
    end = p.evidence_spans[-1][1] if p.evidence_spans else ""
    return [p.id, p.article_id, p.article_title, p.published, p.relation, p.polarity, p.a,
            p.a_id, p.b, p.b_id, p.topic, p.explicit, p.evidence, start, end]


def csv_stream(db_path: Any, f: pos.PositionFilter) -> Iterator[str]:
    """The filtered positions as streamed CSV (CSV_COLUMNS)."""
    return export.csv_chunks(db_path, CSV_COLUMNS,
                             lambda conn: map(csv_row, pos.iter_positions(conn, f)))


def single(request: Request, key: str) -> str | None:
    """A parameter given at most once (blank as None); a 400 when it is given twice."""
    values = [v.strip() for v in request.query_params.getlist(key) if v.strip()]
    if len(values) > 1:
        raise HTTPException(400, f"{key} given {len(values)} times: give it once")
    return values[0] if values else None


def check_dates(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """`since`/`until` as given (empty as None); a 400 naming a bad one."""
    for name, value in (("since", since), ("until", until)):
        if value and not DATE.fullmatch(value):
            raise HTTPException(400, f"Bad value for: {name} (a date: 2021, 2021-06 or "
                                     f"2021-06-16)")
    return since or None, until or None


def add_routes(app: FastAPI, pages: Any, conn_dep: DependsParam, paged_dep: DependsParam,
               rows: object, check_params: Callable[[Request, tuple[str, ...]], None]) -> None:
    """Register the positions pages on the app (before `/speakers/{id}`, which would take the
    pair page's path); `pages` renders, `rows` marks where a listing's rows go, `check_params`
    refuses query parameters a page does not take."""

    def position_filter(request: Request, conn: sqlite3.Connection, page_keys: tuple[str, ...]
                        ) -> tuple[pos.PositionFilter, Any, Any]:
        """The list's filter from `speaker`, `other`, `topic`, `relation`, `since`, `until`
        (a 400 naming a bad one, a 404 for an unknown speaker), and the two speakers."""
        check_params(request, (*page_keys, "speaker", "other", "topic", "relation", "since",
                               "until"))
        speaker, other, relation = (single(request, k) for k in ("speaker", "other", "relation"))
        since, until = check_dates(single(request, "since"), single(request, "until"))
        if relation and relation not in RELATIONS:
            raise HTTPException(400, f"Bad value for: relation (one of {', '.join(RELATIONS)})")
        if other and not speaker:
            raise HTTPException(400, "Bad value for: other (only with speaker)")
        found = queries.speaker(conn, speaker) if speaker else None
        second = queries.speaker(conn, other) if other else None
        for sid, who in ((speaker, found), (other, second)):
            if sid and who is None:
                raise HTTPException(404, f"No speaker with id {sid!r}")
        f = pos.PositionFilter(speaker_id=speaker or None, other_id=other or None,
                               topic=single(request, "topic"), relation=relation or None,
                               since=since, until=until)
        return f, found, second

    @app.get("/positions")
    @app.get("/positions.json")
    def positions_page(request: Request, params: Any = paged_dep,
                       conn: sqlite3.Connection = conn_dep) -> Response:
        """Every position, oldest first, filtered by speaker id (and `other`: between the two),
        topic, relation and dates."""
        f, found, second = position_filter(request, conn, PAGE_KEYS)
        return pages.listing(
            request, params, lambda n, o: pos.positions(conn, f, n, o), pos.count(conn, f),
            "positions.html", "Positions",
            {"positions": rows, "filters": f, "speaker": found, "other": second,
             "topics": pos.topics(conn, limit=30),
             "csv_url": "/positions.csv" + (f"?{request.url.query}" if request.url.query
                                            else "")})

    @app.get("/positions.csv")
    def positions_csv(request: Request, conn: sqlite3.Connection = conn_dep) -> Response:
        """Every position the list would show, as a streamed CSV download."""
        f, _, _ = position_filter(request, conn, ())
        return StreamingResponse(
            csv_stream(request.app.state.db_path, f), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="positions.csv"'})

    @app.get("/positions/network")
    @app.get("/positions/network.json")
    def network_page(request: Request, conn: sqlite3.Connection = conn_dep) -> Response:
        """Speakers and targets as nodes, support/opposition as coloured edges sized by count,
        filtered by `topic`, `since` and `until` (one speaker's relations only, with
        `speaker`)."""
        check_params(request, ("topic", "since", "until", "speaker"))
        topic, speaker = single(request, "topic"), single(request, "speaker")
        since, until = check_dates(single(request, "since"), single(request, "until"))
        found = queries.speaker(conn, speaker) if speaker else None
        if speaker and found is None:
            raise HTTPException(404, f"No speaker with id {speaker!r}")
        net = pos.network(conn, topic=topic, since=since, until=until, speaker_id=speaker)
        labels = {n.id: n.label for n in net.nodes}
        data: dict[str, Any] = {"network": net, "speaker": found}
        if not request.url.path.endswith(".json"):
            data.update(labels=labels, network_src=network_json_url(request))
        return pages.respond(request, "network.html", "Positions network", data)

    @app.get("/speakers/{a}/vs/{b}")
    def pair_page(request: Request, a: str, b: str,
                  conn: sqlite3.Connection = conn_dep) -> Response:
        """Two speakers across the corpus: what they agree and disagree on, over time."""
        check_params(request, ())
        b = b[:-5] if b.endswith(".json") else b
        if a == b:
            raise HTTPException(400, "The same speaker twice: name two speakers")
        first, second = queries.speaker(conn, a), queries.speaker(conn, b)
        for sid, found in ((a, first), (b, second)):
            if found is None:
                raise HTTPException(404, f"No speaker with id {sid!r}")
        assert first is not None and second is not None
        return pages.respond(request, "pair.html", f"{first.name} and {second.name}",
                             {"a": first, "b": second, "pair": pos.pair(conn, a, b)})
