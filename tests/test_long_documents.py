"""A long document costs time in proportion to its length: mentions, tokens, sentences, quotes and
events are found through indexes, not by scanning the whole document for each one."""
from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from svodka.annotate.segment import BLANK_LINE
from svodka.annotate.windows import paragraph_windows
from svodka.model import Document
from svodka.options import ExtractOptions
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


FILLER = [
    "Погода в Самаре была облачной, температура воздуха составила 12 градусов.",
    "В Томске открылась выставка современной живописи, она продлится до конца месяца.",
    "Жители Перми обсуждают ремонт набережной, который начнется летом.",
    "В Ярославле отремонтировали три моста через Которосль.",
]
FIRST_MENTION = "В Казани 12 мая полиция задержала 15 участников несанкционированного митинга против застройки парка."
SECOND_MENTION = "Задержания на митинге в Казани 12 мая подтвердили в МВД: всего задержаны 17 человек."
STRADDLING = "\n\n".join([FIRST_MENTION] + [FILLER[k % len(FILLER)] for k in range(30)] + [SECOND_MENTION])


def test_an_incident_told_in_two_windows_of_a_long_document_is_one_event():
    windows = list(paragraph_windows(STRADDLING, 1_000, True))
    first, second = STRADDLING.index(FIRST_MENTION), STRADDLING.index(SECOND_MENTION)
    assert len(windows) == 2 and windows[0][0] <= first < windows[0][1] <= second  # the mentions in two windows
    windowed = extract(Document("w", STRADDLING, date(2024, 5, 13)), ExtractOptions(window=1_000))
    whole = extract(Document("w", STRADDLING, date(2024, 5, 13)))
    [event] = windowed.events
    assert (event.kind, event.location.place.name, event.date) == ("intervention", "Казань", date(2024, 5, 12))
    assert (event.arrested.min, event.arrested.max) == (15, 17)  # both windows' figures, as one interval
    assert [windowed.text[a:b] for a, b in event.evidence] == [FIRST_MENTION, SECOND_MENTION]
    # the second window's offsets and sentence indexes are the whole document's
    assert all(windowed.text[t.start : t.end] == t.text for t in event.triggers)
    assert all(windowed.sentences[t.sentence].start <= t.start < windowed.sentences[t.sentence].end for t in event.triggers)
    assert [(e.kind, e.evidence, e.arrested) for e in whole.events] == [(event.kind, event.evidence, event.arrested)]


def test_windows_end_at_paragraph_breaks_and_cover_the_text():
    text = STRADDLING.replace("\n\n", "\n")
    for blocks, source in ((True, STRADDLING), (False, text)):
        windows = list(paragraph_windows(source, 1_000, blocks))
        assert windows[0][0] == 0 and windows[-1][1] == len(source)
        assert all(a[1] == b[0] for a, b in zip(windows, windows[1:]))
        assert all(source[end - 1] == "\n" for _, end in windows[:-1])
        assert all(1_000 <= end - start for start, end in windows[:-1])
    assert BLANK_LINE.search(text) is None


MEASURE = """
import resource, sys, time
from tests.test_long_documents import long_text
from svodka.model import Document
from svodka.pipeline import extract
from svodka.resources import Resources
Resources.shared().preload()
text = long_text(int(sys.argv[1]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.process_time()
doc = extract(Document("long", text))
print(time.process_time() - started, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024, len(doc.events))
"""


def measured(chars: int) -> tuple[float, int, int]:
    """CPU seconds, the growth of the peak RSS in MB over the loaded models, and the events, of extracting
    a text of about `chars` characters in a process of its own."""
    out = subprocess.run([sys.executable, "-c", MEASURE, str(chars)], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


@pytest.mark.slow
def test_a_document_of_megabytes_is_read_in_bounded_memory_and_near_linear_time():
    short_time, short_memory, short_events = measured(200_000)  # two windows
    long_time, long_memory, long_events = measured(1_000_000)  # seven, ~1.8 MB of text
    assert long_events > short_events > 20
    # read whole, the long one took 60 MB more (~75 MB a million characters); read in windows, 23 MB: what
    # grows is the events it reports (this fixture tells one in nearly every sentence)
    assert long_memory - short_memory < 40, (short_memory, long_memory)
    assert long_time < 8 * short_time, (short_time, long_time)
