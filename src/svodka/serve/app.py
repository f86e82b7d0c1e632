"""`svodka serve`: the event store, read-only, as a JSON API and a single-page
map, timeline and evidence view (static/)."""
from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import uvicorn
from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..dataset.store import SUMMARY_SORTS, Store, StoreError
from ..errors import SvodkaError
from ..export import formats as export
from ..ingest.common import ISO_DAY
from .api_models import (
    Aggregate,
    DocumentDetail,
    DocumentPage,
    DocumentSummary,
    EventDetail,
    EventPage,
    EventSummary,
    Place,
    Report,
    Source,
    StoreInfo,
    spans_of,
)

STATIC = Path(__file__).parent / "static"
EXPORT_PAGE = 1000
LANGUAGE_SAMPLE = 20  # documents read to tell the interface language
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http: https:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# The /docs page runs Swagger UI vendored under static/vendor/swagger-ui (no network); it styles by attribute.
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SORT_PATTERN = f"^-?({'|'.join(SUMMARY_SORTS)})$"
# Host names a browser on this machine uses: a page elsewhere that makes its own
# name resolve to 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
ANY_ADDRESS = ("0.0.0.0", "::", "")
MAX_OFFSET = 2**53 - 1  # SQLite's OFFSET is a 64-bit integer; JSON numbers are exact up to 2**53
EXPORTS = {"acled": ("text/csv", "svodka-events.csv", export.write_acled),
           "geojson": ("application/geo+json", "svodka-events.geojson", export.write_geojson)}


class ThreadStores:
    """One read-only connection per server thread: an SQLite connection stays in its thread."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.local = threading.local()

    def current(self) -> Store:
        if not hasattr(self.local, "store"):
            self.local.store = Store.open(self.path, readonly=True)
        return self.local.store


class SecurityHeaders:
    """Content-Security-Policy and friends on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope["path"].startswith("/docs") else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"content-security-policy", policy.encode()),
                                      (b"x-content-type-options", b"nosniff"),
                                      (b"referrer-policy", b"no-referrer")]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Problem(BaseModel):
    """Every error answer: one readable line, and FastAPI's detail (a list of the
    parameters' problems for a 422, else the same line)."""

    message: str
    detail: str | list[dict]


PROBLEMS = {422: {"model": Problem, "description": "A parameter is invalid"},
            503: {"model": Problem, "description": "The store cannot be read now (locked or damaged)"}}
NOT_FOUND = {404: {"model": Problem, "description": "No such id in the store"}}
router = APIRouter(prefix="/api", responses=PROBLEMS)


def store_of(request: Request) -> Store:
    return request.app.state.stores.current()


def event_filters(country: str | None, type: str | None, sub_type: str | None, since: date | None,
                  until: date | None, place: str | None, source: str | None, q: str | None) -> dict:
    return {"country": country and country.upper(), "event_type": type, "sub_event_type": sub_type,
            "since": since and since.isoformat(), "until": until and until.isoformat(),
            "place": place, "source": source, "text": q}


Country = Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code, e.g. KG.", min_length=2, max_length=2)]
EventType = Annotated[str | None, Query(description="ACLED event type, e.g. Protests.")]
SubType = Annotated[str | None, Query(description="ACLED sub-event type.")]


def iso_day(value: object) -> object:
    """A day as the schema says, YYYY-MM-DD: pydantic alone also takes "0.0" (a Unix time) and "20241105"."""
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("expected a day YYYY-MM-DD")
    return value


