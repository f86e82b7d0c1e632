from svodka.annotate.segment import segment
from svodka.model import Document


def test_headlines_are_their_own_sentences():
    text = "Протест в Минске\nВ центре города собрались люди. Полиция наблюдала.\nВот так это было"
    doc = segment(Document("t", text))
    sentences = [(text[s.start : s.end], s.paragraph, s.headline) for s in doc.sentences]
    assert sentences == [
        ("Протест в Минске", 0, True),
        ("В центре города собрались люди.", 1, False),
        ("Полиция наблюдала.", 1, False),
        ("Вот так это было", 2, True),
    ]


def test_a_long_line_without_a_full_stop_is_not_a_headline():
    line = "слово " * 60
    doc = segment(Document("t", line.strip()))
    assert not doc.sentences[0].headline


def test_blank_lines_do_not_count_as_paragraphs():
    doc = segment(Document("t", "Первый абзац.\n\n\nВторой абзац."))
    assert [s.paragraph for s in doc.sentences] == [0, 1]


def test_in_a_text_with_blank_lines_a_block_of_lines_is_one_paragraph():
    from svodka.annotate.segment import segment
    from svodka.model import Document

    doc = segment(Document("t", "Заголовок новости\n\nПервая строка. Вторая.\nТретья строка.\n\nНовый абзац."))
    assert [(doc.text[s.start : s.end], s.paragraph, s.headline) for s in doc.sentences] == [
        ("Заголовок новости", 0, True),
        ("Первая строка.", 1, False),
        ("Вторая.", 1, False),
        ("Третья строка.", 1, False),
        ("Новый абзац.", 2, False),
    ]


def test_without_blank_lines_each_line_is_a_paragraph():
    from svodka.annotate.segment import segment
    from svodka.model import Document

    doc = segment(Document("t", "Строка один.\nСтрока два."))
    assert [s.paragraph for s in doc.sentences] == [0, 1]


def test_each_bullet_of_a_digest_is_a_paragraph_of_its_own():
    text = "Сводка за сутки\n\n• Обстреляны два села. Ранен мужчина.\n🔸 Сбиты три беспилотника.\n2) Отражены атаки.\nИтог дня.\n\nКонец."
    doc = segment(Document("t", text))
    assert [(doc.text[s.start : s.end], s.paragraph) for s in doc.sentences] == [
        ("Сводка за сутки", 0),
        ("• Обстреляны два села.", 1),
        ("Ранен мужчина.", 1),
        ("🔸 Сбиты три беспилотника.", 2),
        ("2) Отражены атаки.", 3),
        ("Итог дня.", 3),
        ("Конец.", 4),
    ]
