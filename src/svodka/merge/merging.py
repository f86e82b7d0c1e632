"""One event per type, sub-type, place and day (ANNOTATION.md).

Mentions of one event across paragraphs and sources become one event; its
counts become intervals spanning every source's figure, a running total
replacing the figures before it. A death reported with no act of its own
("погибли восемь человек") belongs to the violent event it follows. A mention
that only tells a part of an incident (its headline, a label, the case, a
finding, the return fire) joins that incident first (incidents.py).
"""
from __future__ import annotations

import math
from bisect import insort
from dataclasses import dataclass

from ..annotate.analysis import analyse
from ..attach.sources.assignment import settle_sources, source_key
from ..detect.triggers import HARM, combinations, event_classes
from ..lexicon import data_rows
from ..model import COUNT_SLOTS, Count, CountSlot, Document, Event, GeoPrecision, Modality, Source, Verification
from .incidents import incident_hosts, told_class, unplaced_hosts
from ..resources import Resources, shared_resources

PROTEST_SEVERITY = ["protest", "intervention", "excessive_force"]
COARSE = (GeoPrecision.COUNTRY, GeoPrecision.ADMIN1)
PRECISION_RANK = {GeoPrecision.LANDMARK: 0, GeoPrecision.CITY: 1, GeoPrecision.ADMIN1: 2, GeoPrecision.COUNTRY: 3}
SUPPORTED_WEIGHT = 0.75
DEMONSTRATIONS = ("Protests", "Riots")
ATTACKS_ON_PEOPLE = ("attack", "killing")  # what a case's wording may show was a clash with security forces
UNREAL = (Modality.PLANNED, Modality.THREATENED, Modality.HYPOTHETICAL)  # told as not (yet) having happened
BARE_DEATHS = ("killing", "death")  # "убиты двое", "погибли трое": told with no act of their own
UNNAMED_MEANS = "strike"  # a remote strike whose means the text does not name ("удар по Купянску")
BLAST = "explosion"  # an explosion told with no device
REMOTE = "Explosions/Remote violence"
FRONT_COUNTRIES = frozenset({"UA"})  # where blasts heard are strikes
HARMED = {"interception": "airstrike"}  # a downing whose debris kills or wounds is a strike there (ANNOTATION.md)


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
    """Protests and riots are merged whatever their sub-type: one protest, coded by its most severe part.
    Under "Other" lie unlike things (a curfew, an appeal for foreign troops): they merge only with their like."""
    if event.event_type in ("Protests", "Riots"):
        return (event.event_type,)
    if event.sub_event_type == "Other":
        return (event.event_type, event.sub_event_type, event.kind)
    return (event.event_type, event.sub_event_type)


def combined_kind(target: Event, other: Event) -> str:
    if target.event_type == "Protests":
        return max(target.kind, other.kind, key=PROTEST_SEVERITY.index)
    if (target.kind in BARE_DEATHS) != (other.kind in BARE_DEATHS):  # an act told outright names the event
        return other.kind if target.kind in BARE_DEATHS else target.kind
    return target.kind if len(target.triggers) >= len(other.triggers) else other.kind


def merged_sources(sources: list[Source]) -> list[Source]:
    """One of each chain, said directly where any of its copies is."""
    unique: dict[tuple, Source] = {}
    for source in sources:
        key = source_key(source)
        if key not in unique or unique[key].inherited and not source.inherited:
            unique[key] = source
    return list(unique.values())


def absorb(target: Event, other: Event) -> None:
    if family(target) == family(other) and target.kind != other.kind:
        target.kind = combined_kind(target, other)
        target.sub_event_type = event_classes()[target.kind].sub_event_type
    target.triggers = sorted(target.triggers + other.triggers, key=lambda t: t.start)
    target.claims += other.claims
    target.labels += [label for label in other.labels if label not in target.labels]
    target.evidence = sorted(set(target.evidence + other.evidence))
    target.sources = merged_sources(target.sources + other.sources)
    for actor in other.actors:
        if all(actor.category != a.category for a in target.actors) and len(target.actors) < 2:
            target.actors.append(actor)
    target.verification = strongest_verification([target.verification, other.verification])
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