Since = Annotated[date | None, Query(description="First day, YYYY-MM-DD."), BeforeValidator(iso_day)]
Until = Annotated[date | None, Query(description="Last day, YYYY-MM-DD."), BeforeValidator(iso_day)]
PlaceName = Annotated[str | None, Query(description="A place or first-level region name as stored.")]
Outlet = Annotated[str | None, Query(description="An outlet that reported the event.")]
Text = Annotated[str | None, Query(description="Full-text search over the reports' text.", min_length=1)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


@router.get("/events", response_model=EventPage, summary="Linked events that happened, one page")
def list_events(request: Request, country: Country = None, type: EventType = None, sub_type: SubType = None,
                since: Since = None, until: Until = None, place: PlaceName = None, source: Outlet = None,
                q: Text = None, limit: Limit = 100, offset: Offset = 0,
                sort: Annotated[str, Query(pattern=SORT_PATTERN, description="A column, '-' first for descending.")] = "-date",
                ) -> EventPage:
    filters = event_filters(country, type, sub_type, since, until, place, source, q)
    total, rows = store_of(request).event_summaries(sort=sort, limit=limit, offset=offset, **filters)
    return EventPage(total=total, limit=limit, offset=offset, sort=sort, events=[EventSummary(**row) for row in rows])


@router.get("/events/{id}", response_model=EventDetail, responses=NOT_FOUND,
            summary="A linked event with each report, its text and evidence")
def get_event(request: Request, id: str) -> EventDetail:
    store = store_of(request)
    event = store.get_event(id)
    if event is None:
        raise HTTPException(404, f"no event {id}")
    texts = {key: store.get_document(key)["text"] for key in {r["document"]["key"] for r in event["reports"]}}
    reports = [Report(document=r["document"], text=texts[r["document"]["key"]], event=r["event"],
                      spans=spans_of([r["event"]])) for r in event["reports"]]
    return EventDetail(**{**event, "reports": reports})


@router.get("/documents", response_model=DocumentPage, summary="Stored documents, newest first")
def list_documents(request: Request, source: Outlet = None, since: Since = None, until: Until = None,
                   q: Text = None, limit: Limit = 100, offset: Offset = 0) -> DocumentPage:
    documents = store_of(request).documents(source=source, since=since and since.isoformat(),
                                            until=until and until.isoformat(), text=q, limit=limit, offset=offset)
    return DocumentPage(limit=limit, offset=offset, documents=[DocumentSummary(**d) for d in documents])


@router.get("/documents/{id}", response_model=DocumentDetail, responses=NOT_FOUND,
            summary="A document's text, events and evidence spans")
def get_document(request: Request, id: str) -> DocumentDetail:
    document = store_of(request).get_document(id)
    if document is None:
        raise HTTPException(404, f"no document {id}")
    return DocumentDetail(**document, spans=spans_of(document["events"]))


@router.get("/places", response_model=list[Place], summary="Places of events, with event and fatality counts")
def list_places(request: Request) -> list[Place]:
    return [Place(**row) for row in store_of(request).places()]


@router.get("/sources", response_model=list[Source], summary="Outlets, with document and event counts")
def list_sources(request: Request) -> list[Source]:
    return [Source(**row) for row in store_of(request).sources()]


@router.get("/aggregates", response_model=list[Aggregate], summary="Events and fatalities by day or by event type")
def aggregates(request: Request, by: Literal["day", "type"] = "day", country: Country = None) -> list[Aggregate]:
    rows = store_of(request).aggregates(by, country=country and country.upper())
    return [Aggregate(**row) for row in rows]


@router.get("/info", response_model=StoreInfo, summary="Rows in the store and the language of its documents")
def info(request: Request) -> StoreInfo:
    counts = store_of(request).counts()
    return StoreInfo(documents=counts["documents"], events=counts["events"],
                     linked_events=counts["linked_events"], language=request.app.state.language)


@router.get("/export", summary="The events of a filter as ACLED CSV or GeoJSON",
            response_class=FileResponse, responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}})
