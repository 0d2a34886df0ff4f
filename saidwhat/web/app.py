"""The web UI: plain URLs over the read-only index, each page also served as JSON at `<path>.json`.

    saidwhat serve --db saidwhat.db      # http://127.0.0.1:8001/

Pages: `/` (top speakers, recent quotes), `/speakers`, `/speakers/{id}`, `/quotes`,
`/search?q=`, `/articles`, `/articles/{id}`, `/quotes/groups`, `/quotes/groups/{id}`,
`/failures`, and the positions pages (`/positions`, `/speakers/{a}/vs/{b}`, `/positions/network`,
see `saidwhat.web.positions`). Listings take `?page=N` (and `?size=N`); JSON listings carry
`next`/`prev` URLs.
`/quotes` and `/speakers/{id}` are keyset-paged: their next links carry `?after=<attribution id>`
(also `pager.after` in the JSON), so deep pages cost no OFFSET scan; `?page=N` still works.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote as urlquote
from urllib.parse import unquote, urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException

from saidwhat.index import positions, queries
from saidwhat.web import export, render
from saidwhat.web import positions as position_pages

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500  # a larger ?size= is served as this
MAX_SIZE = 1_000_000  # ...and one larger than this is a 400
MAX_PAGE = 1_000_000_000  # ?page= beyond this is a 400 (OFFSET must fit SQLite's integers)
MAX_ID = 2**63 - 1  # SQLite's largest integer: ids beyond it exist nowhere
T = TypeVar("T")
# Sent with every response: scripts only from our own /static files (never inline, never from an
# article), no plugins, no framing, no MIME sniffing. Inline style attributes carry speaker colours.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class Pager:
    """Where a page of a listing is: its number, size, and links to its neighbours."""

    page: int
    size: int
    offset: int
    next: str | None
    prev: str | None
    total: int | None = None
    after: int | None = None  # keyset listings: the cursor of the next page (`?after=`)


@dataclass(frozen=True)
class PageParams:
    """A listing's `?page=N&size=N&after=ID` (a FastAPI dependency: bad values are a 400 naming
    them). `after` is a keyset cursor, honoured by keyset listings and ignored by the others."""

    page: int = 1
    size: int = PAGE_SIZE
    after: int | None = None

    def __post_init__(self) -> None:
        for name, value, most in (("page", self.page, MAX_PAGE), ("size", self.size, MAX_SIZE),
                                  ("after", self.after, MAX_ID)):
            if value is not None and abs(value) > most:
                raise HTTPException(400, f"Bad value for: {name} (at most {most:,})")


CHANGE_HELP = {
    "verbatim": "the same words as the earliest report",
    "shortened": "the earliest report's words with some left out",
    "longer": "the earliest report's words with more of the quote around them",
    "altered": "words changed from the earliest report",
}
PAGE_KEYS = ("page", "size", "after")
FILTER_KEYS = ("speaker", "outlet", "since", "until", "kind", "type", "min_confidence")
LIST_KEYS = (*PAGE_KEYS, *FILTER_KEYS, "sort")
CSV_COLUMNS = ("id", "speaker", "speaker_id", "kind", "type", "content", "cue", "source",
               "resolved_by", "confidence", "outlets", "article_id", "title", "outlet",
               "published", "url", "group_id")


@dataclass(frozen=True)
class Chip:
    """An active filter shown on the page, with the link that removes it."""

    label: str
    remove: str


@dataclass(frozen=True)
class FacetLink:
    """A facet value with its count and the link that adds it as a filter (None: not a link)."""

    label: str
    count: int
    url: str | None
    active: bool


@dataclass(frozen=True)
class SortLink:
    """A way to sort the list, and the link to it."""

    name: str
    label: str
    url: str
    active: bool


Fetch = Callable[[int, int], list[Any]]  # (limit, offset) -> rows
Cursor = Callable[[Any], int]  # a row -> its keyset cursor
ROWS = object()  # marks where a listing's rows go in its page data


def _environment() -> Environment:
    """Jinja2 with autoescaping on for every template."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["highlight"] = render.highlight_html
    env.globals.update(colour=render.speaker_colour, speaker_url=speaker_url,
                       article_url=article_url, group_url=group_url, quote_url=quote_url,
                       safe_link=render.safe_link, change_help=CHANGE_HELP,
                       pair_url=position_pages.pair_url, series=chart_series)
    return env


