"""ACLED's naming: actors by country and regime period, places in GeoNames' English names,
and every column of the CSV export within the codebook's domain."""
import csv
import re
from datetime import date
from functools import lru_cache

import pytest

from svodka.attach.acled_actors import Party, code, regime_period, stored_coding
from svodka.dataset.store import Store
from svodka.export.acled import ACLED_COLUMNS, crowd_size, nearest_place, source_scale
from svodka.export.formats import export
from svodka.model import Document
from svodka.scale import extract_records
from tests.news_fixtures import records

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Texts composed for these tests (the events are invented).
DOCUMENTS = {
    "tbilisi": ("Civil.ge", date(2024, 12, 5),
                "В Тбилиси полиция задержала участников акции\n\nВ четверг в Тбилиси полиция задержала 12 участников "
                "акции протеста у здания парламента. Среди задержанных оказались журналисты."),
    "belgorod": ("ТАСС", date(2024, 3, 13),
                 "Белгород обстреляли\n\nВ среду украинские военные обстреляли Белгород из РСЗО, погибли два мирных жителя."),
    "zhanaozen": ("Tengrinews", date(2022, 1, 4),
                  "Беспорядки в Жанаозене\n\nВо вторник в Жанаозене толпа подожгла здание акимата, сотни человек вышли "
                  "на площадь, сообщило МВД Казахстана."),
    "idlib": ("SANA", date(2023, 5, 8),
              "Боевики напали на деревню\n\nВ понедельник в Идлибе боевики ХТС напали на мирных жителей, погибли трое."),
}
DOMAINS = {
    "disorder_type": {"Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"},
    "time_precision": {"1", "2", "3"},
    "geo_precision": {"1", "2", "3"},
    "inter1": {str(code) for code in range(1, 9)},
    "inter2": {""} | {str(code) for code in range(1, 9)},
    "civilian_targeting": {"", "Civilian targeting"},
    "region": {"Caucasus and Central Asia", "Europe", "Middle East"},
}
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
SCALES = {"Local", "Regional", "National", "International", "New media", "Other"}


@lru_cache(maxsize=None)
def extra_records() -> tuple[dict, ...]:
    docs = [Document(doc_id, text, published=day, source=outlet, url=f"https://example.org/{doc_id}")
            for doc_id, (outlet, day, text) in DOCUMENTS.items()]
    return tuple(extract_records(docs))


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("acled") / "svodka.db")
    with Store.open(path) as writer:
        for record in [*records(), *map(dict, extra_records())]:
            writer.add_record(record)
    out = tmp_path_factory.mktemp("out") / "events.csv"
    with Store.open(path, readonly=True) as reader:
        export(reader, "acled", str(out))
    with out.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def by_country(rows, country):
    return [row for row in rows if row["country"] == country]


