"""Short news-like texts composed for the store, link and export tests, and
helpers that extract them once per test session."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from svodka.model import Document
from svodka.scale import extract_records

PUBLISHED = date(2024, 11, 6)

# One explosion told by three outlets with three different death tolls.
EXPLOSION_REPORTS = {
    "akipress": (
        "Акипресс",
        "В Бишкеке при взрыве погибли 5 человек\n\n"
        "В среду в Бишкеке в результате взрыва на рынке «Ош» погибли 5 человек, сообщило МВД Киргизии.",
    ),
    "vb": (
        "Вечерний Бишкек",
        "Взрыв на рынке в Бишкеке: не менее семи погибших\n\n"
        "В среду в Бишкеке на рынке прогремел взрыв, погибли не менее семи человек, сообщил Минздрав.",
    ),
    "24kg": (
        "24.kg",
        "В Бишкеке прогремел взрыв\n\n"
        "В среду в Бишкеке при взрыве на рынке погибли около десяти человек, сообщили очевидцы.",
    ),
}
# A different event in the same city on the same day.
RALLY = (
    "В Бишкеке задержали участников митинга\n\n"
    "В среду в Бишкеке полиция задержала 30 участников митинга у здания парламента, сообщило МВД."
)


def rally_text(number: int) -> str:
    """A distinct rally report: the arrest figure differs, so no two texts are equal."""
    return (
        f"В Бишкеке задержали участников митинга\n\n"
        f"В среду в Бишкеке полиция задержала {number} участников митинга у здания парламента, сообщило МВД."
    )


def explosion_documents() -> list[Document]:
    return [
        Document(doc_id, text, published=PUBLISHED, source=outlet, url=f"https://example.org/{doc_id}")
        for doc_id, (outlet, text) in EXPLOSION_REPORTS.items()
    ]


@lru_cache(maxsize=None)
def _records() -> tuple[dict, ...]:
    rally = Document("rally", RALLY, published=PUBLISHED, source="Азаттык", url="https://example.org/rally")
    return tuple(extract_records([*explosion_documents(), rally]))


def records() -> list[dict]:
    """The extraction records of the three explosion reports and the rally, in that order."""
    return [dict(record) for record in _records()]