def speaker_url(speaker_id: str | None) -> str | None:
    """The page of a corpus speaker."""
    return f"/speakers/{urlquote(speaker_id, safe='')}" if speaker_id else None


def article_url(article_id: str, quote_id: int | None = None) -> str:
    """The page of an article, optionally at one attribution."""
    return f"/articles/{urlquote(article_id, safe='')}" + (f"#q{quote_id}" if quote_id else "")


def chart_series(counts: list[queries.Count]) -> list[list[Any]]:
    """Counts as [[label, count], ...] for a chart's data-series."""
    return [[c.label, c.count] for c in counts]


def quote_url(quote_id: int) -> str:
    """The permalink page of one attribution."""
    return f"/quotes/{quote_id}"


def group_url(group_id: int) -> str:
    """The provenance page of a quote group."""
    return f"/quotes/groups/{group_id}"


def _json_url(request: Request) -> str:
    """This page's JSON twin: the same path with `.json` (`/.json` for home), the same query."""
    path = link_path(request).rstrip("/") or "/"
    query = request.url.query
    return f"{path}.json" + (f"?{query}" if query else "")


def link_path(request: Request) -> str:
    """This request's path as it was sent, percent-encoded, for building links to it and its
    twins (the decoded path would break an id holding '%', '?' or '#')."""
    raw = request.scope.get("raw_path")
    if raw:
        return raw.decode("ascii", "replace").split("?", 1)[0]
    return urlquote(request.url.path)


def _is_json(request: Request) -> bool:
    """Whether the JSON twin was asked for (a route may have decided, see _article_at)."""
    decided = getattr(request.state, "json", None)
    return decided if decided is not None else request.url.path.endswith(".json")


def _article_at(conn: sqlite3.Connection, tail: str) -> tuple[queries.ArticleView | None, bool]:
    """The article a `/articles/<tail>` path names, and whether its JSON twin was asked for.
    An id may itself end in `.json`: `/articles/x.json` is the page of article `x.json` when
    there is one (else the JSON of `x`), and `/articles/x.json.json` its JSON twin."""
    if tail.endswith(".json"):
        exact = queries.article(conn, tail)
        if exact is not None and not tail.endswith(".json.json"):
            return exact, False
        return queries.article(conn, tail[:-5]), True
    return queries.article(conn, tail), False


def _strip_json(value: str) -> str:
    """A path parameter without the `.json` suffix."""
    return value[:-5] if value.endswith(".json") else value