def struck_villages(events: list[Event]) -> list[Event]:
    """"Атака беспилотников на область. В деревне N пострадали двое": harm told in a village of the region a
    remote strike is placed in, where no strike is placed, is that strike at the village, an event of its own
    (one per place), and so are deaths told there; harm told anywhere else is no event (its figures are the
    events' claims already)."""
    strikes = [e for e in events if e.event_type == REMOTE and e.modality == Modality.ACTUAL and e.location is not None]
    struck = {place_key(e) for e in strikes}
    kept = []
    for e in events:
        if e.kind != HARM and e.kind not in BARE_DEATHS:
            kept.append(e)
            continue
        village = e.location.place if e.location is not None else None
        if village is None or e.modality != Modality.ACTUAL or village.precision != GeoPrecision.CITY or place_key(e) in struck:
            if e.kind != HARM:  # a death joins the violent event it follows (absorb_deaths)
                kept.append(e)
            continue
        regions = [s for s in strikes if s.location.place.precision == GeoPrecision.ADMIN1 and s.location.place.country == village.country
                   and s.location.place.name == village.admin1 and s.triggers[0].start < e.triggers[0].start]
        if regions:
            strike = regions[-1]
            e.kind, e.event_type, e.sub_event_type = strike.kind, strike.event_type, strike.sub_event_type
            # the figures told in the village's own sentences are the village's, not the region's
            own = [c for c in strike.claims if any(s <= c.count.evidence[0] < t for s, t in e.evidence)]
            if own:
                strike.claims = [c for c in strike.claims if c not in own]
                e.claims += own
            struck.add(place_key(e))
            kept.append(e)
        elif e.kind != HARM:
            kept.append(e)
    return kept


def absorb_deaths(events: list[Event]) -> list[Event]:
    """Bare killings and deaths join the violent event at their place, else the last violent event before them."""
    classes = event_classes()
    violent = [e for e in events if e.kind not in BARE_DEATHS and classes[e.kind].violent and e.modality == Modality.ACTUAL]
    # the violent events by place and by place and day, as positions in order, kept up to date as a target
    # takes a death's place or day; the earliest first word of any, which only falls as targets grow
    by_place: dict = {}
    by_day: dict = {}
    for k, v in enumerate(violent):
        by_place.setdefault(place_key(v), []).append(k)
        by_day.setdefault((place_key(v), v.date), []).append(k)
    earliest = min((v.triggers[0].start for v in violent), default=None)
    kept = []
    for e in events:
        if e.kind not in BARE_DEATHS or not violent or e.modality in UNREAL:
            kept.append(e)  # a death only planned, feared or supposed ("в память о погибшем") is none of an actual
            continue  # act's; one denied ("погибших нет") gives the act its zero
        start = e.triggers[0].start
        same_day, same_place = by_day.get((place_key(e), e.date)), by_place.get(place_key(e))
        if same_day or same_place:
            k = (same_day or same_place)[0]
        elif start > earliest:  # the first violent event told before it (in order, mostly the first of all)
            k = next(k for k, v in enumerate(violent) if v.triggers[0].start < start)
        else:
            k = 0
        target = violent[k]
        before = (place_key(target), target.date)
        absorb(target, e)
        earliest = min(earliest, target.triggers[0].start)
        after = (place_key(target), target.date)
        if after != before:
            by_day[before].remove(k)
            insort(by_day.setdefault(after, []), k)
            if after[0] != before[0]:
                by_place[before[0]].remove(k)
                insort(by_place.setdefault(after[0], []), k)
    return kept


