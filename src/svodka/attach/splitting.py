"""Separate events told in one sentence: places listed ("в Льеже и Монсе"), days listed ("в понедельник
и во вторник") and two acts at two places are one event each; a figure the listing sentence gives for all
of them is none of theirs (ANNOTATION.md: shared figures)."""
from __future__ import annotations

from dataclasses import replace

from ..detect.triggers import event_classes
from ..lexicon import pattern_set
from ..model import DateMention, Document, Event, GeoPrecision, PlaceMention
from .places import gazetteer

BARE_DEATHS = ("killing", "death")  # deaths told with no act of their own
NATIONWIDE, OTHERS = "attach/nationwide.tsv", "others"  # "в Каире и других городах страны"

LIST_WORDS = {",", "и", "а", "также", "в", "во", "на", "над", "под"}  # what stands between the names of a list: "в Льеже и Монсе"
DASHES = {"—", "–", "-"}
LINKS = {",", "и"}  # of which a list needs one ("из Лахора в Исламабад" is a route, not a list)
BETWEEN = {"между"}  # "бои между Арменией и Азербайджаном": one clash between the two


def coordinated(tokens: list, items: list, chosen) -> list:
    """The items (spans of the sentence, in order) that stand in one list with `chosen` ("в Льеже и
    Монсе", "в понедельник и во вторник"), `chosen` included; [] when it stands in none."""

    def joined(a, b) -> bool:
        between = [t for t in tokens if t.start >= a.end and t.end <= b.start]
        words = {t.text.lower() for n, t in enumerate(between) if not is_share(t, between[n + 1] if n + 1 < len(between) else None)}
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


def is_share(token, following=None) -> bool:
    """A figure and its dash in a list of shares: "12 над Брянской областью, девять — над Калужской",
    "и по два — над Курской и Брянской"."""
    if token.text.lower() == "по" and following is not None:
        return is_share(following)
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
    listed = listed_places(doc, index, mentions, chosen)
    for m in listed:
        copy = replace(event, location=PlaceMention(m.place, m.start, m.end), triggers=list(event.triggers),
                       actors=list(event.actors), sources=list(event.sources), claims=[], labels=list(event.labels),
                       evidence=list(event.evidence))
        copies.append(copy)
    rest = rest_of_country(doc, index, max([chosen] + listed, key=lambda m: m.end))
    if rest is not None and chosen.place.precision != GeoPrecision.COUNTRY:
        country = gazetteer().country(chosen.place.country)
        copies.append(replace(event, location=PlaceMention(country, *rest), nationwide=True, triggers=list(event.triggers),
                              actors=list(event.actors), sources=list(event.sources), claims=[], labels=list(event.labels),
                              evidence=list(event.evidence)))
    return [event] + copies


TALLY_LEAD = {"в", "во", "на", "над", "под"}  # "над Курской областью — 5": a tally line may open with where
TALLY_MARKS = DASHES | {":"}
TALLY_UNIT = 2  # words after the figure: "— 5 БПЛА", "— 3 беспилотника"
TALLY_LINES = 2  # a tally has at least two lines


