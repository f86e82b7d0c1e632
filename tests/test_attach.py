"""Where events are placed, through the whole extractor."""
from datetime import date

from svodka.model import Document
from svodka.pipeline import extract


def test_an_appeal_for_foreign_troops_is_placed_at_country_level_and_kept_apart_from_a_curfew():
    text = (
        "В среду в Алматы введен комендантский час. "
        "Президент Казахстана обратился за помощью к Организации Договора о коллективной безопасности."
    )
    doc = extract(Document("t", text, date(2022, 1, 6)))
    placed = sorted((e.kind, e.sub_event_type, e.location.place.name, e.location.place.precision) for e in doc.events)
    assert placed == [
        ("emergency", "Other", "Алматы", "city"),
        ("foreign_troops", "Other", "Казахстан", "country"),
    ]