def absorb_coarse(events: list[Event]) -> list[Event]:
    """An event placed only by its country or region, beside the same event placed in a city of that
    country, is that event (unless the text says it spans the whole country). Violence placed only by
    its country ("стрельба в Иордании") is the violent event told precisely that day, whatever its sub-type."""
    classes = event_classes()
    kept = []
    by_country: dict[tuple, list[Event]] = {}  # (country, modality) → the events placed precisely there, in order
    for o in events:
        if o.location and o.location.place.precision not in COARSE:
            by_country.setdefault((o.location.place.country, o.modality), []).append(o)
    for e in events:
        place = e.location.place if e.location else None
        if not (place and place.precision in COARSE):
            kept.append(e)  # only a coarse place is absorbed: the precise events are not looked for
            continue
        precise = [
            o for o in by_country.get((place.country, e.modality), ())
            if o is not e and place and not e.nationwide and o.location
            and o.location.place.precision not in COARSE and o.location.place.country == place.country
            and o.modality == e.modality and (o.date == e.date or not e.date_stated)
        ]
        # a region's event is the like event of a city in that region, not of any city of the country:
        # drones downed over four oblasts are not the downing told in one oblast's capital
        alike = [o for o in precise if (family(o), o.sub_event_type) == (family(e), e.sub_event_type)
                 and (place.precision == GeoPrecision.COUNTRY or o.location.place.admin1 in (None, place.name))]
        violent = [o for o in precise if classes[o.kind].violent and classes[e.kind].violent and place.precision == GeoPrecision.COUNTRY]
        if place and place.precision in COARSE and (alike or violent):
            absorb((alike or violent)[0], e)
        else:
            kept.append(e)
    return kept


def told_twice_a_day_apart(event: Event) -> bool:
    """An attack dated "в субботу" in one sentence and "13 мая" in another is one attack: a violent
    act (not a protest or riot, which may well go on for days) a day apart at one place is the same."""
    return event_classes()[event.kind].violent and event.event_type not in ("Protests", "Riots")


