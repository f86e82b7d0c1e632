"""The parties to an event as ACLED names them: actor1 and actor2 with their
associated actors, inter codes, interaction and civilian targeting.

ACLED names state forces by country and regime period ("Police Forces of
Georgia (2012-)"), other parties by category and country ("Protesters
(Kazakhstan)", "Unidentified Armed Group (Syria)"), a named armed group by
its own name, and puts named parties, unions, journalists, ethnic and
religious groups beside an actor as associated actors. All of that is data:
data/attach/acled_actors.tsv (words by lemma), data/attach/acled_default_actors.tsv
(the party an event type always has), data/export/acled_regimes.tsv (regime
periods) and data/export/acled_inter.tsv (inter codes, generic names).

`coding(doc, event)` reads the event's sentences at extraction time;
`code(...)` is the same from plain data, for events stored without a coding.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import Pattern, PatternSet, data_rows, longest_non_overlapping
from ..model import Document, Event
from ..resources import Resources, shared_resources

ROLES = ("actor1", "actor2")
STATE_FORCES = "State forces"
CIVILIANS = "Civilians"
# Branch of state forces when the text names none: soldiers fight battles and fire shells, police do the rest.
MILITARY_EVENT_TYPES = frozenset(("Battles", "Explosions/Remote violence"))
# ACLED marks civilian targeting in these event types when civilians are the target (actor2).
CIVILIAN_TARGETING_TYPES = frozenset(("Violence against civilians", "Explosions/Remote violence", "Riots"))


@dataclass(frozen=True)
class Entry:
    """A row of data/attach/acled_actors.tsv."""

    kind: str  # force | group | assoc
    name: str
    categories: tuple[str, ...]
    country: str | None
    unit: str = ""


@dataclass
class Party:
    role: str
    category: str
    name: str | None = None  # ACLED's name; None: the category's generic name
    branch: str | None = None  # for state forces: "Police Forces", "Military Forces"
    country: str | None = None  # for state forces: whose
    unit: str = ""  # for state forces: the unit ACLED names after the period
    assoc: list[str] = field(default_factory=list)


# --- the data ---------------------------------------------------------------------


def load_entries() -> tuple[tuple[Entry, ...], PatternSet]:
    rows, patterns = [], []
    columns = ("pattern", "kind", "name", "categories", "country", "unit")
    for number, row in enumerate(data_rows("attach/acled_actors.tsv", columns=columns)):
        rows.append(Entry(row["kind"], row["name"], tuple(c.strip() for c in row["categories"].split("|") if c.strip()),
                          row["country"] or None, row["unit"]))
        patterns.append(Pattern.parse(row["pattern"], str(number)))
    return tuple(rows), PatternSet(patterns)


def load_regimes() -> dict[str, list[tuple[int, int | None]]]:
    periods: dict[str, list[tuple[int, int | None]]] = {}
    for row in data_rows("export/acled_regimes.tsv"):
        end = row[2].strip() if len(row) > 2 else ""
        periods.setdefault(row[0], []).append((int(row[1]), int(end) if end else None))
    return {iso: sorted(spans) for iso, spans in periods.items()}


def load_categories() -> dict[str, tuple[int, str]]:
    """Inter code and generic name of each ACLED actor category."""
    out = {}
    for row in data_rows("export/acled_inter.tsv"):
        out[row[0]] = (int(row[1]), row[2].strip() if len(row) > 2 else "")
    return out


def load_default_actors() -> tuple[tuple[str, str, str, str], ...]:
    return tuple((t, s, r, c) for t, s, r, c in data_rows("attach/acled_default_actors.tsv"))


@lru_cache(maxsize=None)
def country_name(iso: str | None) -> str:
    """The country's English name as ACLED spells it: GeoNames' name, but where
    data/export/acled_countries.tsv says otherwise."""
    if not iso:
        return ""
    spelling = acled_spellings().get(iso)
    return spelling[0] if spelling else countries().get(iso, {}).get("name", iso)


def forces_of(iso: str) -> str:
    """The country as the name of its forces has it: "Police Forces of the United States"."""
    spelling = acled_spellings().get(iso)
    return spelling[1] if spelling and spelling[1] else country_name(iso)


def load_acled_spellings() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1].strip(), row[2].strip() if len(row) > 2 else "") for row in data_rows("export/acled_countries.tsv")}


def regime_period(iso: str | None, year: int | None) -> str:
    """ACLED's period of the regime in force in the year: "(2000-)", "(2014-2019)"; "" when unknown."""
    spans = regimes().get(iso or "")
    if not spans:
        return ""
    chosen = spans[-1]
    if year is not None:
        within = [(start, end) for start, end in spans if start <= year and (end is None or year <= end)]
        chosen = within[-1] if within else (spans[0] if year < spans[0][0] else spans[-1])
    start, end = chosen
    return f"({start}-{end or ''})"


