"""Separate events told in one sentence: places listed ("в Льеже и Монсе"), days listed ("в понедельник
и во вторник") and two acts at two places are one event each; a figure the listing sentence gives for all
of them is none of theirs (ANNOTATION.md: shared figures)."""
from __future__ import annotations

from dataclasses import replace

from ..detect.triggers import event_classes
from ..model import DateMention, Document, Event, GeoPrecision, PlaceMention

BARE_DEATHS = ("killing", "death")  # deaths told with no act of their own

LIST_WORDS = {",", "и", "а", "также", "в", "во", "на", "над", "под"}  # what stands between the names of a list: "в Льеже и Монсе"
DASHES = {"—", "–", "-"}
LINKS = {",", "и"}  # of which a list needs one ("из Лахора в Исламабад" is a route, not a list)
BETWEEN = {"между"}  # "бои между Арменией и Азербайджаном": one clash between the two


def coordinated(tokens: list, items: list, chosen) -> list:
    """The items (spans of the sentence, in order) that stand in one list with `chosen` ("в Льеже и
    Монсе", "в понедельник и во вторник"), `chosen` included; [] when it stands in none."""

    def joined(a, b) -> bool:
        between = [t for t in tokens if t.start >= a.end and t.end <= b.start]
        words = {t.text.lower() for t in between if not is_share(t)}
        return bool(between) and words <= LIST_WORDS and bool(words & LINKS)

    run = [chosen]
    position = items.index(chosen)
    for m in reversed(items[:position]):
        if not joined(m, run[0]):
            break
        run.insert(0, m)
    for m in items[position + 1:]:
        if not joined(run[-1], m):
            break
        run.append(m)
    before = [t for t in tokens if t.end <= run[0].start][-1:]
    return [] if len(run) < 2 or before and before[0].lemma in BETWEEN else run


def is_share(token) -> bool:
    """A figure and its dash in a list of shares: "12 над Брянской областью, девять — над Калужской"."""
    return token.text in DASHES or token.text.isdigit() or token.pos == "NUMR" or token.lemma == "один"


def listed_places(doc: Document, index: int, mentions: list[PlaceMention], chosen: PlaceMention) -> list[PlaceMention]:
    """The places the sentence names in one list with the event's own ("в Льеже и Монсе", "деревни
    Ветрено, Матвеевка и Дуровка"), each as precise as it: separate places, separate events."""
    same = sorted((m for m in mentions if m.place.precision == chosen.place.precision), key=lambda m: m.start)
    if len(same) < 2 or chosen not in same:
        return []
    run = coordinated(doc.sentences[index].tokens, same, chosen)
    keys = {(m.place.geonameid or m.place.name) for m in run}
    return [m for m in run if m is not chosen] if len(keys) == len(run) else []


def split_by_days(doc: Document, event: Event, mentions: list[DateMention]) -> list[Event]:
    """The event, and a copy of it on each other day its own sentence lists with its day ("акции прошли
    в понедельник и во вторник"): separate days, separate events."""
    if event.date_evidence is None or not event.date_stated:
        return [event]
    dated = sorted((d for d in mentions if d.day), key=lambda d: d.start)
    chosen = next((d for d in dated if (d.start, d.end) == tuple(event.date_evidence)), None)
    if chosen is None:
        return [event]
    run = coordinated(doc.sentences[event.triggers[0].sentence].tokens, dated, chosen)
    if len({d.day for d in run}) != len(run):
        return [event]
    return [event] + [
        replace(event, date=d.day, date_evidence=(d.start, d.end), triggers=list(event.triggers), actors=list(event.actors),
                sources=list(event.sources), claims=[], labels=list(event.labels), evidence=list(event.evidence))
        for d in run if d is not chosen
    ]


def split_by_places(doc: Document, event: Event, mentions: list[PlaceMention]) -> list[Event]:
    """The event, and a copy of it at each other place its sentence lists with its own."""
    if event.location is None or event.nationwide:
        return [event]
    index = event.triggers[0].sentence
    chosen = next((m for m in mentions if (m.start, m.end) == (event.location.start, event.location.end)), None)
    if chosen is None:
        return [event]
    copies = []
    for m in listed_places(doc, index, mentions, chosen):
        copy = replace(event, location=PlaceMention(m.place, m.start, m.end), triggers=list(event.triggers),
                       actors=list(event.actors), sources=list(event.sources), claims=[], labels=list(event.labels),
                       evidence=list(event.evidence))
        copies.append(copy)
    return [event] + copies


FINE = (GeoPrecision.LANDMARK, GeoPrecision.CITY)
PRECISION = {GeoPrecision.LANDMARK: 0, GeoPrecision.CITY: 0, GeoPrecision.ADMIN1: 1, GeoPrecision.COUNTRY: 2}


def split_by_acts(doc: Document, event: Event, mentions: list[PlaceMention]) -> list[Event]:
    """A sentence telling two acts of violence at two places ("взрыв у вокзала в Льеже, а затем стрельба
    на площади в Монсе") tells two events, though its words combine into one:
    each act goes to the place named nearest it, and keeps its own class."""
    classes = event_classes()
    acts = [t for t in event.triggers if classes[t.kind].violent and t.kind not in BARE_DEATHS]
    places = [m for m in mentions if m.place.precision in FINE]
    if len({t.kind for t in acts}) < 2 or len({m.place.geonameid or m.place.name for m in places}) < 2:
        return [event]

    def nearest(t) -> PlaceMention:
        return min(places, key=lambda m: min(abs(m.start - t.end), abs(t.start - m.end)))

    by_place: dict[object, list] = {}
    for t in acts:
        by_place.setdefault(nearest(t).place.geonameid or nearest(t).place.name, []).append(t)
    if len(by_place) < 2 or any(len({t.kind for t in group}) > 1 for group in by_place.values()):
        return [event]
    rest = [t for t in event.triggers if t not in acts]  # the deaths and arrests stay with the first act
    split = []
    for number, group in enumerate(sorted(by_place.values(), key=lambda g: g[0].start)):
        kind = group[0].kind
        cls = classes[kind]
        place = nearest(group[0])
        triggers = sorted(group + (rest if number == 0 else []), key=lambda t: t.start)
        split.append(replace(event, kind=kind, event_type=cls.event_type, sub_event_type=cls.sub_event_type,
                             triggers=triggers, location=PlaceMention(place.place, place.start, place.end),
                             actors=list(event.actors), sources=list(event.sources), claims=[],
                             labels=list(event.labels), evidence=list(event.evidence)))
    return split
