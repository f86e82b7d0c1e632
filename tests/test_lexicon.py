from svodka import lexicon
from svodka.lexicon import Pattern, PatternSet, longest_non_overlapping
from tests.helpers import lemmatised


def matches(patterns, text):
    doc = lemmatised(text)
    tokens = doc.sentences[0].tokens
    found = longest_non_overlapping(PatternSet(patterns).find(tokens))
    return [(m.pattern.label, text[tokens[m.first].start : tokens[m.last].end]) for m in found]


def test_lemmas_match_any_inflection():
    assert matches([Pattern.parse("митинг", "protest")], "На митингах задержали людей.") == [("protest", "митингах")]


def test_gaps_allow_words_between_elements():
    patterns = [Pattern.parse("обратиться ~3 помощь", "appeal")]
    assert matches(patterns, "Он обратился за срочной помощью.") == [("appeal", "обратился за срочной помощью")]
    assert matches(patterns, "Он обратился к соседям, друзьям и знакомым за помощью.") == []


def test_punctuation_is_invisible_to_patterns():
    patterns = [Pattern.parse("начало ~1 спецоперация", "op")]
    assert matches(patterns, 'О начале "спецоперации" объявили.') == [("op", 'начале "спецоперации')]


def test_prefix_elements_and_alternatives():
    patterns = [Pattern.parse("мародер*", "loot"), Pattern.parse("водомет|газ", "force")]
    assert matches(patterns, "Мародеры разбили витрины, полиция применила водометы.") == [
        ("loot", "Мародеры"),
        ("force", "водометы"),
    ]


def test_the_more_specific_of_overlapping_matches_wins():
    patterns = [Pattern.parse("взрывной устройство", "ied"), Pattern.parse("обнаружить ~4 взрывной устройство", "found")]
    assert matches(patterns, "Саперы обнаружили взрывное устройство.") == [("found", "обнаружили взрывное устройство")]




def test_rows_by_column_name_are_stripped_and_padded(monkeypatch):
    class Text:
        def joinpath(self, *parts):
            return self

        def read_text(self, encoding):
            return "# a comment\n\nудар\t attack \t0.5\nбой\tclash\n"

    monkeypatch.setattr(lexicon.resources, "files", lambda package: Text())
    assert lexicon.data_rows("x.tsv") == [["удар", " attack ", "0.5"], ["бой", "clash"]]
    assert lexicon.data_rows("x.tsv", strip=True)[0] == ["удар", "attack", "0.5"]
    assert lexicon.data_rows("x.tsv", columns=("pattern", "label", "weight")) == [
        {"pattern": "удар", "label": "attack", "weight": "0.5"},
        {"pattern": "бой", "label": "clash", "weight": ""},
    ]


def test_fold_yo_writes_yo_as_ye():
    assert lexicon.fold_yo("ещё самолёт") == "еще самолет"
