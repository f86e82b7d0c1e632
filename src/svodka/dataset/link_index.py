"""Linking new reports into the stored events at a cost that does not grow with the store.

The clusters are those of `link.cluster`: complete linkage, greedy, in the
fixed order `link.link_order` (day first, then precise places, then content),
so they depend only on which reports are stored. Because the order is by day
first and reports more than MAX_DAY_GAP days apart never link, the state the
greedy hands from one day to the next is small: the groups whose members are
all of that day (a group with an earlier member can take no later report).
New reports of day D are therefore linked by replaying the greedy from D,
starting from the stored groups of day D-1, one day at a time, until the
groups handed to the next day are the stored ones again: from there on every
stored assignment is what the replay would make. Only the reports of one
event type, modality and country on the replayed days are read, through the
store's (type, modality, country, day) index, whatever the store's size.

Each group is compared with a new report through its summary: the distinct
documents, sub-event types, days, places and parties of its members. Every
condition of `link.same_event` is a conjunction over one such facet, so a
report is of the same event as every member exactly when it agrees with every
distinct value of the summary: the cost of the comparison depends on how
varied a cluster is, not on how many reports it holds.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import GeoPrecision
from . import link

Partition = tuple[str, str, str]  # event type, modality, country
Key = tuple[str, str]  # document, event id


def partition_of(report: link.Report) -> Partition | None:
    """The reports that may link with this one share its partition; None: it links with none."""
    place = report.location or {}
    if report.day is None or not place.get("country"):
        return None
    return (report.event["event_type"], report.event["modality"], place["country"])


@dataclass
class Group:
    """A cluster in the making, with the summary it is compared through."""

    members: list[link.Report] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    sub_types: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    places: dict[str, dict | None] = field(default_factory=dict)
    parties: dict[tuple, list[dict]] = field(default_factory=dict)

    def add(self, report: link.Report) -> None:
        self.members.append(report)
        self.documents.add(report.document)
        self.sub_types.add(report.event["sub_event_type"])
        self.days.add(report.day)
        self.places.setdefault(json.dumps(report.location, sort_keys=True, ensure_ascii=False), report.location)
        actors = report.event.get("actors") or []
        self.parties.setdefault(tuple(sorted((a["role"], a["category"]) for a in actors)), actors)

    def admits(self, report: link.Report) -> bool:
        """link.same_event(report, member) for every member (all share the report's partition)."""
        event = report.event
        return (
            report.document not in self.documents
            and all(link.days_adjacent(report.day, day) for day in self.days)
            and all(link.sub_types_compatible(event["event_type"], event["sub_event_type"], sub) for sub in self.sub_types)
            and all(link.places_compatible(report.location, place) for place in self.places.values())
            and all(link.parties_compatible(event.get("actors") or [], actors) for actors in self.parties.values())
        )

    def keys(self) -> frozenset[Key]:
        return frozenset(member.key for member in self.members)


def greedy(reports: Iterable[link.Report], groups: list[Group]) -> list[Group]:
    """Each report, in link order, joins the first group that admits it or starts one.

    Only the groups whose first member's place could agree with the report's
    are asked (PlaceIndex), in the order they were started."""
    index = PlaceIndex()
    for number, group in enumerate(groups):
        index.add(number, group.members[0].location)
    for report in sorted(reports, key=link.link_order):
        for number in index.candidates(report.location, len(groups)):
            if groups[number].admits(report):
                groups[number].add(report)
                break
        else:
            group = Group()
            group.add(report)
            index.add(len(groups), report.location)
            groups.append(group)
    return groups


CELL_DEGREES = 0.25  # a cell is 27.8 km north to south, more than LINK_DISTANCE_KM
LON_CELLS = round(360 / CELL_DEGREES)


class PlaceIndex:
    """Groups by the place of their first member, which every later member must
    agree with (link.places_compatible): a country-wide place agrees with any
    place of the country, a region with the places of that region, a city with
    the places of its region, the same GeoNames id, or a place within
    LINK_DISTANCE_KM, looked up in a grid of CELL_DEGREES cells."""

    def __init__(self) -> None:
        self.everywhere: list[int] = []  # groups started by a country-wide report
        self.keys: dict[tuple, list[int]] = {}

    def add(self, number: int, place: dict | None) -> None:
        precision = (place or {}).get("precision")
        if (place or {}).get("geonameid") is not None:
            self.keys.setdefault(("geonameid", place["geonameid"]), []).append(number)
        if precision == GeoPrecision.COUNTRY:
            self.everywhere.append(number)
            return
        if precision == GeoPrecision.ADMIN1:
            self.keys.setdefault(("region", place.get("admin1")), []).append(number)
            return
        for key in self.precise_keys(place or {}):
            self.keys.setdefault(key, []).append(number)

    @staticmethod
    def precise_keys(place: dict) -> list[tuple]:
        keys = [("in region", place.get("admin1"))]
        if place.get("lat") is not None and place.get("lon") is not None:
            keys.append(("cell", *cell_of(place["lat"], place["lon"])))
        return keys

    def candidates(self, place: dict | None, count: int) -> list[int]:
        """The groups (by number, in order) that a report at `place` might join."""
        place = place or {}
        precision = place.get("precision")
        if precision == GeoPrecision.COUNTRY or not place:
            return list(range(count))
        found = set(self.everywhere)
        if place.get("geonameid") is not None:
            found.update(self.keys.get(("geonameid", place["geonameid"]), ()))
        admin1 = place.get("admin1")
        if admin1 is not None:
            found.update(self.keys.get(("region", admin1), ()))
        if precision == GeoPrecision.ADMIN1:
            if admin1 is not None:
                found.update(self.keys.get(("in region", admin1), ()))
        elif place.get("lat") is not None and place.get("lon") is not None:
            for key in neighbour_cells(place["lat"], place["lon"]):
                found.update(self.keys.get(key, ()))
        return sorted(found)


def cell_of(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES) % LON_CELLS


def neighbour_cells(lat: float, lon: float) -> list[tuple]:
    """Every cell holding a point within LINK_DISTANCE_KM of (lat, lon)."""
    row, column = cell_of(lat, lon)
    reach = link.LINK_DISTANCE_KM / link.EARTH_RADIUS_KM * 180 / math.pi  # degrees of latitude
    edge = min(abs(lat) + reach, 90.0)
    shrink = math.cos(math.radians(edge))
    spread = LON_CELLS if shrink < 1e-6 else math.ceil(reach / shrink / CELL_DEGREES) + 1
    columns = range(LON_CELLS) if 2 * spread + 1 >= LON_CELLS else [(column + d) % LON_CELLS for d in range(-spread, spread + 1)]
    rows = range(row - math.ceil(reach / CELL_DEGREES), row + math.ceil(reach / CELL_DEGREES) + 1)
    return [("cell", r, c) for r in rows for c in columns]


# The store, as the replay sees it: the stored reports of a partition on a day
# that are linked on their own (not copies), each with its linked event's id.
StoredOn = Callable[[Partition, date], list[tuple[link.Report, str | None]]]
# Writes one replayed stretch: the linked ids that no longer exist, and the new groups.
Apply = Callable[[set[str], list[list[link.Report]]], None]


def relink(new_reports: Iterable[link.Report], stored_on: StoredOn, apply: Apply) -> None:
    """Link the new reports (already stored, not yet linked) with the stored ones."""
    by_partition: dict[Partition, dict[date, list[link.Report]]] = {}
    alone = []
    for report in new_reports:
        partition = partition_of(report)
        if partition is None:
            alone.append([report])
        else:
            by_partition.setdefault(partition, {}).setdefault(report.day, []).append(report)
    if alone:
        apply(set(), alone)
    for partition in sorted(by_partition):
        relink_partition(partition, by_partition[partition], stored_on, apply)


def relink_partition(partition: Partition, new: dict[date, list[link.Report]], stored_on: StoredOn, apply: Apply) -> None:
    pending = sorted(new)
    while pending:
        first = pending[0]
        old_of: dict[Key, str | None] = {}  # the stored linked id of each report read
        day_of: dict[Key, date] = {}
        before = stored_on(partition, first - timedelta(days=1))
        dead = {linked for _, linked in stored_on(partition, first - timedelta(days=2))}
        state: dict[str, Group] = {}
        for report, linked in sorted(before, key=lambda pair: link.link_order(pair[0])):
            if linked in dead:
                continue  # its group has an earlier member: no report of `first` can join it
            old_of[report.key], day_of[report.key] = linked, report.day
            state.setdefault(linked, Group()).add(report)
        groups_seen: dict[int, Group] = {}
        handed = list(state.values())
        day = first
        while True:
            fresh = {report.key: report for report in new.get(day, [])}
            reports = []
            for report, linked in stored_on(partition, day):
                if report.key not in fresh:
                    old_of[report.key], day_of[report.key] = linked, day
                    reports.append(report)
            for report in fresh.values():
                old_of[report.key], day_of[report.key] = None, day
            groups = greedy([*reports, *fresh.values()], handed)
            for group in groups:
                groups_seen[id(group)] = group
            if day in new:
                pending.remove(day)
            handed = [group for group in groups if all(member.day == day for member in group.members)]
            stored_handed = stored_groups(old_of, day_of, lambda d: d == day)
            if {group.keys() for group in handed} == stored_handed and not (pending and pending[0] == day + timedelta(days=1)):
                break
            day += timedelta(days=1)
        write_changes(list(groups_seen.values()), old_of, apply)


def stored_groups(old_of: dict[Key, str | None], day_of: dict[Key, date], keep: Callable[[date], bool]) -> set[frozenset[Key]]:
    """The stored groups, as far as read, whose members read all pass keep(day)."""
    members: dict[str, set[Key]] = {}
    for key, linked in old_of.items():
        if linked is not None:
            members.setdefault(linked, set()).add(key)
    return {frozenset(keys) for keys in members.values() if all(keep(day_of[key]) for key in keys)}


def write_changes(groups: list[Group], old_of: dict[Key, str | None], apply: Apply) -> None:
    """The groups that differ from the stored ones replace them."""
    old_members: dict[str, set[Key]] = {}
    for key, linked in old_of.items():
        if linked is not None:
            old_members.setdefault(linked, set()).add(key)
    changed, gone = [], set()
    for group in groups:
        ids = {old_of[member.key] for member in group.members}
        if len(ids) == 1 and None not in ids and group.keys() == old_members[next(iter(ids))]:
            continue
        changed.append(group.members)
        gone |= ids - {None}
    if changed:
        apply(gone, changed)
