"""Lemmas, and batched NER that finds what natasha finds one text at a time."""
import pytest

from svodka.annotate.analysis import (
    entity_tagger,
    nominative,
    sentence_tokens,
    tag_entities,
    tag_entities_of,
    tokenize_document,
    tokens_of,
)
from svodka.annotate.segment import segment
from svodka.model import Document

PARAGRAPHS = [
    "Глава МВД Киргизии Улан Ниязбеков встретился в Бишкеке с представителями оппозиции.",
    "В пятницу Ниязбеков заявил, что полиция не будет разгонять митинг.",
    "Погода в выходные будет ясной.",
    "По словам Ивана Петрова, акция в Оше прошла спокойно, сообщает агентство «Интерфакс».",
]


def natasha_alone(text: str, offset: int) -> list[tuple]:
    """The spans natasha's own Doc pipeline finds in one text."""
    from natasha import Doc, Segmenter

    nat = Doc(text)
    nat.segment(Segmenter())
    nat.tag_ner(entity_tagger().ner)
    return [(offset + span.start, offset + span.stop, span.type, span.text) for span in nat.spans]


def test_tokens_carry_offsets_lemmas_and_grammemes():
    tokens = tokens_of("Задержаны 12 человек.", 100)
    assert [(t.text, t.start, t.end) for t in tokens][:2] == [("Задержаны", 100, 109), ("12", 110, 112)]
    assert tokens[0].lemma == "задержать" and "plur" in tokens[0].tags
    assert tokens[2].lemma == "человек"


def test_an_abbreviation_is_not_a_word_in_capitals():
    (token,) = tokens_of("ОМОН")
    assert token.lemma == "омон" and "Abbr" in token.tags


def test_tagging_svodkas_tokens_in_one_batch_finds_what_natasha_finds_in_each_text_alone():
    pieces = [(" " * (1000 * i) + text, tokens_of(text, 1000 * i)) for i, text in enumerate(PARAGRAPHS)]
    batched = entity_tagger().tag(pieces)
    alone = [natasha_alone(text, 1000 * i) for i, text in enumerate(PARAGRAPHS)]
    assert [[(m.start, m.end, m.kind, m.text) for m in ms] for ms in batched] == alone
    assert any(alone)


@pytest.mark.parametrize(
    "phrase, name, kind, normal",
    [
        ("по словам Ивана Петрова", "Ивана Петрова", "PER", "Иван Петров"),
        ("встретился с Марком Хенри", "Марком Хенри", "PER", "Марк Хенри"),
        ("заявила Анна Смирнова", "Анна Смирнова", "PER", "Анна Смирнова"),
        ("встреча с Сергеем Аксёновым", "Сергеем Аксёновым", "PER", "Сергей Аксёнов"),
        ("указ Нурсултана Назарбаева", "Нурсултана Назарбаева", "PER", "Нурсултан Назарбаев"),
        ("заявил Касым-Жомарт Токаев", "Касым-Жомарт Токаев", "PER", "Касым-Жомарт Токаев"),
        ("в пресс-службе Следственного комитета России", "Следственного комитета России", "ORG", "Следственный комитет России"),
        ("решение Совета Безопасности ООН", "Совета Безопасности ООН", "ORG", "Совет Безопасности ООН"),
        ("в Соединённых Штатах", "Соединённых Штатах", "LOC", "Соединённые Штаты"),
        ("в Нью-Йорке", "Нью-Йорке", "LOC", "Нью-Йорк"),
        ("сообщили в МВД", "МВД", "ORG", "МВД"),
    ],
)
def test_a_name_is_put_in_the_nominative(phrase, name, kind, normal):
    start = phrase.index(name)
    tokens = [t for t in tokens_of(phrase) if start <= t.start and t.end <= start + len(name)]
    assert phrase[tokens[0].start : tokens[-1].end] == name
    assert nominative(phrase, tokens, kind) == normal


@pytest.fixture
def doc():
    return tokenize_document(segment(Document("d", "\n".join(PARAGRAPHS))))


def test_sentence_tokens_are_the_chosen_sentences_tokens(doc):
    pieces = sentence_tokens(doc, {1, 3})
    assert [doc.text[p[0].start : p[-1].end] for p in pieces] == [PARAGRAPHS[1], PARAGRAPHS[3]]
    assert len(sentence_tokens(doc, None)) == len(PARAGRAPHS)


def test_mentions_slice_to_their_text_and_come_only_from_the_chosen_sentences(doc):
    tag_entities(doc, {1})
    assert doc.mentions and all(doc.text[m.start : m.end] == m.text for m in doc.mentions)
    (piece,) = sentence_tokens(doc, {1})
    first, last = piece[0].start, piece[-1].end
    assert all(first <= m.start and m.end <= last for m in doc.mentions)


def test_several_documents_tagged_in_one_batch_get_their_own_mentions(doc):
    other = tokenize_document(segment(Document("o", PARAGRAPHS[3])))
    nameless = tokenize_document(segment(Document("n", PARAGRAPHS[2])))
    tag_entities_of([(doc, None), (other, None), (nameless, None)])
    alone = tokenize_document(segment(Document("d", doc.text)))
    tag_entities(alone)
    assert doc.mentions == alone.mentions
    assert [m.text for m in other.mentions] == [m.text for m in doc.mentions if m.start >= doc.text.index(PARAGRAPHS[3])]
    assert nameless.mentions == []
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


def test_a_unit_word_after_a_number_is_read_as_the_unit():
    from svodka.annotate.analysis import tokens_of

    lemmas = [(t.text, t.lemma) for t in tokens_of("До метро 5 мин пешком, установка мин запрещена.")]
    assert ("мин", "минута") in lemmas and ("мин", "мина") in lemmas
