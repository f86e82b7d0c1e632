"""The record's one shape (schema.py): what records.py writes, the store gives back, the Python API
and the web API read are the same fields; the enums serialise to the contract's strings."""
import json
from datetime import date

from svodka import schema
from svodka.dataset.store import Store
from svodka.model import COUNT_SLOTS, MODALITIES, CountSlot, GeoPrecision, Modality, TimePrecision, Verification
from svodka.options import ExtractOptions
from svodka.pipeline import extract_all
from svodka.records import document_json
from svodka.model import Document
from svodka.scale import document_record

TEXTS = [
    "В среду в Бишкеке на площади Ала-Тоо полиция задержала 30 участников митинга, сообщило МВД. "
    "Как передаёт ТАСС со ссылкой на источник, двое погибли, ещё пятеро ранены, но эти данные никто не подтвердил.",
    "В Алматы в четверг около 200 человек вышли на акцию протеста у акимата, сообщил телеканал «Хабар 24».",
]


def extracted():
    docs = [Document(f"d{i}", text, date(2024, 11, 6), "24.kg") for i, text in enumerate(TEXTS)]
    return list(extract_all(docs, ExtractOptions(quotes=True)))


def records():
    return [json.loads(json.dumps(document_json(d), ensure_ascii=False)) for d in extracted()]


def test_the_records_have_the_schemas_shape_and_come_back_whole():
    found = records()
    assert sum(len(r["events"]) for r in found) >= 2
    for record in found:
        # a field records.py writes that the schema lacks would be dropped here
        assert schema.to_json(schema.Document.model_validate(record)) == record
        for event in record["events"]:
            # and every field of the schema's event is one records.py writes
            assert set(schema.Event.model_fields) - {"acled"} <= set(event)
            assert set(event["claims"][0] if event["claims"] else {}) <= set(schema.Claim.model_fields)


def test_the_stores_read_side_gives_the_same_shape(tmp_path):
    with Store.open(str(tmp_path / "s.db")) as store:
        for doc in extracted():
            store.add_record(document_record(doc))
        for record in records():
            stored = store.get_document(record["id"])
            events = [{k: v for k, v in e.items() if k in schema.Event.model_fields} for e in stored["events"]]
            assert events == [schema.to_json(schema.Event.model_validate(e)) for e in record["events"]]


def test_the_enums_are_the_contracts_strings():
    assert json.dumps([Modality.ACTUAL, GeoPrecision.CITY, Verification.DISPUTED, CountSlot.CROWD, TimePrecision.WEEK]) \
        == '["actual", "city", "disputed", "crowd", 2]'
    assert f"{Modality.DENIED}" == "denied" and str(GeoPrecision.ADMIN1) == "admin1"
    assert MODALITIES == ("actual", "planned", "threatened", "denied", "hypothetical")
    assert COUNT_SLOTS == ("fatalities", "injured", "arrested", "crowd")
    assert schema.Event.model_validate({"id": "e1", "event_type": "Protests", "sub_event_type": "Peaceful protest",
                                        "modality": "planned"}).modality is Modality.PLANNED
