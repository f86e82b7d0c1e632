"""The event record's shape, defined once: CONTRACT.md's records as pydantic models.

records.py turns the data model (model.py) into these records' JSON; the store keeps that JSON
and its read side gives it back; the Python API (api.py) returns these models built from it,
and `svodka serve`'s API models (serve/api_models.py) are these models, or derive from them
(a linked event's figures and claims carry a few fields more). Every value taken from a text
carries its evidence: character offsets `[start, end)` into the document's text, counted in
Unicode code points (Python's str indices), a `(start, end)` tuple here, a list in the JSON.

`to_json(model)` gives back the JSON a model was built from: the fields the JSON had, with
their values, as `svodka extract --format json` prints them.
"""
from __future__ import annotations

from datetime import date as Day
from typing import Literal

from pydantic import BaseModel

from .model import MODALITIES, CountSlot, GeoPrecision, Verification

Span = tuple[int, int]
# The contract's modalities: the model's internal BACKGROUND never reaches a record.
RecordModality = Literal[tuple(MODALITIES)]  # type: ignore[valid-type]


class Location(BaseModel):
    """The most precise place the text gives. `name` is the place's nominative Russian name,
    `country` ISO 3166-1 alpha-2; a landmark has its city's coordinates."""

    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: GeoPrecision | None = None
    evidence: Span | None = None
    landmark: str | None = None  # "площадь Республики" when the text names one (absent otherwise)


class Count(BaseModel):
    """A count of people as an interval: `max` None for an open upper bound ("свыше 300" is
    301..None, "десятки" 20..99, "восемь" 8..8); `text` is the phrase as written."""

    min: int | None = None
    max: int | None = None
    acled: int | None = None  # on a linked event's fatalities: the single number ACLED's column takes
    text: str | None = None
    evidence: Span | None = None


class Actor(BaseModel):
    role: str  # actor1 | actor2
    name: str
    category: str | None = None  # ACLED's: State forces, Protesters, Rioters, Civilians, ...
    evidence: Span | None = None


class Source(BaseModel):
    """Who says so, innermost first: the person or body that made the claim, then each outlet
    that passed it on ("X told Y, quoted by Z" is [X, Y, Z]), names in the nominative; `unnamed`
    the links that name no one ("источник", "ряд СМИ"); `inherited` when it is said in the
    paragraph or the lead, not in the event's own sentences."""

    chain: list[str] = []
    unnamed: list[str] = []
    inherited: bool = False
    evidence: Span | None = None


class Claim(BaseModel):
    """One source's figure for one slot of an event."""

    slot: CountSlot
    min: int | None = None
    max: int | None = None
    text: str | None = None
    evidence: Span | None = None
    source: Source | None = None
    verification: Verification | None = None
    distanced: bool = False  # the figure stands in quotation marks: «"десятки"»
    # on a linked event's claims: the report it comes from and its source chain, innermost first
    outlet: str | None = None
    chain: list[str] = []
    document: str | None = None


class Label(BaseModel):
    """A word a source uses for a party to the event: "экстремисты" in the command's words."""

    source: list[str]  # the chain whose words these are; the outlet itself when no one is quoted
    label: str
    category: str | None = None
    evidence: Span | None = None


class Trigger(BaseModel):
    text: str
    evidence: Span


class Event(BaseModel):
    """One event as one document tells it (CONTRACT.md's fields, and svodka's own)."""

    id: str  # stable within the document: e1, e2, ...
    event_type: str  # ACLED's six event types, spelled as in its codebook
    sub_event_type: str
    modality: RecordModality  # only actual events count as events
    date: Day | None = None  # the day it happened, resolved against the publication day
    date_evidence: Span | None = None
    location: Location | None = None
    actors: list[Actor] = []
    fatalities: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    crowd: Count | None = None
    sources: list[Source] = []
    claims: list[Claim] = []
    labels: list[Label] = []
    verification: Verification | None = None  # unconfirmed | disputed, else None
    evidence: list[Span] = []
    triggers: list[Trigger] = []
    confidence: float | None = None  # 0..1
    acled: dict | None = None  # ACLED's actor columns: actor1, assoc_actor_1, inter1, ..., civilian_targeting


class Quote(BaseModel):
    """Direct or indirect speech: who said it (innermost first), what, and with which verb."""

    chain: list[str]
    text: Span
    verb: Span | None = None
    direct: bool


class Document(BaseModel):
    """What `svodka extract --format json` prints for one document."""

    id: str
    published: Day | None = None
    events: list[Event] = []
    quotes: list[Quote] = []


def to_json(model: BaseModel) -> dict:
    """The JSON a model was built from: the fields it was given, dates as strings, spans as lists."""
    return model.model_dump(mode="json", exclude_unset=True)
