"""Linking reports of one event across documents."""
import json

import pytest

from svodka.dataset import link
from svodka.dataset.store import Store
from tests.news_fixtures import records


def event(**fields):
    base = {
        "id": "e1", "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
        "modality": "actual", "date": "2024-11-06", "actors": [], "claims": [], "sources": [],
        "location": {"name": "Бишкек", "country": "KG", "admin1": "Bishkek", "lat": 42.87, "lon": 74.59,
                     "geonameid": 1528675, "precision": "city"},
        "fatalities": None, "injured": None, "arrested": None, "crowd": None, "confidence": 0.9,
    }
    return {**base, **fields}


def report(document, **fields):
    return link.Report(document, event(**fields), outlet=document)


def claim(slot, low, high, text, chain=("МВД",)):
    return {"source": {"chain": list(chain)}, "slot": slot, "min": low, "max": high, "text": text, "evidence": [0, 1]}


def test_reports_of_one_explosion_from_different_outlets_are_one_event():
    groups = link.cluster([report("a"), report("b"), report("c")])
    assert [len(group) for group in groups] == [3]


def test_two_reports_in_one_document_are_never_joined():
    assert not link.same_event(report("a"), link.Report("a", event(id="e2")))


@pytest.mark.parametrize("difference", [
    {"sub_event_type": "Air/drone strike"},
    {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
    {"modality": "planned"},
    {"date": "2024-11-08"},
    {"location": {"name": "Ош", "country": "KG", "admin1": "Osh", "lat": 40.53, "lon": 72.8, "geonameid": 1527534, "precision": "city"}},
])
def test_reports_that_differ_in_kind_place_or_day_stay_apart(difference):
    assert len(link.cluster([report("a"), report("b", **difference)])) == 2


def test_attacks_on_different_targets_in_one_city_on_one_day_stay_apart():
    on_journalists = report("a", event_type="Violence against civilians", sub_event_type="Attack",
                            actors=[{"role": "actor2", "name": "журналисты", "category": "Civilians"}])
    on_police = report("b", event_type="Violence against civilians", sub_event_type="Attack",
                       actors=[{"role": "actor2", "name": "полицейские", "category": "State forces"}])
    assert len(link.cluster([on_journalists, on_police])) == 2


def test_adjacent_day_nearby_place_and_containing_country_link():
    suburb = {"name": "Кант", "country": "KG", "admin1": "Chuy", "lat": 42.89, "lon": 74.85, "geonameid": 1528121, "precision": "city"}
    country = {"name": "Киргизия", "country": "KG", "admin1": None, "lat": 42.87, "lon": 74.59, "geonameid": 1527747, "precision": "country"}
    assert link.same_event(report("a"), report("b", date="2024-11-07", location=suburb))
    assert link.same_event(report("a"), report("c", location=country))


def test_a_vague_report_does_not_chain_two_distinct_events():
    osh = {"name": "Ош", "country": "KG", "admin1": "Osh", "lat": 40.53, "lon": 72.8, "geonameid": 1527534, "precision": "city"}
    country = {"name": "Киргизия", "country": "KG", "admin1": None, "lat": 42.87, "lon": 74.59, "geonameid": 1527747, "precision": "country"}
    groups = link.cluster([report("a"), report("b", location=osh), report("c", location=country)])
    assert sorted(len(group) for group in groups) == [1, 2]


def test_the_aggregate_keeps_every_claim_and_gives_the_honest_interval():
    reports = [
        report("a", fatalities={"min": 5, "max": 5}, claims=[claim("fatalities", 5, 5, "5 человек")]),
        report("b", fatalities={"min": 7, "max": None}, claims=[claim("fatalities", 7, None, "не менее семи", ["Минздрав"])]),
        report("c", fatalities={"min": 10, "max": 10}, claims=[claim("fatalities", 10, 10, "около десяти", [])]),
    ]
    linked = link.aggregate(reports)
    assert sorted((c["outlet"], c["min"]) for c in linked["claims"]) == [("a", 5), ("b", 7), ("c", 10)]
    assert linked["fatalities"] == {"min": 5, "max": None, "acled": 5}
    assert len(linked["reports"]) == 3


def test_a_closed_interval_stays_closed_and_a_repeated_figure_is_one_claim():
    repeated = [claim("fatalities", 5, 5, "5 человек"), claim("fatalities", 5, 5, "пять человек")]
    linked = link.aggregate([report("a", claims=repeated), report("b", claims=[claim("fatalities", 8, 9, "8-9 человек")])])
    assert linked["fatalities"] == {"min": 5, "max": 9, "acled": 5}
    assert len(linked["claims"]) == 2


@pytest.mark.parametrize("text, low, high, figure", [
    ("десятки человек", 20, 99, 12),
    ("сотни погибших", 200, 999, 100),
    ("несколько человек", 2, 9, 3),
    ("не менее семи", 7, None, 7),
    ("200–250 человек", 200, 250, 200),
])
def test_acled_figure_follows_acleds_convention_for_vague_counts(text, low, high, figure):
    assert link.acled_figure({"min": low, "max": high, "text": text}) == figure


def test_the_lowest_figure_wins_even_when_it_is_a_vague_one():
    claims = [{"min": 20, "max": 99, "text": "десятки"}, {"min": 15, "max": 15, "text": "15"}]
    assert link.acled_fatalities(claims) == 12


def linked_rows(path):
    with Store.open(str(path), readonly=True) as store:
        rows = store.rows("SELECT id, json FROM linked_events ORDER BY id")
        members = store.rows("SELECT document, event_id, linked FROM events ORDER BY document, event_id")
    return [tuple(r) for r in rows], [tuple(r) for r in members]


def test_linking_does_not_depend_on_ingest_order(tmp_path):
    first = records()
    orders = [first, first[::-1], first[1:] + first[:1], [first[2], first[0], first[3], first[1]]]
    outcomes = []
    for number, order in enumerate(orders):
        path = tmp_path / f"{number}.db"
        with Store.open(str(path)) as store:
            for record in order:
                store.add_record(record)
        outcomes.append(linked_rows(path))
    assert all(outcome == outcomes[0] for outcome in outcomes)


def test_three_outlets_become_one_event_and_the_rally_stays_apart(tmp_path):
    with Store.open(str(tmp_path / "s.db")) as store:
        for record in records():
            store.add_record(record)
        explosions = store.query_events(event_type="Explosions/Remote violence")
        protests = store.query_events(event_type="Protests")
    (explosion,) = explosions
    assert len(protests) == 1
    assert len(explosion["reports"]) == 3
    assert sorted(c["min"] for c in explosion["claims"] if c["slot"] == "fatalities") == [5, 7, 10]
    assert explosion["fatalities"] == {"min": 5, "max": None, "acled": 5}
    assert explosion["outlets"] == ["24.kg", "Акипресс", "Вечерний Бишкек"]
    assert json.dumps(explosion, ensure_ascii=False).count("Минздрав") >= 1
