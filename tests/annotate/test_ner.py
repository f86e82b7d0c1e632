"""svodka's run of slovnet's NER network tags every word as slovnet's own does."""
import json

from hypothesis import given, settings
from hypothesis import strategies as st

import svodka.annotate.ner
from svodka.annotate.analysis import entity_tagger
from svodka.annotate.tokens import token_spans
from tests.helpers import SHARED, needs_shared

SENTENCES = [
    "Глава МВД Киргизии Улан Ниязбеков встретился в Бишкеке с представителями оппозиции.",
    "Погода будет ясной.",
    "Акция",
    "По словам Ивана Петрова, сотрудники ОМОН задержали в Оше 12 человек, сообщает агентство «Интерфакс».",
    "Следственный комитет России возбудил дело; в Москве и Санкт-Петербурге прошли пикеты «Мемориала».",
]


def words_of(text: str) -> list[str]:
    return [text[a:b] for a, b in token_spans(text)]


def slovnet_tags(sentences: list[list[str]]) -> list[list[str]]:
    """slovnet's own batching, padding and convolution."""
    infer = entity_tagger().ner.infer
    return [list(tags) for tags in infer.decoder(infer.process(infer.encoder(sentences)))]


def test_sentences_laid_end_to_end_get_slovnets_tags():
    sentences = [words_of(s) for s in SENTENCES]
    tags = entity_tagger().network(sentences)
    assert tags == slovnet_tags(sentences)
    assert tags[0][:5] == ["O", "B-ORG", "B-LOC", "B-PER", "I-PER"]


def test_a_sentence_is_tagged_the_same_alone_and_beside_others():
    sentences = [words_of(s) for s in SENTENCES]
    network = entity_tagger().network
    assert [network([s])[0] for s in sentences] == network(sentences)


def test_sentences_split_over_blocks_keep_their_order_and_tags(monkeypatch):
    sentences = [words_of(s) for s in SENTENCES] * 3
    whole = entity_tagger().network(sentences)
    monkeypatch.setattr(svodka.annotate.ner, "ROWS_PER_BLOCK", 20)
    assert entity_tagger().network(sentences) == whole


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(words_of(" ".join(SENTENCES)) + ["Москва", "zzz", "5"]), min_size=1, max_size=30),
                min_size=1, max_size=6))
def test_any_sentences_get_slovnets_tags(sentences):
    assert entity_tagger().network(sentences) == slovnet_tags(sentences)


@needs_shared()
def test_every_sentence_of_the_corpus_gets_slovnets_tags():
    from razdel import sentenize

    with open(SHARED / "corpus" / "ru.jsonl", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    sentences = [words for text in texts for s in sentenize(text) if (words := words_of(s.text))]
    assert entity_tagger().network(sentences) == slovnet_tags(sentences)


def test_words_remembered_from_earlier_blocks_give_the_same_tags(monkeypatch):
    monkeypatch.setattr(svodka.annotate.ner, "KEPT_WORDS", 7)  # some words remembered, the rest computed again
    network = svodka.annotate.ner.SentenceNER(entity_tagger().ner.infer)
    sentences = [words_of(s) for s in SENTENCES]
    first = network(sentences)
    assert len(network.first_products.row_of) == 7
    assert network(sentences[::-1]) == first[::-1] == slovnet_tags(sentences)[::-1]


def test_viterbi_over_running_sentences_decodes_as_slovnets_crf():
    """The decoding that computes only the sentences still running gives slovnet's CRF's tags, ties
    (small integer scores) included, for batches of sentences of many lengths."""
    import numpy as np
    from slovnet.exec.model import CRF

    class Weight:
        def __init__(self, array):
            self.array = array

    rng = np.random.default_rng(7)
    for trial in range(200):
        tied = trial % 2 == 1
        draw = (lambda shape: rng.integers(-2, 3, shape)) if tied else (lambda shape: rng.normal(size=shape))
        transitions = draw((7, 7)).astype(np.float32)
        sizes = sorted(rng.integers(1, 25, int(rng.integers(1, 10))).tolist(), reverse=True)
        emissions = draw((len(sizes), sizes[0], 7)).astype(np.float32)
        mask = np.zeros(emissions.shape[:2], dtype=bool)
        for row, size in enumerate(sizes):
            mask[row, :size] = True
            emissions[row, size:] = 0
        crf = CRF.__new__(CRF)
        crf.transitions = Weight(transitions)
        expected = [tags.tolist() for tags in crf.decode(emissions, mask)]
        assert svodka.annotate.ner.viterbi(transitions, emissions, sizes) == expected