def test_every_column_lies_in_the_codebooks_domain(rows):
    assert len(rows) == 6
    for row in rows:
        assert tuple(row) == ACLED_COLUMNS
        for column, domain in DOMAINS.items():
            assert row[column] in domain, (column, row[column])
        assert row["sub_event_type"] in EVENT_TYPES[row["event_type"]]
        assert re.fullmatch(r"[A-Z]{3}\d+", row["event_id_cnty"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", row["event_date"]) and row["year"] == row["event_date"][:4]
        assert row["iso"].isdigit() and row["fatalities"].isdigit() and row["timestamp"].isdigit()
        inters = sorted(int(row[c]) for c in ("inter1", "inter2") if row[c])
        assert int(row["interaction"]) == (inters[0] * 10 + inters[1] if len(inters) == 2 else inters[0] * 10)
        assert all(part in SCALES for part in row["source_scale"].split("-")) and row["source_scale"]
        if row["event_type"] in ("Protests", "Riots"):
            assert re.fullmatch(r"crowd size=.+", row["tags"])
        assert row["notes"].startswith("On ") and not CYRILLIC.search(row["notes"])
        for column in ("location", "admin1", "admin2", "actor1", "actor2", "country", "assoc_actor_1", "assoc_actor_2"):
            assert not CYRILLIC.search(row[column]), (column, row[column])
        assert row["location"] and row["admin1"]


def test_state_forces_are_named_by_country_and_regime_period(rows):
    (georgia,) = by_country(rows, "Georgia")
    assert (georgia["actor1"], georgia["actor2"]) == ("Protesters (Georgia)", "Police Forces of Georgia (2012-)")
    assert georgia["assoc_actor_1"] == "Journalists (Georgia)"
    assert (georgia["location"], georgia["admin1"], georgia["tags"]) == ("Tbilisi", "T'bilisi", "crowd size=no report")
    (russia,) = by_country(rows, "Russia")  # "украинские военные": the forces of the country the adjective names
    assert (russia["actor1"], russia["actor2"]) == ("Military Forces of Ukraine (2019-)", "Civilians (Russia)")
    assert russia["civilian_targeting"] == "Civilian targeting" and russia["admin2"] == "Belgorodskiy Rayon"


def test_a_named_group_and_a_source_that_is_no_party(rows):
    (syria,) = by_country(rows, "Syria")
    assert (syria["actor1"], syria["actor2"], syria["interaction"]) == ("HTS: Hayat Tahrir al Sham", "Civilians (Syria)", "27")
    (kazakhstan,) = by_country(rows, "Kazakhstan")
    # "сообщило МВД Казахстана" tells of the riot: the police took no part in it
    assert (kazakhstan["actor1"], kazakhstan["actor2"], kazakhstan["interaction"]) == ("Rioters (Kazakhstan)", "", "50")
    assert kazakhstan["tags"] == "crowd size=hundreds" and kazakhstan["admin1"] == "Mangghystau"


def test_actor_names_in_the_json_are_nominative_russian_with_evidence():
    record = next(r for r in extra_records() if r["document"]["id"] == "belgorod")
    text = record["document"]["text"]
    (event,) = record["result"]["events"]
    names = {a["name"]: text[slice(*a["evidence"])] for a in event["actors"]}
    assert names == {"военные": "военные", "мирные жители": "мирных жителя"}


def test_regime_periods_come_from_the_table():
    assert regime_period("RU", 2024) == "(2000-)"
    assert regime_period("UA", 2016) == "(2014-2019)" and regime_period("UA", 2022) == "(2019-)"
    assert regime_period("SY", 2025) == "(2024-)" and regime_period("XX", 2020) == ""


def test_coding_orders_the_sides_and_fills_the_party_a_type_always_has():
    # the civilians a militia attacks stand as actor2 whatever order the text names them in
    coded = code("Violence against civilians", "Attack", "KG", 2024, [Party("actor1", "Civilians"), Party("actor2", "Rebel groups")])
    assert (coded["actor1"], coded["actor2"]) == ("Unidentified Armed Group (Kyrgyzstan)", "Civilians (Kyrgyzstan)")
    arrests = code("Strategic developments", "Arrests", "KZ", 2022, [])
    assert (arrests["actor1"], arrests["inter1"], arrests["interaction"]) == ("Police Forces of Kazakhstan (2019-)", 1, 10)
    old = stored_coding({"event_type": "Protests", "sub_event_type": "Peaceful protest", "date": "2021-03-01",
                         "location": {"country": "RU"}, "actors": []})
    assert old["actor1"] == "Protesters (Russia)" and old["civilian_targeting"] == ""


def test_places_scales_and_crowds_in_acleds_words():
    assert nearest_place("KG", 42.87, 74.59)[:2] == ("Bishkek", "Chuy")
    assert nearest_place("UA", 55.75, 37.62) is None  # no place of that country near the point
    assert source_scale(["ТАСС", "Reuters", "ТАСС"]) == "National-International"
    assert source_scale(["Baza"]) == "New media" and source_scale(["неизвестный канал"]) == "Other"
    assert crowd_size({"min": 20, "max": 99}) == "dozens" and crowd_size({"min": 301, "max": None}) == "more than 300"
    assert crowd_size({"min": 200, "max": 250}) == "between 200 and 250" and crowd_size(None) == "no report"


def coded_sentence(text, event_type, sub_event_type, country="KZ"):
    from svodka.attach.acled_actors import coding
    from svodka.attach.actors import find_actors
    from svodka.model import Event, Place, PlaceMention, Trigger
    from tests.helpers import lemmatised

    doc = lemmatised(text, date(2022, 1, 5))
    event = Event("e1", "clash", event_type, sub_event_type, triggers=[Trigger(0, 1, text[:1], "clash", 0)],
                  location=PlaceMention(Place("Алматы", country, "city"), 0, 1))
    event.actors = find_actors(doc, event)
    return coding(doc, event)


def test_forces_of_one_country_stand_together_and_foreign_forces_stand_apart():
    together = coded_sentence("Полицейские и военные разогнали толпу погромщиков.", "Riots", "Violent demonstration")
    assert together["actor1"] == "Rioters (Kazakhstan)" and together["actor2"] == "Police Forces of Kazakhstan (2019-)"
    assert together["assoc_actor_2"] == "Military Forces of Kazakhstan (2019-)"
    apart = coded_sentence("Российские военные обстреляли позиции ВСУ.", "Battles", "Armed clash", country="UA")
    assert (apart["actor1"], apart["actor2"]) == ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")
    assert apart["interaction"] == 11


def test_a_unit_follows_the_period_and_a_union_stands_beside_the_protesters():
    coded = coded_sentence("Росгвардия задержала участников пикета, среди них члены профсоюза.", "Protests",
                           "Protest with intervention", country="RU")
    assert (coded["actor1"], coded["assoc_actor_1"]) == ("Protesters (Russia)", "Labour Group (Russia)")
    assert coded["actor2"] == "Military Forces of Russia (2000-) National Guard"


def test_countries_are_spelled_as_acled_spells_them():
    from svodka.attach.acled_actors import country_name, force_name, generic_name

    assert country_name("CZ") == "Czech Republic" and country_name("KG") == "Kyrgyzstan"
    assert force_name("Police Forces", "US", 2024) == "Police Forces of the United States"
    assert generic_name("Protesters", "US") == "Protesters (United States)"
