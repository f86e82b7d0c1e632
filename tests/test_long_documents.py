"""A long document costs time in proportion to its length: mentions, tokens, sentences, quotes and
events are found through indexes, not by scanning the whole document for each one."""
from __future__ import annotations

import random
import time

import pytest

from svodka.model import Document
from svodka.pipeline import extract
from svodka.resources import Resources

FIRST = ["Иван", "Сергей", "Алексей", "Дмитрий", "Николай", "Павел", "Андрей", "Олег"]
LAST = ["Петров", "Кузнецов", "Смирнов", "Волков", "Соколов", "Лебедев", "Морозов", "Новиков", "Орлов"]
CITIES = ["Москве", "Казани", "Самаре", "Томске", "Перми", "Уфе", "Омске", "Саратове", "Воронеже", "Ярославле"]
REGIONS = ["Московской области", "Татарстане", "Башкирии", "Красноярском крае", "Ростовской области"]
BODIES = ["МВД", "МЧС", "СК", "прокуратуры", "ФСБ"]
DAYS = [f"{d} {m}" for d in range(1, 28) for m in ("марта", "апреля", "мая")] + ["в среду", "накануне"]
SENTENCES = [
    "{d} в {c} прошла акция протеста, в которой участвовали около {n} человек, сообщил {p}.",
    "По данным {o}, полиция задержала {k} участников несанкционированного митинга в {c}.",
    "В {r} в результате обстрела погибли {k} мирных жителей, еще {m} получили ранения, заявил губернатор {p}.",
    "{p} рассказал журналистам, что задержанных доставили в отдел полиции.",
    "Как сообщает пресс-служба {o}, {d} в {c} неизвестные напали на пункт полиции.",
    "Взрыв прогремел {d} у здания администрации в {c}; по словам {p}, пострадали {m} человек.",
    "Суд в {c} арестовал {k} подозреваемых в организации беспорядков.",
    "Погода в {c} {d} была облачной, температура воздуха составила {m} градусов.",
]


def long_text(chars: int, seed: int = 7) -> str:
    """Paragraphs of news-like sentences with varied names, places, days and figures, about `chars` long."""
    rnd = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        paragraph = " ".join(
            rnd.choice(SENTENCES).format(
                d=rnd.choice(DAYS), c=rnd.choice(CITIES), r=rnd.choice(REGIONS), o=rnd.choice(BODIES),
                p=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", n=rnd.randint(20, 5000), k=rnd.randint(2, 40),
                m=rnd.randint(1, 30))
            for _ in range(rnd.randint(2, 5)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def extraction_time(text: str) -> tuple[float, int]:
    doc = Document(id="long", text=text)
    started = time.process_time()
    extract(doc)
    return time.process_time() - started, len(doc.events)


@pytest.mark.slow
def test_extraction_time_grows_near_linearly_with_length():
    Resources.shared().preload()
    short, long = long_text(100_000), long_text(400_000)
    extraction_time(short)  # the lexicons' and the morphology's caches warmed
    short_time, short_events = min(extraction_time(short) for _ in range(2))
    long_time, long_events = extraction_time(long)
    assert short_events > 20 and long_events > short_events  # both tell many events, the longer more
    # a scan of every mention for each token (or of every event for each count) made it ~15x and more
    assert long_time < 6 * short_time, (short_time, long_time)