def tally_place(sentence, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place of a tally line ("Курская область — 5 БПЛА;", "над Брянской областью: 12"): a line that
    is one place, a dash or colon, a figure and at most a unit; None for any other sentence."""
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    tokens = [t for t in sentence.tokens if t.end <= mention.start or t.start >= mention.end]
    before = [t for t in tokens if t.end <= mention.start and t.text.isalnum()]
    after = [t for t in tokens if t.start >= mention.end and t.text not in (";", ".", ",")]
    if len(before) > 1 or before and before[0].text.lower() not in TALLY_LEAD:
        return None
    if len(after) < 2 or after[0].text not in TALLY_MARKS or not (after[1].text.isdigit() or after[1].pos == "NUMR"):
        return None
    return mention if len(after) - 2 <= TALLY_UNIT and all(t.text.isalnum() for t in after[2:]) else None


def tallied_places(doc: Document, index: int, places: dict[int, list[PlaceMention]]) -> list[PlaceMention]:
    """The places of the tally lines right after sentence `index` ("44 беспилотника сбиты над регионами:" then
    "Курская область — 5 БПЛА;", "Орловская область — 4 БПЛА;"): each line is a share of the event told above it."""
    found = []
    for i in range(index + 1, len(doc.sentences)):
        mention = tally_place(doc.sentences[i], places.get(i, []))
        if mention is None:
            break
        found.append(mention)
    return found if len({m.place.geonameid or m.place.name for m in found}) >= TALLY_LINES else []


def split_by_tally(doc: Document, event: Event, places: dict[int, list[PlaceMention]]) -> list[Event] | None:
    """The event told over a tally of places (one line each, a figure beside each place) as one event at each
    place; None when no tally follows its sentence, or its sentence names a place finer than a country."""
    index = event.triggers[0].sentence
    if any(m.place.precision != GeoPrecision.COUNTRY for m in places.get(index, [])):
        return None
    tally = tallied_places(doc, index, places)
    if not tally:
        return None
    return [
        replace(event, location=PlaceMention(m.place, m.start, m.end), triggers=list(event.triggers), actors=list(event.actors),
                sources=list(event.sources), claims=[], labels=list(event.labels), evidence=list(event.evidence),
                nationwide=False)
        for m in tally
    ]


def rest_of_country(doc: Document, index: int, last: PlaceMention) -> tuple[int, int] | None:
    """The span of "и других городах страны" right after the last place a sentence lists, if it says so: the
    rest of the country is a place of its own, told at country level."""
    tokens = doc.sentences[index].tokens
    for m in pattern_set(NATIONWIDE).find(tokens):
        if m.pattern.label == OTHERS and not any(t.text.isalnum() for t in tokens if last.end <= t.start < tokens[m.first].start):
            return tokens[m.first].start, tokens[m.last].end
    return None


FINE = (GeoPrecision.LANDMARK, GeoPrecision.CITY)
PRECISION = {GeoPrecision.LANDMARK: 0, GeoPrecision.CITY: 0, GeoPrecision.ADMIN1: 1, GeoPrecision.COUNTRY: 2}


CONTRASTS = ((",", "а"), (";",))  # what parts two clauses telling things at two places: ", а в Петербурге", ";"


def split_by_acts(doc: Document, event: Event, mentions: list[PlaceMention]) -> list[Event]:
    """A sentence telling two acts of violence at two places ("взрыв у вокзала в Льеже, а затем стрельба
    на площади в Монсе") tells two events, though its words combine into one:
    each act goes to the place named nearest it, and keeps its own class. So does one telling an act
    of one kind in two clauses set against each other, each at its own place ("в Москве перекрыли
    проспект, а в Петербурге прошла акция")."""
    classes = event_classes()
    acts = [t for t in event.triggers if classes[t.kind].violent and t.kind not in BARE_DEATHS]
    places = [m for m in mentions if m.place.precision in FINE]
    if len({m.place.geonameid or m.place.name for m in places}) < 2:
        return [event]
    contrasted = len({t.kind for t in acts}) < 2
    if contrasted:
        acts = [t for t in event.triggers if t.kind not in BARE_DEATHS]
        if len({t.kind for t in acts}) != 1:
            return [event]

    def nearest(t) -> PlaceMention:
        return min(places, key=lambda m: min(abs(m.start - t.end), abs(t.start - m.end)))

    by_place: dict[object, list] = {}
    for t in acts:
        by_place.setdefault(nearest(t).place.geonameid or nearest(t).place.name, []).append(t)
    if len(by_place) < 2 or any(len({t.kind for t in group}) > 1 for group in by_place.values()):
        return [event]
    if contrasted and not clauses_apart(doc, event.triggers[0].sentence, sorted(by_place.values(), key=lambda g: g[0].start)):
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



def clauses_apart(doc: Document, index: int, groups: list[list]) -> bool:
    """Each group of triggers told in a clause of its own: they do not interleave, and a contrast (", а",
    ";") stands between one group's last word and the next one's first."""
    tokens = doc.sentences[index].tokens
    for before, after in zip(groups, groups[1:]):
        end = max(t.end for t in before)
        if end > after[0].start:
            return False
        between = [t.text.lower() for t in tokens if end <= t.start and t.end <= after[0].start]
        if not any(tuple(between[i : i + len(c)]) == c for c in CONTRASTS for i in range(len(between))):
            return False
    return True
