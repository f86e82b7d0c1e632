"""Linking reports of one event across documents into one aggregated event.

Two reports are of one event when they come from different documents and
agree on event type, modality, a compatible sub-event type
(data/compatible_subtypes.tsv), the same or an adjacent day, a nearby place
(the same GeoNames id, within LINK_DISTANCE_KM, or one is the region or
country that contains the other) and do not name different parties.

Linking is order-independent: reports are clustered greedily (complete
linkage) in an order fixed by their content, day first (`link_order`), so the
clusters depend only on which reports are stored, not on the order they
arrived in. link_index.relink computes the same clusters incrementally.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..lexicon import data_rows
from ..model import COUNT_SLOTS, CountSlot, GeoPrecision, TimePrecision, Verification
from ..resources import shared_resources

LINK_DISTANCE_KM = 25.0
EARTH_RADIUS_KM = 6371.0
MAX_DAY_GAP = 1
PRECISION_RANK = {GeoPrecision.LANDMARK: 0, GeoPrecision.CITY: 0, GeoPrecision.ADMIN1: 1, GeoPrecision.COUNTRY: 2}
VERIFICATION_RANK = {None: 0, Verification.UNCONFIRMED: 1, Verification.DISPUTED: 2}
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Report:
    """One document's event, as stored."""

    document: str  # the document's content key
    event: dict  # the event's JSON, whole
    outlet: str | None = None
    published: date | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.document, self.event["id"])

    @property
    def day(self) -> date | None:
        """The event's day, else the day it was published (ACLED's time precision 2)."""
        return date.fromisoformat(self.event["date"]) if self.event.get("date") else self.published

    @property
    def location(self) -> dict | None:
        return self.event.get("location")

    def order(self) -> tuple:
        """Precise places first, then by content, so vague reports join precise ones."""
        precision = self.location["precision"] if self.location else None
        return (PRECISION_RANK.get(precision, 3), self.key)


def link_order(report: Report) -> tuple:
    """The clustering order: by day (undated last), then precise places first so
    vague reports join precise ones, then by content. Day first keeps linking
    local: a new report can only change the clusters of its day and after."""
    return (report.day or date.max, *report.order())


# --- the relation -------------------------------------------------------------


def same_event(a: Report, b: Report) -> bool:
    ea, eb = a.event, b.event
    return (
        a.document != b.document
        and ea["event_type"] == eb["event_type"]
        and ea["modality"] == eb["modality"]
        and sub_types_compatible(ea["event_type"], ea["sub_event_type"], eb["sub_event_type"])
        and days_adjacent(a.day, b.day)
        and places_compatible(a.location, b.location)
        and parties_compatible(ea.get("actors") or [], eb.get("actors") or [])
    )