def force_name(branch: str, iso: str | None, year: int | None, unit: str = "") -> str:
    name = f"{branch} of {forces_of(iso)}" if iso else branch
    period = regime_period(iso, year)
    return " ".join(part for part in (name, period, unit) if part)


def generic_name(category: str, iso: str | None) -> str:
    template = categories().get(category, (0, ""))[1] or "Unidentified Armed Group ({country})"
    return fill(template, iso)


def fill(template: str, iso: str | None) -> str:
    if "{country}" not in template:
        return template
    return template.replace("{country}", country_name(iso)) if iso else template.replace(" ({country})", "")


# --- coding ---------------------------------------------------------------------


def code(event_type: str, sub_event_type: str, iso: str | None, year: int | None, parties: list[Party]) -> dict:
    """ACLED's actor columns of an event from its parties (at most one per role)."""
    parties = with_defaults(event_type, sub_event_type, ordered(event_type, sub_event_type, parties))
    out: dict = {}
    codes = {}
    for number, role in enumerate(ROLES, start=1):
        party = next((p for p in parties if p.role == role), None)
        if party is None:
            out[f"actor{number}"], out[f"assoc_actor_{number}"], out[f"inter{number}"] = "", "", None
            continue
        party.name = resolved(party, event_type, iso, year)
        codes[role] = categories().get(party.category, (None, ""))[0]
        out[f"actor{number}"] = party.name
        out[f"assoc_actor_{number}"] = "; ".join(dict.fromkeys(a for a in party.assoc if a != party.name))
        out[f"inter{number}"] = codes[role]
    out["interaction"] = interaction(codes.get("actor1"), codes.get("actor2"))
    target = next((p for p in parties if p.role == "actor2"), None)
    civilian = target is not None and target.category == CIVILIANS
    out["civilian_targeting"] = (
        "Civilian targeting"
        if event_type == "Violence against civilians" or (civilian and event_type in CIVILIAN_TARGETING_TYPES)
        else ""
    )
    return {key: out[key] for key in ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                                      "interaction", "civilian_targeting")}


def default_branch(event_type: str) -> str:
    return "Military Forces" if event_type in MILITARY_EVENT_TYPES else "Police Forces"


def defaults_for(event_type: str, sub_event_type: str) -> dict[str, str]:
    return {role: category for t, s, role, category in default_actors()
            if t == event_type and s in ("*", sub_event_type)}


def ordered(event_type: str, sub_event_type: str, parties: list[Party]) -> list[Party]:
    """ACLED's order of the two sides: the protesters of a protest, the rioters of a riot, the state
    that arrests are actor1, the civilians attacked actor2, whatever order the text named them in."""
    defaults = defaults_for(event_type, sub_event_type)
    by_role = {p.role: p for p in parties}
    if len(by_role) == 2:
        first, second = by_role["actor1"], by_role["actor2"]
        if (defaults.get("actor1") == second.category != first.category
                or defaults.get("actor2") == first.category != second.category):
            first.role, second.role = "actor2", "actor1"
    return sorted(parties, key=lambda p: p.role)


