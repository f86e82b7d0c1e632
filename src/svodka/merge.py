"""One event per type, sub-type, place and day (ANNOTATION.md).

Mentions of one event across paragraphs and sources become one event; its
counts become intervals spanning every source's figure, a running total
replacing the figures before it. A death reported with no act of its own
("погибли восемь человек") belongs to the violent event it follows.
"""
from __future__ import annotations

from .detect import event_classes
from .model import COUNT_SLOTS, Claim, Count, Document, Event

PROTEST_SEVERITY = ["protest", "intervention", "excessive_force"]
COARSE = ("country", "admin1")
PRECISION_RANK = {"landmark": 0, "city": 1, "admin1": 2, "country": 3}
SUPPORTED_WEIGHT = 0.75


def place_key(event: Event):
    if event.location is None:
        return None
    place = event.location.place
    return place.geonameid or (place.name, place.country)


def trigger_weight(event: Event) -> float:
    missing = 1.0
    for t in event.triggers:
        missing *= 1.0 - t.weight
    return 1.0 - missing


def family(event: Event) -> tuple[str, ...]:
    """Protests and riots are merged whatever their sub-type: one protest, coded by its most severe part."""
    if event.event_type in ("Protests", "Riots"):
        return (event.event_type,)
    return (event.event_type, event.sub_event_type)


def combined_kind(target: Event, other: Event) -> str:
    if target.event_type == "Protests":
        return max(target.kind, other.kind, key=PROTEST_SEVERITY.index)
    return target.kind if len(target.triggers) >= len(other.triggers) else other.kind


def absorb(target: Event, other: Event) -> None:
    if family(target) == family(other) and target.kind != other.kind:
        target.kind = combined_kind(target, other)
        target.sub_event_type = event_classes()[target.kind].sub_event_type
    target.triggers = sorted(target.triggers + other.triggers, key=lambda t: t.start)
    target.count_mentions += other.count_mentions
    target.evidence = sorted(set(target.evidence + other.evidence))
    for source in other.sources:
        if all(source.chain != s.chain for s in target.sources):
            target.sources.append(source)
    for actor in other.actors:
        if all(actor.category != a.category for a in target.actors) and len(target.actors) < 2:
            target.actors.append(actor)
    target.verification = target.verification or other.verification
    if other.location and (
        target.location is None
        or (
            place_key(other) == place_key(target)
            and PRECISION_RANK[other.location.place.precision] < PRECISION_RANK[target.location.place.precision]
        )
    ):
        target.location = other.location
    if other.date_stated and not target.date_stated:
        target.date, target.date_evidence, target.date_stated = other.date, other.date_evidence, True


def absorb_deaths(events: list[Event]) -> list[Event]:
    """Bare killings join the violent event at their place, else the last violent event before them."""
    classes = event_classes()
    violent = [e for e in events if e.kind != "killing" and classes[e.kind].violent and e.modality == "actual"]
    kept = []
    for e in events:
        if e.kind != "killing" or not violent:
            kept.append(e)
            continue
        same_place = [v for v in violent if place_key(v) == place_key(e)]
        same_day = [v for v in same_place if v.date == e.date]
        before = [v for v in violent if v.triggers[0].start < e.triggers[0].start]
        target = (same_day or same_place or before or violent)[0]
        absorb(target, e)
    return kept


def absorb_coarse(events: list[Event]) -> list[Event]:
    """An event placed only by its country or region, beside the same event placed in a city of that
    country, is that event (unless the text says it spans the whole country)."""
    kept = []
    for e in events:
        place = e.location.place if e.location else None
        precise = [
            o for o in events
            if o is not e and place and not e.nationwide and o.location
            and o.location.place.precision not in COARSE and o.location.place.country == place.country
            and (o.event_type, o.sub_event_type, o.modality) == (e.event_type, e.sub_event_type, e.modality)
            and (o.date == e.date or not e.date_stated)
        ]
        if place and place.precision in COARSE and precise:
            absorb(precise[0], e)
        else:
            kept.append(e)
    return kept


def merge_same(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for e in sorted(events, key=lambda e: (not e.date_stated, e.triggers[0].start)):
        key = (family(e), e.modality, place_key(e))
        same = [m for m in merged if (family(m), m.modality, place_key(m)) == key]
        target = next((m for m in same if m.date == e.date), None)
        if target is None and not e.date_stated and same:
            target = same[0]
        if target is None:
            merged.append(e)
        else:
            absorb(target, e)
    return merged


def resolve_counts(event: Event) -> None:
    for slot in COUNT_SLOTS:
        mentions = [(m, chain) for m, chain in event.count_mentions if m.slot == slot]
        if not mentions:
            continue
        event.claims += [Claim(chain, slot, m.count) for m, chain in mentions]
        totals = [m for m, _ in mentions if m.total]
        if totals:
            setattr(event, slot, totals[-1].count)
            continue
        counts = [m.count for m, _ in mentions]
        low = min(c.min for c in counts)
        high = None if any(c.max is None for c in counts) else max(c.max for c in counts)
        first = min(counts, key=lambda c: c.evidence[0])
        setattr(event, slot, Count(low, high, first.text, first.evidence))


def confidence(event: Event) -> float:
    score = 0.45 * trigger_weight(event)
    score += 0.15 if event.location and event.location.place.precision != "country" else 0.05
    score += 0.15 if event.date_stated else 0.0
    score += 0.15 if event.sources else 0.0
    score += 0.1 if any(getattr(event, slot) for slot in COUNT_SLOTS) else 0.0
    return round(min(1.0, score), 2)


def supported(event: Event, events: list[Event]) -> bool:
    """A weak trigger stands only with a count or beside a firm event of the same type."""
    if trigger_weight(event) >= SUPPORTED_WEIGHT or event.count_mentions:
        return True
    return any(o is not event and o.event_type == event.event_type and trigger_weight(o) >= SUPPORTED_WEIGHT for o in events)


def absorb_detentions(doc: Document, events: list[Event]) -> list[Event]:
    """Detentions told in the paragraph of a protest or riot at their place are that event's arrests."""
    kept = []
    for e in events:
        paragraph = doc.sentences[e.triggers[0].sentence].paragraph
        hosts = [
            o for o in events
            if e.kind == "arrest" and o.event_type in ("Protests", "Riots") and o.modality == e.modality
            and place_key(o) == place_key(e)
            and any(doc.sentences[t.sentence].paragraph == paragraph for t in o.triggers)
        ]
        if hosts:
            absorb(hosts[0], e)
        else:
            kept.append(e)
    return kept


def merge(doc: Document, events: list[Event]) -> list[Event]:
    events = [e for e in events if e.modality != "background"]
    events = absorb_detentions(doc, events)
    events = absorb_deaths(events)
    events = merge_same(events)
    events = absorb_coarse(events)
    events = [e for e in events if supported(e, events)]
    events.sort(key=lambda e: e.triggers[0].start)
    for number, event in enumerate(events, 1):
        event.id = f"e{number}"
        resolve_counts(event)
        event.confidence = confidence(event)
    return events
