"""Incremental linking (link_index.relink) makes exactly the clusters of link.cluster,
whatever the order and the batches the reports arrive in."""
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from svodka.dataset import link, link_index

PLACES = [
    {"name": "Бишкек", "country": "KG", "admin1": "Bishkek", "lat": 42.87, "lon": 74.59, "geonameid": 1, "precision": "city"},
    {"name": "Кант", "country": "KG", "admin1": "Chuy", "lat": 42.89, "lon": 74.85, "geonameid": 2, "precision": "city"},
    {"name": "Ош", "country": "KG", "admin1": "Osh", "lat": 40.53, "lon": 72.8, "geonameid": 3, "precision": "city"},
    {"name": "Чуйская область", "country": "KG", "admin1": "Chuy", "lat": 42.8, "lon": 74.8, "geonameid": 4, "precision": "admin1"},
    {"name": "Киргизия", "country": "KG", "admin1": None, "lat": 41.0, "lon": 75.0, "geonameid": 5, "precision": "country"},
    None,
    # 20 km apart across a regional border, two grid cells apart in the far north; and a place known by its id alone
    {"name": "Север-1", "country": "KG", "admin1": "North", "lat": 69.35, "lon": 88.20, "geonameid": 6, "precision": "city"},
    {"name": "Север-2", "country": "KG", "admin1": "North-East", "lat": 69.35, "lon": 88.69, "geonameid": 7, "precision": "landmark"},
    {"name": "Без координат", "country": "KG", "admin1": None, "lat": None, "lon": None, "geonameid": 8, "precision": "city"},
]
SUB_TYPES = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]
PARTIES = [[], [{"role": "actor2", "name": "полиция", "category": "State forces"}],
           [{"role": "actor2", "name": "студенты", "category": "Civilians"}]]


@st.composite
def reports(draw):
    count = draw(st.integers(1, 28))
    out = []
    for number in range(count):
        document = f"d{draw(st.integers(0, 9))}"
        day = draw(st.one_of(st.none(), st.integers(0, 6)))
        event = {
            "id": f"e{number}", "event_type": "Protests", "modality": draw(st.sampled_from(["actual", "actual", "planned"])),
            "sub_event_type": draw(st.sampled_from(SUB_TYPES)),
            "date": (date(2024, 11, 1) + timedelta(days=day)).isoformat() if day is not None else None,
            "location": draw(st.sampled_from(PLACES)), "actors": draw(st.sampled_from(PARTIES)),
        }
        published = draw(st.sampled_from([None, date(2024, 11, 3)]))
        out.append(link.Report(document, event, outlet=document, published=published))
    return out


class FakeStore:
    """The store as link_index sees it: reports with their linked ids."""

    def __init__(self):
        self.linked = {}
        self.reports = {}

    def stored_on(self, partition, day):
        return [(report, self.linked.get(key)) for key, report in self.reports.items()
                if link_index.partition_of(report) == partition and report.day == day]

    def apply(self, gone, groups):
        for key, linked in list(self.linked.items()):
            if linked in gone:
                del self.linked[key]
        for group in groups:
            for report in group:
                self.linked[report.key] = link.linked_id(group)

    def add(self, batch):
        for report in batch:
            self.reports[report.key] = report
        link_index.relink(batch, self.stored_on, self.apply)

    def clusters(self):
        groups = {}
        for key, linked in self.linked.items():
            groups.setdefault(linked, set()).add(key)
        assert set(self.linked) == set(self.reports), "every report is linked"
        return sorted(sorted(keys) for keys in groups.values())


def expected(all_reports):
    return sorted(sorted(report.key for report in group) for group in link.cluster(all_reports))


@settings(max_examples=300, deadline=None)
@given(reports(), st.randoms(use_true_random=False), st.integers(1, 5))
def test_incremental_linking_equals_clustering_from_scratch_in_any_order_and_batches(all_reports, random, batch):
    order = list(all_reports)
    random.shuffle(order)
    store = FakeStore()
    for start in range(0, len(order), batch):
        store.add(order[start:start + batch])
    assert store.clusters() == expected(all_reports)


def test_the_place_index_offers_every_group_a_report_could_join():
    for anchor in PLACES:
        index = link_index.PlaceIndex()
        index.add(0, anchor)
        for place in PLACES:
            if anchor and place and link.places_compatible(place, anchor):
                assert index.candidates(place, 1) == [0], (anchor["name"], place["name"])


def test_a_cluster_summary_admits_exactly_what_every_member_admits():
    members = [link.Report("a", {"id": "e", "event_type": "Protests", "modality": "actual", "sub_event_type": "Peaceful protest",
                                 "date": "2024-11-01", "location": PLACES[0], "actors": []}),
               link.Report("b", {"id": "e", "event_type": "Protests", "modality": "actual", "sub_event_type": "Peaceful protest",
                                 "date": "2024-11-02", "location": PLACES[4], "actors": PARTIES[1]})]
    group = link_index.Group()
    for member in members:
        group.add(member)
    for place in PLACES:
        for day in ("2024-10-31", "2024-11-01", "2024-11-02", "2024-11-03"):
            for parties in PARTIES:
                for document in ("a", "c"):
                    candidate = link.Report(document, {**members[0].event, "date": day, "location": place, "actors": parties})
                    assert group.admits(candidate) == all(link.same_event(candidate, m) for m in members)
