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


def tokens_of(text):
    return lemmatised(text).sentences[0].tokens


def test_a_written_form_element_matches_the_form_not_the_lemma():
    patterns = PatternSet([Pattern.parse("=из =них", "of_them")])
    assert patterns.longest_at(tokens_of("Из них двое ранены."), 0) == 2
    lemma = PatternSet([Pattern.parse("из они", "of_them")])
    assert lemma.longest_at(tokens_of("Из них двое ранены."), 0) == 2
    assert PatternSet([Pattern.parse("=из =они", "x")]).longest_at(tokens_of("Из них двое."), 0) is None


def test_a_long_written_prefix_takes_one_mistyped_letter():
    cue = Pattern.parse("=подтвержд*", "unconfirmed")
    assert PatternSet.first_in(cue, tokens_of("Подтварждений нет.")) == (0, 0)
    assert PatternSet.first_in(Pattern.parse("=подт*", "x"), tokens_of("Подрт нет.")) is None


def test_matching_over_tokens_counts_punctuation_and_tries_every_word_a_gap_allows():
    cue = Pattern.parse("=назвал* ~8 =ложью", "disputed")
    tokens = tokens_of("Его назвали лжецом, а слова назвали ложью.")
    first, last = PatternSet.first_in(cue, tokens)
    assert (tokens[first].text, tokens[last].text) == ("назвали", "ложью")
    assert PatternSet.first_in(Pattern.parse("=по =данным", "x"), tokens_of("По, данным полиции")) is None


def test_the_longest_match_at_a_position_and_the_match_ending_at_one():
    patterns = PatternSet([Pattern.parse("=в", "x"), Pattern.parse("=в =том =числе", "x")])
    tokens = tokens_of("Погибли пятеро, в том числе двое детей.")
    assert patterns.longest_at(tokens, 3) == 6
    assert patterns.ending_at(tokens, 6) == 3
    assert patterns.ending_at(tokens, 4) is None  # the longest match at "в" ends further on


def test_admitted_words_may_stand_before_the_second_element_up_to_a_limit():
    patterns = PatternSet([Pattern.parse("=по =данным", "according")])
    tokens = tokens_of("По официальным данным полиции, задержаны двое.")
    adjective = lambda t: t.pos in ("ADJF", "PRTF")
    assert patterns.longest_at(tokens, 0) is None
    assert patterns.longest_at(tokens, 0, skip=adjective) == 3
    assert patterns.longest_at(tokens, 0, limit=2, skip=adjective) is None