def with_defaults(event_type: str, sub_event_type: str, parties: list[Party]) -> list[Party]:
    """The party an event of the type always has, for a role the text fills with no one."""
    taken = {p.role for p in parties}
    categories_named = {p.category for p in parties}
    for role, category in defaults_for(event_type, sub_event_type).items():
        if role not in taken and category not in categories_named:
            parties.append(Party(role, category))
            taken.add(role)
    return sorted(parties, key=lambda p: p.role)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, lower first; one actor alone is "X0"."""
    if inter1 is None:
        return None if inter2 is None else inter2 * 10
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# --- from the text ----------------------------------------------------------------


def coding(doc: Document, event: Event, resources: Resources | None = None) -> dict:
    """The event's ACLED actor columns, read from its sentences, by the given Resources' tables (the
    process's shared one by default)."""
    res = resources or Resources.shared()
    iso = event.location.place.country if event.location else None
    day = event.date or doc.published
    year = day.year if day else None
    rows, patterns = res.acled_actor_entries
    sources = [s.evidence for s in event.sources] + [c.source.evidence for c in event.claims if c.source]
    matches = []
    for index in event.sentences:
        tokens = doc.sentences[index].tokens
        for match in longest_non_overlapping(patterns.find(tokens)):
            start, end = tokens[match.first].start, tokens[match.last].end
            if any(s[0] <= start and end <= s[1] for s in sources):
                continue  # the one who tells of it ("сообщило МВД"), not a party to it
            before = tokens[match.first - 1] if match.first > 0 else None
            matches.append((start, end, rows[int(match.pattern.label)], before))
    parties = []
    for actor in event.actors:
        party = Party(actor.role, actor.category)
        for start, end, entry, before in matches:
            if entry.kind in ("force", "group") and start < actor.evidence[1] and actor.evidence[0] < end:
                name_party(party, entry, before)
                break
        parties.append(party)
    for start, end, entry, before in matches:
        if entry.kind not in ("force", "group") or any(start < a.evidence[1] and a.evidence[0] < end for a in event.actors):
            continue
        party = Party("", entry.categories[0] if entry.categories else STATE_FORCES)
        name_party(party, entry, before)
        place_named(party, parties, event.event_type, iso, year)
    assoc = [(entry, start, end) for start, end, entry, _ in matches if entry.kind == "assoc"]
    parties = with_defaults(event.event_type, event.sub_event_type,
                            ordered(event.event_type, event.sub_event_type, parties))
    for entry, _, _ in assoc:
        for party in parties:
            if party.category in entry.categories:
                party.assoc.append(fill(entry.name, iso))
                break
    return code(event.event_type, event.sub_event_type, iso, year, parties)


def place_named(party: Party, parties: list[Party], event_type: str, iso: str | None, year: int | None) -> None:
    """A party the text names beside the actor words: the name of a generic one of its category, or
    an associated actor of the state forces of its own country ("полиция и военные"), or the other
    side while a role is free ("украинские военные" against the civilians named)."""
    name = resolved(party, event_type, iso, year)
    if any(resolved(p, event_type, iso, year) == name for p in parties):
        return
    if party.category == STATE_FORCES:
        ally = next((p for p in parties if p.category == STATE_FORCES and (p.country or iso) == (party.country or iso)), None)
        if ally is not None:
            ally.assoc.append(name)
            return
    else:
        generic = next((p for p in parties if p.category == party.category and p.name is None), None)
        if generic is not None:
            generic.name = party.name
            return
    if len(parties) < 2:
        party.role = "actor1" if all(p.role != "actor1" for p in parties) else "actor2"
        parties.append(party)


def resolved(party: Party, event_type: str, iso: str | None, year: int | None) -> str:
    if party.name is not None:
        return party.name
    if party.category == STATE_FORCES:
        return force_name(party.branch or default_branch(event_type), party.country or iso, year, party.unit)
    return generic_name(party.category, iso)


def name_party(party: Party, entry: Entry, before) -> None:
    if entry.kind == "group":
        party.name = entry.name
        if entry.categories:
            party.category = entry.categories[0]
        return
    party.category = STATE_FORCES
    party.branch = entry.name
    party.unit = entry.unit
    party.country = (adjective_country(before) if before is not None else None) or entry.country


def adjective_country(token) -> str | None:
    """The country an adjective names ("украинские" военные), from data/attach/countries.tsv."""
    from .places import gazetteer

    return gazetteer().adjectives.get(token.lemma)


def stored_coding(event: dict, published: str | None = None) -> dict:
    """The coding of a stored event that carries none (extracted by an older svodka): its actors'
    categories alone."""
    place = event.get("location") or {}
    day = event.get("date") or published
    parties = []
    for actor in event.get("actors") or []:
        if actor["role"] in ROLES and all(p.role != actor["role"] for p in parties):
            parties.append(Party(actor["role"], actor["category"]))
    return code(event["event_type"], event["sub_event_type"], place.get("country"), int(day[:4]) if day else None, parties)


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def entries():
    return shared_resources().acled_actor_entries


def regimes():
    return shared_resources().acled_regimes


def categories():
    return shared_resources().acled_categories


def default_actors():
    return shared_resources().acled_default_actors


def acled_spellings():
    return shared_resources().acled_spellings


def countries():
    return shared_resources().geonames_countries