def export_events(request: Request, format: Literal["acled", "geojson"], country: Country = None,
                  type: EventType = None, sub_type: SubType = None, since: Since = None, until: Until = None,
                  place: PlaceName = None, source: Outlet = None, q: Text = None) -> FileResponse:
    media_type, filename, write = EXPORTS[format]
    store = store_of(request)
    events = filtered_events(store, event_filters(country, type, sub_type, since, until, place, source, q))
    folder = tempfile.mkdtemp(prefix="svodka-export-")
    try:
        with store.snapshot():  # the pages of one export see one state of the store
            write(events, str(Path(folder) / filename))
    except BaseException:
        shutil.rmtree(folder)
        raise
    return FileResponse(Path(folder) / filename, media_type=media_type, filename=filename,
                        background=BackgroundTask(shutil.rmtree, folder))


def filtered_events(store: Store, filters: dict) -> Iterator[dict]:
    offset = 0
    while page := store.query_events(**filters, limit=EXPORT_PAGE, offset=offset):
        yield from page
        offset += len(page)


def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    """422 with one readable line ("since: Input should be a valid date ...") beside FastAPI's detail."""
    problems = [f"{'.'.join(str(part) for part in problem['loc'][1:])}: {problem['msg']}" for problem in error.errors()]
    return JSONResponse({"message": "; ".join(problems), "detail": jsonable_encoder(error.errors())}, status_code=422)


def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    """404, 405 and the like in the same shape as every other error."""
    message = str(error.detail)
    return JSONResponse({"message": message, "detail": message}, status_code=error.status_code,
                        headers=getattr(error, "headers", None))


def store_error(request: Request, error: StoreError) -> JSONResponse:
    """A query the full-text index rejects is a bad parameter; anything else, the store failing."""
    if request.query_params.get("q") and "locked" not in str(error):
        message, status = f"q: invalid search query ({error})", 422
    else:
        message, status = str(error), 503
    return JSONResponse({"message": message, "detail": message}, status_code=status)


def interface_language(store: Store) -> Literal["ru", "en"]:
    """Russian unless the store's newest documents are mostly in another script."""
    letters = cyrillic = 0
    for document in store.documents(limit=LANGUAGE_SAMPLE):
        text = store.get_document(document["key"])["text"]
        letters += sum(character.isalpha() for character in text)
        cyrillic += sum("\u0400" <= character <= "\u04ff" for character in text)
    return "en" if letters and cyrillic < letters / 2 else "ru"


def allowed_hosts(bound: str | None = None, extra: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The Host header names the server answers: loopback, the address it listens on when that is
    one address, and the names the user adds (`--allow-host`, "*" for any)."""
    hosts = list(LOOPBACK_HOSTS)
    if bound and bound not in ANY_ADDRESS:
        hosts.append(f"[{bound}]" if ":" in bound and not bound.startswith("[") else bound)
    for name in extra:
        name = name.strip().lower()
        if not name or "*" in name[1:] or (name.startswith("*") and name != "*" and not name.startswith("*.")) or "/" in name:
            raise SvodkaError(f"--allow-host takes a host name, '*.example.org' or '*', not '{name}'")
        hosts.append(name)
    return list(dict.fromkeys(hosts))


def create_app(db_path: str, hosts: list[str] | None = None) -> FastAPI:
    """The app over the store at `db_path`, answering requests for `hosts` (default: loopback
    names only); StoreError now if it cannot be read."""
    with Store.open(db_path, readonly=True) as store:
        language = interface_language(store)
    app = FastAPI(title="svodka", description="Geocoded events from Russian news, every value with its evidence. "
                  "Read-only.", version="0.1.0", redoc_url=None, docs_url=None)
    app.state.stores = ThreadStores(db_path)
    app.state.language = language
    app.include_router(router)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts or allowed_hosts(), www_redirect=False)
    app.add_middleware(SecurityHeaders)
    return app


def serve(db_path: str, *, host: str, port: int, allow_hosts: tuple[str, ...] | list[str] = ()) -> None:
    app = create_app(db_path, allowed_hosts(host, allow_hosts))
    print(f"svodka: serving {db_path} read-only at http://{host}:{port}/ (API docs at /docs)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
