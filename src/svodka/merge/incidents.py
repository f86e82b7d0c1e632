"""Incidents: the mentions of one act told several times become one event (ANNOTATION.md).

A text tells one incident in many ways: its headline, a politician calling it a "теракт", the
criminal case opened under an article, a ballistics finding, the attacker named again
("нападавший продолжал стрелять"), the police's return fire that ends it. Such a mention founds no
event of its own: an event told only in headlines or in sentences of those wordings
(data/incident_mentions.tsv) joins the incident it speaks of, the event of a like class told at
its place (its region or country when it names no finer one), and brings it its counts, sources
and evidence; the incident keeps its own type, refined as the two would combine in one sentence
(data/combinations.tsv: a headline's blast and the body's suicide bomber are one suicide bomb).
With no such incident in the text, the mention stays an event of its own.

Labels, cases and findings speak of the act from a later day, so they join it whatever day they
are told on; the attacker named again and the return fire belong to the incident of their own
day (an attacker killed on a later day, in an operation of its own, is an event of that day).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..attach.splitting import BARE_DEATHS, PRECISION
from ..detect.triggers import event_classes
from ..lexicon import pattern_set
from ..model import Document, Event, GeoPrecision

MENTIONS = "merge/incident_mentions.tsv"
HEADLINE = "headline"
CLASS_CUE = "is:"  # a wording that names the incident's class, not a part
ANY_DAY = frozenset({"label", "legal", "finding", "caption"})  # kinds that speak of the act from a later day


@dataclass(frozen=True)
class PartMention:
    kinds: frozenset[str]  # the wordings of its sentences; "headline" for a headline

    @property
    def any_day(self) -> bool:
        return self.kinds <= ANY_DAY | {HEADLINE}

    @property
    def names_act(self) -> bool:
        """A headline or a label names the incident's act, and may name it more precisely ("смертник");
        the attacker's shots or the return fire are other acts within it and leave its kind alone."""
        return self.any_day


def sentence_kinds(doc: Document, index: int, cache: dict[int, frozenset[str]]) -> frozenset[str]:
    if index not in cache:
        sentence = doc.sentences[index]
        kinds = {m.pattern.label for m in pattern_set(MENTIONS).find(sentence.tokens)}
        if sentence.headline:
            kinds.add(HEADLINE)
        cache[index] = frozenset(kinds)
    return cache[index]


def part_mention(doc: Document, event: Event, cache: dict[int, frozenset[str]]) -> PartMention | None:
    """How the event is told when every sentence of it tells a part of an incident, else None. Only
    violence is told by its label, case or finding: an arrest told with its case ("задержан, на него
    завели дело") is the arrest itself, and only a headline makes one a part."""
    kinds = [frozenset(k for k in sentence_kinds(doc, i, cache) if not k.startswith(CLASS_CUE)) for i in event.sentences]
    if not event_classes()[event.kind].violent:
        kinds = [k & {HEADLINE} for k in kinds]
    if not kinds or not all(kinds):
        return None
    return PartMention(frozenset().union(*kinds))


def alike(host: Event, part: Event) -> bool:
    """Violence joins violence; anything else joins an incident of its own event type."""
    classes = event_classes()
    return classes[host.kind].violent and classes[part.kind].violent or host.event_type == part.event_type


def placed_within(host: Event, part: Event) -> bool:
    """At the host's place, or in its region or country when the part names no finer place."""
    if host.location is None or part.location is None:
        return part.location is None
    if place_key(host) == place_key(part):
        return True
    h, p = host.location.place, part.location.place
    if h.country != p.country:
        return False
    if p.precision == GeoPrecision.COUNTRY:
        return h.precision != GeoPrecision.COUNTRY
    return p.precision == GeoPrecision.ADMIN1 and h.precision in (GeoPrecision.CITY, GeoPrecision.LANDMARK) and h.admin1 == p.name


def place_key(event: Event):
    return event.location and (event.location.place.geonameid or (event.location.place.name, event.location.place.country))


def same_day(host: Event, part: Event) -> bool:
    return host.date == part.date or not (host.date_stated and part.date_stated)


def host_of(part: Event, mention: PartMention, founders: list[Event]) -> Event | None:
    candidates = [
        h for h in founders
        if h.modality == part.modality and alike(h, part) and placed_within(h, part) and (mention.any_day or same_day(h, part))
    ]
    if not candidates:
        return None
    start = part.triggers[0].start

    def rank(h: Event) -> tuple:
        """Its place before its region, its kind of act before another, its day, then the nearest told before it."""
        return (place_key(h) != place_key(part),
                h.event_type != part.event_type, h.date != part.date, h.triggers[0].start > start, abs(h.triggers[0].start - start))

    return min(candidates, key=rank)


def incident_hosts(doc: Document, events: list[Event]) -> dict[int, tuple[Event, bool]]:
    """The incident each event told only as a part of one joins (by the part's id), and whether the part
    names the incident's act (its kind may then refine the incident's); see the module's doc."""
    cache: dict[int, frozenset[str]] = {}
    mentions = {id(e): part_mention(doc, e, cache) for e in events}
    # a death told with no act of its own founds no incident: it joins one (merge.absorb_deaths)
    founders = [e for e in events if mentions[id(e)] is None and e.kind not in BARE_DEATHS]
    hosts = {}
    for e in events:
        mention = mentions[id(e)]
        host = host_of(e, mention, founders) if mention else None
        if host is not None:
            hosts[id(e)] = (host, mention.names_act)
            if mention.any_day:
                e.date_stated = False  # the day a case or a finding is told is not the day of the act
    return hosts


def told_class(doc: Document, event: Event, cache: dict[int, frozenset[str]]) -> str | None:
    """The class one of the incident's sentences names it by (data/incident_mentions.tsv "is:"), if any."""
    for i in event.sentences:
        for kind in sentence_kinds(doc, i, cache):
            if kind.startswith(CLASS_CUE):
                return kind[len(CLASS_CUE):]
    return None


def placed_by_itself(event: Event) -> bool:
    """Whether the event's place is named in one of its own sentences, not taken from the text around it."""
    return event.location is not None and any(start <= event.location.start < end for start, end in event.evidence)


def unplaced_hosts(events: list[Event], family) -> dict[int, tuple[Event, bool]]:
    """A mention that names no place of its own ("утром активиста задержали") beside the one mention of
    its kind of act, that day, that does name one ("задержан он был в Ростове") tells that incident; but a
    city's event is never moved to a region or a country (a nationwide strike is not the city's march)."""
    own: dict[tuple, list[Event]] = {}  # by family, modality and country, in order
    for o in events:
        if placed_by_itself(o):
            own.setdefault((family(o), o.modality, o.location.place.country), []).append(o)
    hosts = {}
    for e in events:
        if e.location is None or placed_by_itself(e):
            continue
        like = [o for o in own.get((family(e), e.modality, e.location.place.country), ()) if same_day(o, e)
                and o.location.place.country == e.location.place.country and not o.nationwide
                and PRECISION[o.location.place.precision] <= PRECISION[e.location.place.precision]]
        if len(like) == 1 and place_key(like[0]) != place_key(e):
            hosts[id(e)] = (like[0], True)
    return hosts