def sub_types_compatible(event_type: str, a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in compatible_sub_types().get(event_type, set())


def load_compatible_sub_types() -> dict[str, set[frozenset[str]]]:
    pairs: dict[str, set[frozenset[str]]] = {}
    for event_type, first, second in data_rows("dataset/compatible_subtypes.tsv"):
        pairs.setdefault(event_type, set()).add(frozenset((first, second)))
    return pairs


@lru_cache(maxsize=None)
def escalation_rank(sub_event_type: str) -> int:
    """How far down the escalation pairs a sub-event type stands (0 when in none)."""
    ranks = {second: index + 1 for index, (_, _, second) in enumerate(data_rows("dataset/compatible_subtypes.tsv"))}
    return ranks.get(sub_event_type, 0)


def days_adjacent(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= MAX_DAY_GAP


def places_compatible(a: dict | None, b: dict | None) -> bool:
    if not a or not b or not a.get("country") or a["country"] != b.get("country"):
        return False
    if GeoPrecision.COUNTRY in (a["precision"], b["precision"]):
        return True
    if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
        return True
    if GeoPrecision.ADMIN1 in (a["precision"], b["precision"]):
        return a.get("admin1") is not None and a.get("admin1") == b.get("admin1")
    return distance_km(a, b) <= LINK_DISTANCE_KM


def distance_km(a: dict, b: dict) -> float:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def parties_compatible(a: list[dict], b: list[dict]) -> bool:
    """False when both reports name the parties (or the target, actor2) and
    no category is shared: an attack on journalists is not an attack on police."""
    for roles in (("actor2",), ("actor1", "actor2")):
        left = {actor["category"] for actor in a if actor["role"] in roles}
        right = {actor["category"] for actor in b if actor["role"] in roles}
        if left and right and not left & right:
            return False
    return True


# --- clustering ---------------------------------------------------------------


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Reports grouped into events: each joins the first group whose every
    report is of the same event (complete linkage, so a vague report never
    chains two distinct events together)."""
    groups: list[list[Report]] = []
    for report in sorted(reports, key=link_order):
        for group in groups:
            if all(same_event(report, member) for member in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups


def linked_id(group: list[Report]) -> str:
    first = min(report.key for report in group)
    return hashlib.sha1("\x1f".join(first).encode("utf-8")).hexdigest()[:16]


# --- the aggregate ------------------------------------------------------------


def aggregate(group: list[Report]) -> dict:
    """One linked event: every report's claims and sources, an honest interval
    per count, and ACLED's fatality figure."""
    group = sorted(group, key=Report.order)
    events = [report.event for report in group]
    claims = [claim for report in group for claim in report_claims(report)]
    out = {
        "id": linked_id(group),
        "event_type": events[0]["event_type"],
        "sub_event_type": chosen_sub_type(events),
        "modality": events[0]["modality"],
        "date": chosen_day(group),
        "time_precision": TimePrecision.DAY if any(e.get("date") for e in events) else TimePrecision.WEEK,
        "location": group[0].location,
        "actors": distinct_actors(events),
    }
    for slot in COUNT_SLOTS:
        out[slot] = interval([c for c in claims if c["slot"] == slot])
    if out["fatalities"] is not None:
        out[CountSlot.FATALITIES]["acled"] = acled_fatalities([c for c in claims if c["slot"] == CountSlot.FATALITIES])
    out["claims"] = claims
    out["sources"] = [
        {"chain": source["chain"], "outlet": report.outlet, "document": report.document}
        for report in group
        for source in report.event.get("sources") or []
    ]
    out["outlets"] = sorted({report.outlet for report in group if report.outlet})
    out["verification"] = max((e.get("verification") for e in events), key=lambda v: VERIFICATION_RANK.get(v, 0))
    out["confidence"] = max(e.get("confidence") or 0.0 for e in events)
    out["reports"] = [{"document": report.document, "event": report.event["id"]} for report in group]
    return out


def chosen_sub_type(events: list[dict]) -> str:
    votes = Counter(e["sub_event_type"] for e in events)
    return max(votes, key=lambda sub: (votes[sub], escalation_rank(sub)))


def chosen_day(group: list[Report]) -> str | None:
    stated = [date.fromisoformat(r.event["date"]) for r in group if r.event.get("date")]
    days = stated or [r.day for r in group if r.day]
    if not days:
        return None
    votes = Counter(days)
    return min(votes, key=lambda day: (-votes[day], day)).isoformat()


def distinct_actors(events: list[dict]) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for event in events:
        for actor in event.get("actors") or []:
            seen.setdefault((actor["role"], actor["name"], actor["category"]), {k: actor[k] for k in ("role", "name", "category")})
    return list(seen.values())


def report_claims(report: Report) -> list[dict]:
    """The report's claims, each with its source chain and where it comes from.
    A figure the text repeats from one source (headline and body) is one claim."""
    event = report.event
    claims = [{**claim, "chain": claim_chain(claim)} for claim in event.get("claims") or []]
    for slot in COUNT_SLOTS:
        count = event.get(slot)
        if count and not any(c["slot"] == slot for c in claims):
            claims.append({"chain": [], "slot": slot, "min": count["min"], "max": count["max"], "text": count["text"],
                           "evidence": count["evidence"], "verification": event.get("verification")})
    attributed = {(c["slot"], c["min"], c["max"]) for c in claims if c["chain"]}
    kept, seen = [], set()
    for claim in claims:
        figure = (claim["slot"], claim["min"], claim["max"])
        identity = (figure, tuple(claim["chain"]))
        if (not claim["chain"] and figure in attributed) or identity in seen:
            continue
        seen.add(identity)
        kept.append({**claim, "document": report.document, "event": event["id"], "outlet": report.outlet})
    return kept


def claim_chain(claim: dict) -> list[str]:
    """Who makes the claim, innermost first (older results carry the chain on the claim itself)."""
    if "chain" in claim:
        return claim["chain"] or []
    return (claim.get("source") or {}).get("chain") or []


def interval(claims: list[dict]) -> dict | None:
    """From the lowest minimum to the highest maximum; one open maximum leaves it open."""
    if not claims:
        return None
    maxima = [c["max"] for c in claims]
    return {"min": min(c["min"] for c in claims), "max": None if None in maxima else max(maxima)}


def acled_fatalities(claims: list[dict]) -> int:
    """ACLED's figure: the lowest reported, a vague "десятки" taken by ACLED's convention."""
    return min((acled_figure(c) for c in claims), default=0)


def acled_figure(claim: dict) -> int:
    if claim["max"] != claim["min"]:
        for word in WORD.findall(claim["text"].lower()):
            for stem, figure in vague_figures():
                if word.startswith(stem):
                    return figure
    return claim["min"]


def load_vague_figures() -> tuple[tuple[str, int], ...]:
    return tuple((stem, int(figure)) for stem, figure in data_rows("dataset/acled_vague_counts.tsv"))


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def compatible_sub_types():
    return shared_resources().compatible_sub_types


def vague_figures():
    return shared_resources().vague_figures