def _connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the index for one request."""
    conn = queries.open_readonly(request.app.state.db_path, check=False)  # checked at start
    try:
        yield conn
    finally:
        conn.close()


def _paginate(request: Request, fetch: Callable[[int, int], list[T]], page: int, size: int,
              total: int | None = None, cursor: Callable[[T], int] | None = None,
              after: int | None = None) -> tuple[list[T], Pager]:
    """One page of a listing (fetching one row more to know if there is a next page).

    With a `cursor` the listing is keyset-paged: `after` set means `fetch` starts after that
    key (offset 0), and the next link carries the last row's key as `after` (and `page` N+1 for
    display); previous links stay `?page=N` (OFFSET), so old links keep working."""
    size = max(1, min(size, MAX_PAGE_SIZE))
    page = max(1, page)
    keyset = cursor is not None and after is not None
    offset = 0 if keyset else (page - 1) * size
    rows = fetch(size + 1, offset)

    def link(n: int, key: int | None = None) -> str:
        params = dict(request.query_params)
        params.pop("after", None)
        params["page"] = str(n)
        if n == 1:
            params.pop("page")
        if key is not None:
            params["after"] = str(key)
        qs = urlencode(params)
        return link_path(request) + (f"?{qs}" if qs else "")

    more = len(rows) > size
    key = cursor(rows[size - 1]) if cursor is not None and more else None
    nxt = link(page + 1, key) if more else None
    prev = link(page - 1) if page > 1 else None
    return rows[:size], Pager(page, size, offset, nxt, prev, total, key)


class Pages:
    """Renders a page as HTML, or as JSON for its `.json` twin."""

    def __init__(self) -> None:
        self.env = _environment()

    def respond(self, request: Request, template: str, title: str, data: dict[str, Any],
                status: int = 200) -> Response:
        """The page: JSON of `data` for a `.json` path, else the template over `data`."""
        if _is_json(request):
            payload = {k: queries.to_dict(v) for k, v in data.items()}
            pager = data.get("pager")
            if isinstance(pager, Pager):
                payload["next"] = _absolute_json(request, pager.next)
                payload["prev"] = _absolute_json(request, pager.prev)
            return JSONResponse(payload, status_code=status)
        html = self.env.get_template(template).render(
            title=title, json_url=_json_url(request), request=request, **data)
        return HTMLResponse(html, status_code=status)

    def listing(self, request: Request, params: PageParams, fetch: Fetch, total: int | None,
                template: str, title: str, data: dict[str, Any],
                cursor: Cursor | None = None) -> Response:
        """One page of a listing: `fetch` pages it (keyset-paged if given a row's `cursor`), its
        rows replace `ROWS` in `data`, a `pager` is added, and the page is answered as HTML or
        as its `.json` twin."""
        rows, pager = _paginate(request, fetch, params.page, params.size, total, cursor,
                                params.after)
        filled = {k: rows if v is ROWS else v for k, v in data.items()}
        return self.respond(request, template, title, {**filled, "pager": pager})


def _quote_id(quote: queries.Quote) -> int:
    """A quote's keyset cursor: its attribution id."""
    return quote.id


def _absolute_json(request: Request, link: str | None) -> str | None:
    """A pager link (already pointing at the JSON path) as an absolute URL."""
    if link is None:
        return None
    return request.app.state.base_url + link


def check_params(request: Request, allowed: tuple[str, ...]) -> None:
    """A 400 naming any query parameter this page does not take (none is silently ignored)."""
    unknown = sorted({k for k in request.query_params if k not in allowed})
    if unknown:
        takes = ", ".join(allowed) if allowed else "no parameters"
        raise HTTPException(400, f"Unknown parameter{'s' if len(unknown) > 1 else ''}: "
                                 f"{', '.join(unknown)} (this page takes {takes})")


def _one(request: Request, key: str) -> str | None:
    """A single-valued parameter, blank as None (a 400 if given twice)."""
    values = [v.strip() for v in request.query_params.getlist(key) if v.strip()]
    if len(values) > 1:
        raise HTTPException(400, f"{key} given {len(values)} times: give it once")
    return values[0] if values else None


def request_filters(request: Request, conn: sqlite3.Connection,
                    speaker_id: str | None = None) -> queries.Filters:
    """The filters in the URL (`speaker` an id, name or alias; `outlet` may repeat);
    `speaker_id` pins the speaker (a speaker's own page). QueryError for a bad value."""
    speakers: list[str] = []
    for value in request.query_params.getlist("speaker"):
        value = value.strip()
        if not value:
            continue
        found = queries.speaker(conn, value)
        ids = [found.id] if found else [s.id for s in queries.find_speakers(conn, value, 10)]
        speakers.extend(ids or [value])  # an unknown speaker matches nothing, and says so
    if speaker_id is not None:
        speakers = [speaker_id]
    confidence = _one(request, "min_confidence")
    try:
        min_conf = float(confidence) if confidence is not None else None
    except ValueError:
        raise queries.QueryError(f"min_confidence={confidence!r}: a number from 0 to 1"
                                 ) from None
    return queries.Filters(
        speakers=tuple(dict.fromkeys(speakers)),
        outlets=tuple(dict.fromkeys(v.strip() for v in request.query_params.getlist("outlet")
                                    if v.strip())),
        since=_one(request, "since"), until=_one(request, "until"), kind=_one(request, "kind"),
        type=_one(request, "type"), min_confidence=min_conf)


def _with(request: Request, drop: tuple[tuple[str, str | None], ...] = (),
          add: tuple[tuple[str, str], ...] = (), path: str | None = None) -> str:
    """This page's URL with some parameters removed (value None: every value of that key) and
    others added; paging reset to the first page."""
    items = [(k, v) for k, v in request.query_params.multi_items()
             if k not in PAGE_KEYS and not any(k == dk and dv in (None, v) for dk, dv in drop)]
    items.extend(add)
    qs = urlencode(items)
    return (path or link_path(request)) + (f"?{qs}" if qs else "")


def _chips(request: Request, conn: sqlite3.Connection, pinned: bool) -> list[Chip]:
    """Every filter in the URL as a removable chip."""
    chips = []
    for key, value in request.query_params.multi_items():
        if key not in FILTER_KEYS or not value.strip() or (key == "speaker" and pinned):
            continue
        label = value
        if key == "speaker":
            found = queries.speaker(conn, value)
            label = found.name if found else value
        chips.append(Chip(f"{key.replace('_', ' ')}: {label}",
                          _with(request, drop=((key, value),))))
    return chips


def _facet_links(request: Request, found: list[queries.Facet]) -> dict[str, list[FacetLink]]:
    """Each facet's values as links that add the value as a filter."""
    out: dict[str, list[FacetLink]] = {}
    for facet in found:
        links = []
        for v in facet.values:
            url: str | None = None
            active = False
            if v.value is not None:
                if facet.name == "month":
                    active = request.query_params.get("since") == v.value == \
                        request.query_params.get("until")
                    url = _with(request, drop=(("since", None), ("until", None)),
                                add=(("since", v.value), ("until", v.value)))
                else:
                    active = v.value in request.query_params.getlist(facet.name)
                    url = None if active else _with(request, add=((facet.name, v.value),))
            links.append(FacetLink(v.label, v.count, url, active))
        out[facet.name] = links
    return out


def _sort_links(request: Request, names: tuple[str, ...], current: str) -> list[SortLink]:
    """Links to the list in each order."""
    return [SortLink(n, queries.SORT_LABELS[n],
                     _with(request, drop=(("sort", None),), add=(("sort", n),)), n == current)
            for n in names]


def _filter_href(request: Request, key: str) -> str:
    """This page's URL with `key` set to what follows (a chart appends the value)."""
    url = _with(request, drop=((key, None),))
    return url + ("&" if "?" in url else "?") + f"{key}="


def _csv_url(request: Request) -> str:
    """This list's CSV twin: the same path with `.csv`, the same filters (no paging)."""
    path = link_path(request).removesuffix(".json").rstrip("/")
    return _with(request, path=f"{path}.csv")


def _csv_row(q: queries.Quote) -> tuple[Any, ...]:
    """A quote as one CSV row (CSV_COLUMNS)."""
    return (q.id, q.speaker_name or "", q.speaker_id or "", q.kind, q.type, q.content,
            q.cue or "", q.source or "", q.resolved_by or "", q.confidence, q.outlet_count,
            q.article_id, q.article_title or "", q.outlet or "", q.published or "", q.url or "",
            q.group_id if q.group_id is not None else "")


def csv_stream(db_path: Path, rows: Callable[[sqlite3.Connection], Iterator[queries.Quote]]
               ) -> Iterator[str]:
    """The quotes of `rows` as streamed CSV (CSV_COLUMNS)."""
    return export.csv_chunks(db_path, CSV_COLUMNS, lambda conn: map(_csv_row, rows(conn)))


def csv_response(request: Request, name: str,
                 rows: Callable[[sqlite3.Connection], Iterator[queries.Quote]]) -> Response:
    """A streamed CSV download of a quote list."""
    return StreamingResponse(
        csv_stream(request.app.state.db_path, rows), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def list_extras(request: Request, conn: sqlite3.Connection, filters: queries.Filters,
                sort: str, sorts: tuple[str, ...], query: str | None = None,
                pinned: bool = False) -> dict[str, Any]:
    """What every quote list shows beside its rows: its filters, facet counts and sort; on
    the HTML page also the removable chips, facet links, sort links and the CSV link."""
    names = tuple(n for n in queries.FACETS if not (pinned and n == "speaker"))
    found = queries.facets(conn, filters, query, names=names)
    data: dict[str, Any] = {"filters": filters, "sort": sort, "facets": found}
    if not _is_json(request):
        data.update(chips=_chips(request, conn, pinned), facet_links=_facet_links(request, found),
                    sort_links=_sort_links(request, sorts, sort), csv_url=_csv_url(request),
                    clear_url=_with(request, drop=tuple((k, None) for k in FILTER_KEYS)))
    return data


def default_base_url(host: str, port: int) -> str:
    """The base URL of a server listening on host:port (an IPv6 address in brackets)."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def create_app(db_path: str | os.PathLike[str], base_url: str | None = None) -> FastAPI:
    """The web app over an existing index, opened read-only and checked (FileNotFoundError, or
    a ValueError if it is not an index or is damaged). Absolute links (JSON next/prev) start
    with `base_url` (default http://127.0.0.1:8001), never with the request's Host header."""
    path = Path(db_path)
    queries.open_readonly(path).close()
    app = FastAPI(title="saidwhat", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db_path = path
    app.state.base_url = (base_url or default_base_url("127.0.0.1", 8001)).rstrip("/")
    pages = Pages()
    app.state.pages = pages
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    Conn = Depends(_connection)  # noqa: N806 - FastAPI dependency markers
    Paged = Depends(PageParams)  # noqa: N806

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
        """Every response carries the Content-Security-Policy and nosniff headers; a NUL
        character anywhere in the URL is a 400 before any route sees it."""
        if "\x00" in request.url.path or "\x00" in unquote(request.url.query):
            response: Response = pages.respond(
                request, "error.html", "400",
                {"status": 400, "error": "The address holds a NUL character"}, 400)
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(OverflowError)
    def too_large(request: Request, exc: OverflowError) -> Response:
        """A number too large for the index (any id or count past SQLite's integers): a 400."""
        return pages.respond(request, "error.html", "400",
                             {"status": 400, "error": "A number in the address is too large"},
                             400)

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        """Friendly 404s (and other HTTP errors), as a page or as JSON."""
        message = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else (
            f"Nothing at {request.url.path}")
        return pages.respond(request, "error.html", f"{exc.status_code}",
                             {"status": exc.status_code, "error": message}, exc.status_code)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> Response:
        """Bad query parameters as a 400 page naming the parameter."""
        names = ", ".join(str(e["loc"][-1]) for e in exc.errors())
        return pages.respond(request, "error.html", "400",
                             {"status": 400, "error": f"Bad value for: {names}"}, 400)

    @app.exception_handler(sqlite3.Error)
    @app.exception_handler(FileNotFoundError)
    def index_unavailable(request: Request, exc: Exception) -> Response:
        """The index went missing or broke while serving: a 503 page, not a traceback."""
        return pages.respond(request, "error.html", "503",
                             {"status": 503, "error": f"The index cannot be read: {exc}"}, 503)

    @app.exception_handler(queries.QueryError)
    def bad_query(request: Request, exc: queries.QueryError) -> Response:
        """A filter, sort or search that cannot be run: a 400 saying why."""
        return pages.respond(request, "error.html", "400", {"status": 400, "error": str(exc)},
                             400)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        """No icon: an empty answer instead of a 404 in every browser console."""
        return Response(status_code=204)

    @app.get("/")
    @app.get("/.json")
    @app.get("/index.json")
    def home(request: Request, conn: sqlite3.Connection = Conn) -> Response:
        """Totals, top speakers, recent quotes, the most widely reported quotes, recent articles."""
        check_params(request, ())
        data = {"counts": queries.counts(conn),
                "top_speakers": queries.top_speakers(conn, limit=12),
                "recent_quotes": queries.recent_quotes(conn, limit=12),
                "quote_groups": queries.quote_groups(conn, limit=5),
                "recent_articles": queries.recent_articles(conn, limit=8),
                "articles_over_time": queries.articles_over_time(conn),
                "position_count": positions.count(conn)}
        return pages.respond(request, "home.html", "saidwhat", data)

    @app.get("/speakers")
    @app.get("/speakers.json")
    def speakers(request: Request, params: PageParams = Paged, type: str | None = None,
                 conn: sqlite3.Connection = Conn) -> Response:
        """Every speaker, most quoted first."""
        check_params(request, (*PAGE_KEYS, "type"))
        return pages.listing(
            request, params, lambda n, o: queries.top_speakers(conn, n, o, type=type),
            queries.counts(conn).speakers if not type else None,
            "speakers.html", "Speakers", {"speakers": ROWS, "type": type})

    position_pages.add_routes(app, pages, Conn, Paged, ROWS, check_params)

    @app.get("/speakers/{speaker_id:path}")
    def speaker(request: Request, speaker_id: str, params: PageParams = Paged,
                sort: str = "date", conn: sqlite3.Connection = Conn) -> Response:
        """A speaker: who, how often, where, and every attribution newest first (filtered and
        sorted like /quotes; `.csv` for all of them)."""
        as_csv = speaker_id.endswith(".csv")
        sid = speaker_id[:-4] if as_csv else _strip_json(speaker_id)
        check_params(request, tuple(k for k in LIST_KEYS if k != "speaker"))
        found = queries.speaker(conn, sid)
        if found is None:
            moved = queries.redirect(conn, sid)
            if moved is not None:  # merged into another speaker: a permanent redirect
                suffix = speaker_id[len(sid):]
                target = f"/speakers/{urlquote(moved, safe='')}{suffix}"
                if request.url.query:
                    target += f"?{request.url.query}"
                return RedirectResponse(target, status_code=308)
            raise HTTPException(404, f"No speaker with id {sid!r}")
        filters = request_filters(request, conn, speaker_id=sid)
        queries.check_sort(sort)
        if as_csv:
            return csv_response(request, sid, lambda c: queries.iter_quotes(c, filters, sort))
        first_page = params.page <= 1 and params.after is None
        groups = queries.quote_groups(conn, limit=10, speaker_id=sid) if first_page else []
        stands = positions.speaker_stands(conn, sid) if first_page else []
        narrowed = filters != queries.Filters(speakers=(sid,))
        extras = list_extras(request, conn, filters, sort, tuple(queries.SORTS), pinned=True)
        if first_page:
            outlet_facet = next((f for f in extras["facets"] if f.name == "outlet"), None)
            extras["timeline"] = queries.timeline(conn, filters)
            extras["outlet_counts"] = (
                [queries.Count(v.value, v.count) for v in outlet_facet.values if v.value]
                if outlet_facet is not None else queries.outlet_counts(conn, filters, 10))
            if not _is_json(request):
                extras["outlet_href"] = _filter_href(request, "outlet")
        return pages.listing(
            request, params,
            lambda n, o: queries.list_quotes(conn, filters, sort, n, o, after=params.after),
            queries.count_quotes(conn, filters) if narrowed else found.quote_count,
            "speaker.html", found.name,
            {"speaker": found, "quotes": ROWS, "quote_groups": groups, "stands": stands,
             **extras},
            cursor=_quote_id if sort == "date" else None)

    @app.get("/quotes")
    @app.get("/quotes.json")
    @app.get("/quotes.csv")
    def quotes(request: Request, params: PageParams = Paged, sort: str = "date",
               conn: sqlite3.Connection = Conn) -> Response:
        """Every attribution, newest article first; filtered, sorted, and as CSV."""
        check_params(request, LIST_KEYS)
        filters = request_filters(request, conn)
        queries.check_sort(sort)
        if request.url.path.endswith(".csv"):
            return csv_response(request, "quotes",
                                lambda c: queries.iter_quotes(c, filters, sort))
        return pages.listing(
            request, params,
            lambda n, o: queries.list_quotes(conn, filters, sort, n, o, after=params.after),
            queries.count_quotes(conn, filters), "quotes.html", "Quotes",
            {"quotes": ROWS, **list_extras(request, conn, filters, sort, tuple(queries.SORTS))},
            cursor=_quote_id if sort == "date" else None)

    @app.get("/quotes/{quote_id:int}")
    @app.get("/quotes/{quote_id:int}.json")
    def quote(request: Request, quote_id: int, conn: sqlite3.Connection = Conn) -> Response:
        """One attribution to cite: speaker and how resolved, the sentences around it, the
        article, its confidence and the other outlets that carried it."""
        check_params(request, ())
        found = queries.quote_in_context(conn, quote_id) if quote_id <= MAX_ID else None
        if found is None:
            raise HTTPException(404, f"No quote {quote_id}")
        title = f"{found.quote.speaker_name or 'Unknown speaker'}: {found.quote.content[:60]}"
        return pages.respond(request, "quote.html", title, {"quote": found})

    @app.get("/search")
    @app.get("/search.json")
    @app.get("/search.csv")
    def search(request: Request, q: str = "", params: PageParams = Paged,
               sort: str = "relevance", conn: sqlite3.Connection = Conn) -> Response:
        """Full-text search over attributions, best match first, matches highlighted; filtered,
        sorted, as CSV; speakers whose name or alias matches listed first."""
        check_params(request, (*LIST_KEYS, "q"))
        text = q.strip()
        filters = request_filters(request, conn)
        queries.check_sort(sort, ("relevance", *queries.SORTS))
        if request.url.path.endswith(".csv"):
            queries.search_count(conn, text)  # a 400 for a search that cannot run
            return csv_response(request, "search",
                                lambda c: queries.iter_quotes(c, filters, sort, text)
                                if text else iter(()))
        extras = list_extras(request, conn, filters, sort, ("relevance", *queries.SORTS),
                             query=text) if queries.fts_query(text) else {}
        return pages.listing(
            request, params,
            lambda n, o: queries.search(conn, text, n, o, filters, sort) if text else [],
            queries.search_count(conn, text, filters) if text else 0,
            "search.html", f"Search: {text}" if text else "Search",
            {"q": text, "speakers": queries.matching_speakers(conn, text) if text else [],
             "quotes": ROWS, **extras})

    @app.get("/articles")
    @app.get("/articles.json")
    def articles(request: Request, params: PageParams = Paged,
                 conn: sqlite3.Connection = Conn) -> Response:
        """Every article, newest first."""
        check_params(request, PAGE_KEYS)
        return pages.listing(
            request, params, lambda n, o: queries.recent_articles(conn, n, o),
            queries.counts(conn).articles, "articles.html", "Articles", {"articles": ROWS})

    @app.get("/articles/{article_id:path}")
    def article(request: Request, article_id: str,
                conn: sqlite3.Connection = Conn) -> Response:
        """An article's text with every attribution highlighted, and the list of them."""
        check_params(request, ())
        view, as_json = _article_at(conn, article_id)
        if view is None:
            raise HTTPException(404, f"No article with id {_strip_json(article_id)!r}")
        aid = view.id
        request.state.json = as_json
        data: dict[str, Any] = {"article": view, "legend": render.legend(view.attributions),
                                "positions": positions.article_positions(conn, aid)}
        if not _is_json(request):
            data["text_html"] = render.article_html(view)
            data["colours"] = render.article_colours(view.attributions)
        return pages.respond(request, "article.html", view.title or view.id, data)

    @app.get("/quotes/groups")
    @app.get("/quotes/groups.json")
    def groups(request: Request, params: PageParams = Paged,
               conn: sqlite3.Connection = Conn) -> Response:
        """Quotes reported by two or more articles, most widely reported first."""
        check_params(request, PAGE_KEYS)
        return pages.listing(
            request, params, lambda n, o: queries.quote_groups(conn, n, o),
            queries.counts(conn).quote_groups, "groups.html", "Quotes across outlets",
            {"groups": ROWS})

    @app.get("/quotes/groups/{group_id:int}")
    @app.get("/quotes/groups/{group_id:int}.json")
    def group(request: Request, group_id: int, conn: sqlite3.Connection = Conn) -> Response:
        """A quote's provenance: earliest report, every outlet, each variant's word diff."""
        check_params(request, ())
        found = queries.quote_group(conn, group_id) if group_id <= MAX_ID else None
        if found is None:
            raise HTTPException(404, f"No quote group {group_id}")
        spread = [{"x": v.quote.published, "y": v.quote.outlet or "no outlet",
                   "c": v.change, "href": quote_url(v.quote.id)} for v in found.variants]
        return pages.respond(request, "group.html", f"Quote group {group_id}",
                             {"group": found, "spread": spread})

    @app.get("/failures")
    @app.get("/failures.json")
    def failures(request: Request, params: PageParams = Paged,
                 conn: sqlite3.Connection = Conn) -> Response:
        """Inputs that could not be indexed."""
        check_params(request, PAGE_KEYS)
        return pages.listing(
            request, params, lambda n, o: queries.failures(conn, n, o),
            queries.counts(conn).failures, "failures.html", "Failures", {"failures": ROWS})

    return app

