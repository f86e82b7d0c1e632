"""svodka's tokenisation is razdel's, token for token."""
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import tokenize

from svodka.annotate.tokens import token_spans

ALPHABET = "аяёЖZqx19 \n\t.,!?…-–—_/\\:;()=*«»\"'%№@ΔσЖ"


def razdel_spans(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.stop) for t in tokenize(text)]


def test_joins_razdel_makes():
    text = "Кто-то сказал: «1,5 млн или 3/4?!» — yahoo! ... snake_case -- ΔP"
    words = [text[a:b] for a, b in token_spans(text)]
    assert words == ["Кто-то", "сказал", ":", "«", "1,5", "млн", "или", "3/4", "?!", "»", "—",
                     "yahoo!", "...", "snake_case", "--", "ΔP"]
    assert token_spans(text) == razdel_spans(text)


def test_a_dash_after_a_space_joins_the_word_it_touches():
    text = "что -то и 5 -7"
    assert token_spans(text) == razdel_spans(text)
    assert [text[a:b] for a, b in token_spans(text)] == ["что", "-то", "и", "5", "-7"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_any_text_is_tokenised_as_razdel_tokenises_it(text):
    assert token_spans(text) == razdel_spans(text)


def test_an_emoji_glued_to_a_word_is_a_token_of_its_own():
    text = "🔻В Пакистане ❗️Задержан активист👉 «Москва🔥»"
    words = [text[a:b] for a, b in token_spans(text)]
    assert words == ["🔻", "В", "Пакистане", "❗️", "Задержан", "активист", "👉", "«", "Москва", "🔥", "»"]


def test_symbols_that_are_not_emoji_stay_as_razdel_joins_them():
    text = "№5 при -5°C и 3→4"
    assert token_spans(text)[:2] == razdel_spans(text)[:2]
    assert [text[a:b] for a, b in token_spans(text)][-3:] == ["3", "→", "4"]