def merge_same(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    by_key: dict[tuple, list[Event]] = {}  # (family, modality, place) → the merged events of that key, in order;
    # absorbing keeps an event's key (a merged event takes only a place of the same key, or none had a place)
    for e in sorted(events, key=lambda e: (not e.date_stated, e.triggers[0].start)):
        key = (family(e), e.modality, place_key(e))
        same = by_key.get(key, [])
        target = next((m for m in same if m.date == e.date), None)
        if target is None and not e.date_stated and same:
            target = same[0]
        if target is None and told_twice_a_day_apart(e):
            # but not the days one sentence lists ("в понедельник и во вторник"): the same words, two days
            target = next((m for m in same if m.date and e.date and abs((m.date - e.date).days) <= 1
                           and m.triggers[0].start != e.triggers[0].start), None)
        if target is None:
            merged.append(e)
            by_key.setdefault(key, []).append(e)
        else:
            absorb(target, e)
    return merged


def strongest_verification(kinds: list[str | None]) -> str | None:
    """A denial outweighs doubt."""
    return Verification.DISPUTED if Verification.DISPUTED in kinds else Verification.UNCONFIRMED if Verification.UNCONFIRMED in kinds else None


def resolve_counts(event: Event) -> None:
    event.claims.sort(key=lambda c: c.count.evidence)
    for slot in COUNT_SLOTS:
        claims = [c for c in event.claims if c.slot == slot]
        if not claims:
            continue
        totals = [c.mention for c in claims if c.mention.total]
        if totals:
            setattr(event, slot, totals[-1].count)
            continue
        counts = [c.count for c in claims if not c.mention.unnumbered] or [c.count for c in claims]
        low = min(c.min for c in counts)
        high = None if any(c.max is None for c in counts) else max(c.max for c in counts)
        first = min(counts, key=lambda c: c.evidence[0])
        setattr(event, slot, Count(low, high, first.text, first.evidence))


MENTION_BONUS = (0.0, 0.1, 0.15, 0.2)  # told more often, more often right


def evidence_score(event: Event) -> float:
    """What backs the event, from 0 to 1: strong trigger words, told several times, a count,
    a source, a date stated beside it, a place finer than a country."""
    score = 0.15 + 0.3 * trigger_weight(event)
    score += MENTION_BONUS[min(len(event.triggers), len(MENTION_BONUS)) - 1]
    score += 0.15 if any(getattr(event, slot) for slot in COUNT_SLOTS) else 0.0
    score += 0.1 if event.sources else 0.0
    score += 0.1 if event.date_stated else 0.0
    score += 0.05 if event.location and event.location.place.precision != GeoPrecision.COUNTRY else 0.0
    return min(1.0, score)


@dataclass(frozen=True)
class ConfidenceModel:
    """P(right) = 1 / (1 + exp(-(the sum of each feature's value times its weight))): a logistic model over
    what the pipeline knows of a candidate event (`acceptance_features`), fitted by `tools/calibration.py`
    on candidates whose rightness is known. With a threshold, an actual event is accepted when it is at
    least that probable; without one, the evidence rules (`supported`) decide."""

    weights: dict[str, float]  # feature name -> weight; "bias" is the intercept, "kind=<class>" a class's offset
    threshold: float | None = None

    def probability(self, features: dict[str, float]) -> float:
        weights = self.weights
        return logistic(sum(weights.get(name, 0.0) * value for name, value in features.items()))


def load_confidence_model() -> ConfidenceModel:
    values = {row[0].strip(): float(row[1]) for row in data_rows("merge/confidence.tsv")}
    threshold = values.pop("threshold", None)
    return ConfidenceModel(values, threshold)


def load_commentary_cues() -> dict[str, str]:
    """Lemma -> cue ("first_person", "modal", "opinion", "recap") of words that tell commentary or a recap
    rather than news (Resources.commentary_cues)."""
    return {row[0].strip(): row[1].strip() for row in data_rows("merge/commentary_cues.tsv")}


ARMED = ("Rebel groups", "Political militias")
CUES = ("first_person", "modal", "opinion", "recap")
ACCEPTANCE_FEATURES = (
    "bias", "evidence", "weight", "unsupported", "mentions", "headline", "position", "no_place", "country",
    "admin1", "place_in_sentence", "date_stated", "counts", "casualties", "sources", "own_source",
    "actor", "state_forces", "protesters", "armed_group", "civilians", "unconfirmed", *CUES, "question",
    "exclamation", "length", "candidates", "types", "share",
)


def document_features(doc: Document, candidates: list[Event]) -> dict[str, float]:
    """What kind of document tells the candidates: its length, how many candidate events of how many
    types, and how many trigger mentions they have together (`share` divides by it)."""
    return {
        "length": min(math.log10(max(len(doc.text), 10)) / 4, 1.5),
        "candidates": min(len(candidates), 10) / 10,
        "types": min(len({e.event_type for e in candidates}), 5) / 5,
        "triggers": max(sum(len(e.triggers) for e in candidates), 1),
    }


def acceptance_features(doc: Document, event: Event, candidates: list[Event], of_document: dict[str, float] | None = None,
                        resources: Resources | None = None) -> dict[str, float]:
    """What backs a candidate event, as numbers from 0 to 1 (the length a little more), for the confidence
    model: its trigger words and how often and where they are told, its place, date, counts, sources and
    actors, commentary cues in its sentences ("я", "должны", "?"), and what kind of document tells it
    (`document_features`, computed once per document when `of_document` is given). Only the event's own
    sentences are read; the cue words are the given Resources' (the shared one by default)."""
    of_document = of_document or document_features(doc, candidates)
    sentences = [doc.sentences[k] for k in event.sentences if k < len(doc.sentences)]
    cues = (resources or Resources.shared()).commentary_cues
    found = set()
    question = exclamation = 0.0
    for sentence in sentences:
        for token in sentence.tokens:
            cue = cues.get(token.lemma)
            if cue:
                found.add(cue)
            elif token.text == "?":
                question = 1.0
            elif token.text == "!":
                exclamation = 1.0
    location = event.location
    precision = location.place.precision if location else None
    categories = {actor.category for actor in event.actors}
    first = event.triggers[0]
    features = {
        "bias": 1.0,
        "evidence": evidence_score(event),
        "weight": trigger_weight(event),
        "unsupported": 0.0 if event.supported else 1.0,
        "mentions": min(len(event.triggers), 4) / 4,
        "headline": 1.0 if any(s.headline for s in sentences) or event.sentences[0] == 0 else 0.0,
        "position": first.start / max(len(doc.text), 1),
        "no_place": 1.0 if location is None else 0.0,
        "country": 1.0 if precision == GeoPrecision.COUNTRY else 0.0,
        "admin1": 1.0 if precision == GeoPrecision.ADMIN1 else 0.0,
        "place_in_sentence": 1.0 if location and any(s.start <= location.start < s.end for s in sentences) else 0.0,
        "date_stated": 1.0 if event.date_stated else 0.0,
        "counts": 1.0 if any(getattr(event, slot) for slot in COUNT_SLOTS) else 0.0,
        "casualties": 1.0 if any((c := getattr(event, slot)) and c.min > 0 for slot in (CountSlot.FATALITIES, CountSlot.INJURED)) else 0.0,
        "sources": 1.0 if event.sources else 0.0,
        "own_source": 1.0 if any(not s.inherited and s.chain for s in event.sources) else 0.0,
        "actor": 1.0 if event.actors else 0.0,
        "state_forces": 1.0 if "State forces" in categories else 0.0,
        "protesters": 1.0 if "Protesters" in categories or "Rioters" in categories else 0.0,
        "armed_group": 1.0 if categories & set(ARMED) else 0.0,
        "civilians": 1.0 if "Civilians" in categories else 0.0,
        "unconfirmed": 1.0 if event.verification == Verification.UNCONFIRMED else 0.0,
        "question": question,
        "exclamation": exclamation,
        "length": of_document["length"],
        "candidates": of_document["candidates"],
        "types": of_document["types"],
        "share": len(event.triggers) / of_document["triggers"],
    }
    for cue in CUES:
        features[cue] = 1.0 if cue in found else 0.0
    features[f"kind={event.kind}"] = 1.0
    return features


def logistic(x: float) -> float:
    if x < -700:
        return 0.0
    return 1 / (1 + math.exp(-x))


def confidence(doc: Document, event: Event, candidates: list[Event], model: ConfidenceModel,
               of_document: dict[str, float] | None = None, resources: Resources | None = None) -> float:
    """The probability that the event is real and of its type (data/merge/confidence.tsv, fitted by
    `python tools/calibration.py` on candidate events whose rightness is known; docs/accuracy.md)."""
    return round(model.probability(acceptance_features(doc, event, candidates, of_document, resources)), 2)


def accepted(event: Event, model: ConfidenceModel) -> bool:
    """Whether the event is output by default: an actual event at least as confident as the model's
    threshold; without a threshold, or for an event not told as actual, as the evidence rules say."""
    if model.threshold is None or event.modality != Modality.ACTUAL:
        return event.supported
    return event.confidence >= model.threshold


def supported(event: Event, events: list[Event]) -> bool:
    """A weak trigger stands only with a count or beside a firm event of the same type."""
    if trigger_weight(event) >= SUPPORTED_WEIGHT or event.claims or strikes_its_place(event):
        return True
    return any(o is not event and o.event_type == event.event_type and trigger_weight(o) >= SUPPORTED_WEIGHT for o in events)


def strikes_its_place(event: Event) -> bool:
    """A remote strike whose words run straight into the town or region it hit ("удар по Харькову"): the
    place is the target the weak words "удар по" lacked."""
    place = event.location
    return (event.event_type == "Explosions/Remote violence" and place is not None and place.place.precision in ("city", "admin1")
            and any(0 < place.start - t.end <= 2 for t in event.triggers))


@dataclass(frozen=True)
class PartRule:
    part: str  # the event class that is a part
    hosts: frozenset[str]  # event types it is a part of
    where: str  # "paragraph": told in the host's paragraph at its place; "day": at the host's place on its day,
    # told after the host (arrests that lead a text are its news); "retold": as "day", when the host's own
    # sentences already tell an act of the part's class; "turned": as "day", when one of the host's sentences
    # tells a demonstration with the host's act (the rallies that turned into the clash: its later riots are it)


def load_part_rules() -> tuple[PartRule, ...]:
    return tuple(PartRule(row[0].strip(), frozenset(t.strip() for t in row[1].split(",")), row[2].strip()) for row in data_rows("merge/event_parts.tsv"))


def turned_into(host: Event) -> bool:
    """One of the host's sentences tells a demonstration and the host's own act together ("митинг перерос
    в перестрелку")."""
    classes = event_classes()
    for sentence in host.sentences:
        kinds = {classes[t.kind].event_type for t in host.triggers if t.sentence == sentence}
        if kinds & set(DEMONSTRATIONS) and host.event_type in kinds:
            return True
    return False


def is_host(doc: Document, rule: PartRule, host: Event, part: Event) -> bool:
    if host.event_type not in rule.hosts and host.kind not in rule.hosts or host.modality != part.modality or place_key(host) != place_key(part):
        return False
    if rule.where == "paragraph":
        paragraph = doc.sentences[part.triggers[0].sentence].paragraph
        return any(doc.sentences[t.sentence].paragraph == paragraph for t in host.triggers)
    if rule.where == "retold" and all(t.kind != part.kind for t in host.triggers):
        return False
    if rule.where == "turned" and not turned_into(host):
        return False
    return (host.date == part.date or not part.date_stated) and host.triggers[0].start < part.triggers[0].start


def absorb_parts(doc: Document, events: list[Event]) -> list[Event]:
    """Detentions told beside a protest are its arrests; looting in a riot is the riot; the gunman's
    arrest is part of his attack (data/event_parts.tsv)."""
    kept = []
    # a host shares the part's place and modality: the events by those, as positions in order, kept up
    # to date when a host without a place takes its part's
    position = {id(o): k for k, o in enumerate(events)}
    by_place: dict[tuple, list[int]] = {}
    for k, o in enumerate(events):
        by_place.setdefault((place_key(o), o.modality), []).append(k)
    for e in events:
        alike = by_place.get((place_key(e), e.modality), [])
        host = next(
            (o for rule in part_rules() if rule.part == e.kind for o in (events[k] for k in alike)
             if o is not e and is_host(doc, rule, o, e)),
            None,
        )
        if host is None:
            kept.append(e)
        else:
            before = (place_key(host), host.modality)
            absorb(host, e)
            combine_kinds(host, e.kind)
            after = (place_key(host), host.modality)
            if after != before:
                by_place[before].remove(position[id(host)])
                insort(by_place.setdefault(after, []), position[id(host)])
    return kept


def combine_kinds(host: Event, part_kind: str) -> None:
    """A part combines with its host as it would in one sentence: a rally with its detentions is a protest with intervention."""
    result = combinations().get((host.kind, part_kind))
    if result and result != host.kind:
        host.kind = result
        host.event_type, host.sub_event_type = event_classes()[result].event_type, event_classes()[result].sub_event_type


def absorb_into_hosts(events: list[Event], hosts: dict[int, tuple[Event, bool]]) -> list[Event]:
    """Each event with a host joins it; one that names the host's act may refine its kind (combinations.tsv)."""
    kept = []
    for e in events:
        if id(e) not in hosts:
            kept.append(e)
            continue
        host, names_act = hosts[id(e)]
        absorb(host, e)
        if names_act:
            combine_kinds(host, e.kind)
    return kept


def join_incidents(doc: Document, events: list[Event]) -> list[Event]:
    """A headline, a label, a case, a finding or the return fire told of an incident is part of it; a
    mention that names no place of its own is the one incident of its kind told that day (incidents.py)."""
    events = absorb_into_hosts(events, incident_hosts(doc, events))
    return absorb_into_hosts(events, unplaced_hosts(events, family))


def named_classes(doc: Document, events: list[Event]) -> list[Event]:
    """An attack one of whose sentences names it a clash with security forces (its case an attempt on
    officers' lives, shots aimed at police) is that clash: judged once its mentions are merged, since any
    of them may tell whom it was aimed at (incidents.py)."""
    cache: dict[int, frozenset[str]] = {}
    for e in events:
        named = told_class(doc, e, cache) if e.kind in ATTACKS_ON_PEOPLE else None
        if named and named != e.kind:
            cls = event_classes()[named]
            e.kind, e.event_type, e.sub_event_type = named, cls.event_type, cls.sub_event_type
    return events


def blast_at_the_front(event: Event) -> None:
    """Blasts heard in a town of the country at war ("в Харькове прогремели взрывы"), with no device told, are
    a remote strike of unnamed means there, as ACLED codes them: not a bomb planted. One blast may be one."""
    if event.kind == BLAST and event.location is not None and event.location.place.country in FRONT_COUNTRIES \
            and any("plur" in analyse(word)[2] for t in event.triggers for word in t.text.split()):  # "взрывы", not one "взрыв"
        cls = event_classes()[UNNAMED_MEANS]
        event.kind, event.event_type, event.sub_event_type = UNNAMED_MEANS, cls.event_type, cls.sub_event_type


def absorb_unnamed_means(events: list[Event]) -> list[Event]:
    """"Удар по Купянску" and "авиаудар по Купянску" told the same day are one strike, of the sub-type
    its named means give it: a strike whose means are not named joins a remote strike of the same place
    and day whose means are."""
    named = [e for e in events if e.event_type == "Explosions/Remote violence" and e.kind != UNNAMED_MEANS]
    kept = []
    for e in events:
        target = None
        if e.kind == UNNAMED_MEANS:
            target = next(
                (o for o in named if o.modality == e.modality and place_key(o) == place_key(e)
                 and (not e.date_stated or o.date is None or e.date is None or abs((o.date - e.date).days) <= 1)),
                None,
            )
        if target is None:
            kept.append(e)
        else:
            absorb(target, e)
    return kept


def load_downing_words() -> frozenset[str]:
    return frozenset(row[0].strip() for row in data_rows("merge/downing_words.tsv"))


def anchored_on_downing(doc: Document, claim) -> bool:
    """The claim's slot word is a downing verb ("10 уничтожены над Курской областью"): it counts weapons."""
    start = claim.mention.anchor[0]
    index = doc.sentence_at(start)  # by bisection: scanning the sentences for each claim was quadratic
    return index is not None and any(t.start == start and t.lemma in downing_words() for t in doc.sentences[index].tokens)


def without_downed_figures(doc: Document, event: Event) -> None:
    """"Три ракеты были уничтожены, а две достигли цели": in a sentence that tells weapons downed, a figure
    the downing verb governs counts the weapons, whatever event the sentence's downing is part of."""
    downed = [doc.sentences[t.sentence] for t in event.triggers if t.kind == "interception"]
    if downed:
        event.claims = [c for c in event.claims if not (anchored_on_downing(doc, c)
                        and any(s.start <= c.mention.anchor[0] < s.end for s in downed))]


def strike_if_harmed(doc: Document, event: Event) -> None:
    """"Обломки беспилотника упали во двор. Пострадала хозяйка": a drone or missile downed whose fall
    kills or wounds someone is a strike at that place, not a disrupted attack."""
    result = HARMED.get(event.kind)
    if not result:
        return
    # "ПВО уничтожила 22 беспилотника: 10 - над Ростовской областью": figures the downing verb itself
    # governs are the weapons downed, no one's death
    event.claims = [c for c in event.claims
                    if not any(t.start <= c.mention.anchor[0] < t.end for t in event.triggers) and not anchored_on_downing(doc, c)]
    if any(c.slot in (CountSlot.FATALITIES, CountSlot.INJURED) and c.count.min > 0 for c in event.claims):
        cls = event_classes()[result]
        event.kind, event.event_type, event.sub_event_type = result, cls.event_type, cls.sub_event_type


def without_recalled_headlines(doc: Document, events: list[Event]) -> list[Event]:
    """The events told as news: background dropped, and so is a protest, an arrest or a regime told only in
    headlines or captions ("Протесты в Венесуэле" above a photo) when the body tells its kind of event only
    as background (the three months of protests it recalls): the caption names the story's setting."""
    def headlined(e: Event) -> bool:
        return all(doc.sentences[i].headline for i in e.sentences)

    recalled = {family(e) for e in events if e.modality == Modality.BACKGROUND}
    told = {family(e) for e in events if e.modality != Modality.BACKGROUND and not headlined(e)}
    # violence in a headline joins the violent act the body tells, whatever its kind (incidents.py)
    return [e for e in events if e.modality != Modality.BACKGROUND
            and not (family(e) in recalled and family(e) not in told and not event_classes()[e.kind].violent
                     and headlined(e))]


def absorb_mentions(doc: Document, events: list[Event]) -> list[Event]:
    """The events told, each mention of one joined to it: merge's first part, which a window of a long
    document goes through on its own (what it tells is then held as few events), and again with the
    other windows' events, as merged events absorb each other as candidates do."""
    events = struck_villages(without_recalled_headlines(doc, events))
    for event in events:
        without_downed_figures(doc, event)
        strike_if_harmed(doc, event)
    events = absorb_parts(doc, events)
    events = join_incidents(doc, events)
    events = absorb_deaths(events)
    for event in events:
        blast_at_the_front(event)
    events = absorb_unnamed_means(events)
    events = merge_same(events)
    events = named_classes(doc, events)
    return absorb_coarse(events)


def merge(
    doc: Document, events: list[Event], min_confidence: float | None = None, resources: Resources | None = None
) -> list[Event]:
    """The document's events, one per type, place and day: by default those accepted (`accepted`: the
    confidence model's threshold, or the evidence rules); with `min_confidence`, every candidate at least
    that confident, accepted or not. The confidence model is the given Resources' (the process's shared
    one by default)."""
    res = resources or Resources.shared()
    events = absorb_mentions(doc, events)
    # deaths with no act of violence told (an accident, an illness) are no event at all
    candidates = sorted((e for e in events if e.kind != "death"), key=lambda e: e.triggers[0].start)
    for event in candidates:
        event.supported = supported(event, events)
    for event in candidates:
        resolve_counts(event)
        settle_sources(event)
        event.verification = strongest_verification([event.verification] + [c.verification for c in event.claims])
    of_document = document_features(doc, candidates)
    model = res.confidence_model
    for event in candidates:
        event.confidence = confidence(doc, event, candidates, model, of_document, res)
    if min_confidence is None:
        chosen = [e for e in candidates if accepted(e, model)]
    else:
        chosen = [e for e in candidates if e.confidence >= min_confidence]
    for number, event in enumerate(chosen, 1):
        event.id = f"e{number}"
    return chosen


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def confidence_model():
    return shared_resources().confidence_model


def commentary_cues():
    return shared_resources().commentary_cues


def part_rules():
    return shared_resources().part_rules


def downing_words():
    return shared_resources().downing_words
