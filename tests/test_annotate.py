"""Lemmas, and batched NER that finds what natasha finds one text at a time."""
import pytest

from svodka.annotate import entity_tagger, length_batches, paragraph_spans, tag_entities, tag_entities_of, tokens_of
from svodka.model import Document
from svodka.segment import segment

PARAGRAPHS = [
    "Глава МВД Киргизии Улан Ниязбеков встретился в Бишкеке с представителями оппозиции.",
    "В пятницу Ниязбеков заявил, что полиция не будет разгонять митинг.",
    "Погода в выходные будет ясной.",
    "По словам Ивана Петрова, акция в Оше прошла спокойно, сообщает агентство «Интерфакс».",
]


def natasha_alone(text: str, offset: int) -> list[tuple]:
    """What natasha's own Doc pipeline gives for one text, as svodka reports it."""
    from natasha import Doc

    tagger = entity_tagger()
    nat = Doc(text)
    nat.segment(tagger.segmenter)
    nat.tag_morph(tagger.morph)
    nat.tag_ner(tagger.ner)
    found = []
    for span in nat.spans:
        span.normalize(tagger.morph_vocab)
        found.append((offset + span.start, offset + span.stop, span.type, span.text, span.normal))
    return found


def test_tokens_carry_offsets_lemmas_and_grammemes():
    tokens = tokens_of("Задержаны 12 человек.", 100)
    assert [(t.text, t.start, t.end) for t in tokens][:2] == [("Задержаны", 100, 109), ("12", 110, 112)]
    assert tokens[0].lemma == "задержать" and "plur" in tokens[0].tags
    assert tokens[2].lemma == "человек"


def test_an_abbreviation_is_not_a_word_in_capitals():
    (token,) = tokens_of("ОМОН")
    assert token.lemma == "омон" and "Abbr" in token.tags


def test_batched_tagging_equals_natasha_on_each_text_alone():
    pieces = [(text, 1000 * i) for i, text in enumerate(PARAGRAPHS)]
    batched = entity_tagger().tag(pieces)
    alone = [natasha_alone(text, offset) for text, offset in pieces]
    assert [[(m.start, m.end, m.kind, m.text, m.normal) for m in ms] for ms in batched] == alone
    assert any(alone)


def test_names_are_put_in_the_nominative():
    (mentions,) = entity_tagger().tag([(PARAGRAPHS[3], 0)])
    people = {m.text: m.normal for m in mentions if m.kind == "PER"}
    assert people == {"Ивана Петрова": "Иван Петров"}
    assert ("LOC", "Оше") in {(m.kind, m.text) for m in mentions}


@pytest.fixture
def doc():
    return segment(Document("d", "\n".join(PARAGRAPHS)))


def test_paragraph_spans_cover_the_chosen_paragraphs(doc):
    spans = paragraph_spans(doc, {1, 3})
    assert [doc.text[s:e] for s, e in spans] == [PARAGRAPHS[1], PARAGRAPHS[3]]
    assert len(paragraph_spans(doc, None)) == len(PARAGRAPHS)


def test_mentions_slice_to_their_text_and_come_only_from_the_chosen_paragraphs(doc):
    tag_entities(doc, {1})
    assert doc.mentions and all(doc.text[m.start : m.end] == m.text for m in doc.mentions)
    first, last = paragraph_spans(doc, {1})[0]
    assert all(first <= m.start and m.end <= last for m in doc.mentions)


def test_several_documents_tagged_in_one_batch_get_their_own_mentions(doc):
    other = segment(Document("o", PARAGRAPHS[3]))
    nameless = segment(Document("n", PARAGRAPHS[2]))
    tag_entities_of([(doc, None), (other, None), (nameless, None)])
    alone = segment(Document("d", doc.text))
    tag_entities(alone)
    assert doc.mentions == alone.mentions
    assert [m.text for m in other.mentions] == [m.text for m in doc.mentions if m.start >= doc.text.index(PARAGRAPHS[3])]
    assert nameless.mentions == []
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


def test_length_batches_group_similar_lengths_within_the_budget():
    items = ["a" * n for n in (50, 5, 400, 10, 20)]
    assert list(length_batches(items, 60)) == [[1, 3, 4], [0], [2]]


def test_a_unit_word_after_a_number_is_read_as_the_unit():
    from svodka.annotate import tokens_of

    lemmas = [(t.text, t.lemma) for t in tokens_of("До метро 5 мин пешком, установка мин запрещена.")]
    assert ("мин", "минута") in lemmas and ("мин", "мина") in lemmas
