"""The speaker a stretch of tokens names: a person, an unnamed source, an office holder, a body."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Mention, Token
from .attribution import Speaker
from .bodies import (
    antecedent_name,
    body_name,
    body_named_elsewhere,
    capitalised_by_position,
    country_adjectives,
    genitive_of,
    is_possessor,
    organisation_before,
    phrase_name,
    quoted_body_name,
    tail_end,
)
from .grammar import LOCATIVE_PREPOSITIONS, NAME_TAGS, agrees, can_be_locative, is_latin, is_modifier, is_noun
from .names import person_name, role_before
from .outlets import outlet_kinds
from .speech_words import lexicon

if TYPE_CHECKING:
    from .view import View


def speaker_in(view: View, first: int, last: int, genitive: bool, verb: Token | None) -> Speaker | None:
    """The person, unnamed source, organisation or body the tokens name."""
    for i in range(first, last):
        person = view.mention_at(i, "PER")
        if person and i not in view.outlet_at and i not in view.in_link and not is_possessor(view, person):
            person = owned_by_next(view, person, last)
            return Speaker(person_name(view, person), (person.start, person.end), person=True)
    for i in range(first, last):
        end = unnamed_at(view, i, last)
        if end:
            return Speaker(phrase_name(view, i, end), view.span(i, end), unnamed=True)
    i = first
    while i < last:
        t = view.tokens[i]
        named = quoted_body_name(view, i, last)
        if named:
            return named
        if lexicon().has("speech_noun", t) or lexicon().has("press_office", t) or speaks_for_body(view, i, last):
            genitive = True
        elif i not in view.outlet_at and is_head(view, i, first, genitive):
            end = tail_end(view, i + 1, last)
            if not (genitive or verb is None or agrees(t, verb, after_locative(view, i, first))):
                i = end  # "гибель двух человек подтвердил": an object with its modifiers
                continue
            start = i
            while start > first and is_modifier(view.tokens[start - 1]) and not lexicon().has("speech_noun", view.tokens[start - 1]):
                start -= 1  # "данные полиции": the speech noun read as an adjective is not the body's
            if start == i and end == i + 1 and lexicon().has("anaphoric_body", t):
                antecedent = organisation_before(view, t.start)
                if antecedent:
                    return Speaker(antecedent_name(view, antecedent), (t.start, t.end))
                # "в ведомстве заявили" with no body named before: no one the text names
                return Speaker(t.lemma, view.span(i, end), unnamed=True)
            holder = office_holder(view, i, end) or office_of_region(view, start, i, end)
            if holder:
                return holder
            if start < i and end == i + 1 and all(lexicon().has("deictic", view.tokens[k]) for k in range(start, i)):
                named = body_named_elsewhere(view, i)  # "местная облпрокуратура" after "Донецкая облпрокуратура"
                if named:
                    return Speaker(named, view.span(start, end))
                return Speaker(phrase_name(view, start, end).lower(), view.span(start, end), unnamed=True)
            name = body_name(view, start, i, end)
            city = city_of_body(view, start, i, end)
            if city:
                return Speaker(f"{name} {city}", view.span(start, end))
            bare = is_bare_common(view, start, i, end) and name.lower() == phrase_name(view, start, end).lower()
            if start > first and view.tokens[start - 1].text.lower() in LOCATIVE_PREPOSITIONS:
                start -= 1  # "в комендатуре": the evidence keeps the preposition
            if bare:  # "полиция", "официальные лица", "ректор": no one the text ties to one body
                return Speaker(name[:1].lower() + name[1:], view.span(start, end), unnamed=True)
            return Speaker(name, view.span(start, end))
        i += 1
    return None


def owned_by_next(view: View, person: Mention, last: int) -> Mention:
    """ "пресс-секретаря губернатора Ивана Смирнова Петра Козлова": a name in the genitive right
    before another one is the holder of the office the speaker's role depends on; the speaker is the second."""
    k = view.token_index_after(person.end, last)
    after = view.mention_at(k, "PER") if k < last else None
    if after is None or view.doc.text[person.end : after.start].strip():
        return person
    if "gent" in view.tokens[view.token_index(person.start)].tags and "gent" in view.tokens[k].tags:
        return after  # both names in the genitive (their first words: a surname's reading may differ)
    return person


def is_head(view: View, i: int, first: int, genitive: bool) -> bool:
    t = view.tokens[i]
    if i in view.in_link or not re.search(r"\w", t.text) or lexicon().has("not_speaker", t):
        return False
    if not is_noun(t) or t.tags & NAME_TAGS and not view.mention_at(i, "ORG"):
        return False
    if any(lexicon().has(kind, t) for kind in ("medium", "correspondent", "speech_noun", "press_office")):
        return False
    if speaks_for_body(view, i, len(view.tokens)):
        return False
    if t.lemma in outlet_kinds() or view.mention_at(i, "PER"):
        return False
    prev = view.tokens[i - 1].text.lower() if i > first else ""
    if i > first and (view.tokens[i - 1].pos == "NUMR" or prev.isdigit()):
        return False  # "двух человек": what is counted, not who speaks
    if view.mention_at(i, "ORG"):
        return prev in LOCATIVE_PREPOSITIONS or view.tokens[i - 1].pos != "PREP" if i > first else True
    if genitive or "nomn" in t.tags or "Fixd" in t.tags or "Abbr" in t.tags or is_latin(t.text):
        return True
    return after_locative(view, i, first)


def is_bare_common(view: View, start: int, head: int, end: int) -> bool:
    """A common noun with only plain adjectives before it and nothing after it: no name, no
    country, no place, no abbreviation ("полиция", "правоохранители", "официальные лица")."""
    if end != head + 1 or view.mention_at(head, "LOC"):
        return False
    if "anim" not in view.tokens[head].tags and not lexicon().has("bare_institution", view.tokens[head]):
        return False
    org = view.mention_at(head, "ORG")
    if org and (org.start < view.tokens[start].start or org.end > view.tokens[head].end):
        return False  # the word is part of a longer name NER found
    countries = country_adjectives()
    for k in range(start, end):
        t = view.tokens[k]
        written = t.text if k > view.sentence_range[view.sentence_of[k]][0] else t.text[:1].lower() + t.text[1:]
        if not written.islower() or t.tags & ({"Abbr", "Fixd"} | NAME_TAGS) or t.lemma in countries:
            return False
    return True


def office_at(view: View, i: int, end: int) -> tuple[str, int] | None:
    """The kind of office ("region_head") the tokens from i name, and the token after its words."""
    found = lexicon().offices.longest_match_at(view.tokens, i, end)
    return (found[0].label, found[1]) if found else None


def office_holder(view: View, head: int, end: int) -> Speaker | None:
    """ "глава региона" after "губернатор Белгородской области Вячеслав Гладков": the person
    named before with an office of that kind, when the words name the office alone or as he held it."""
    office = office_at(view, head, end)
    if office is None or "anim" not in view.tokens[head].tags:
        return None
    kind, office_end = office
    said = [t.lemma for t in view.tokens[head:end]]
    char = view.tokens[head].start
    for m in view.mentions_backwards(char, inclusive=True):
        if m.kind != "PER" or m.end > char:
            continue
        k = view.token_index(m.start)
        role = role_before(view, k) if k is not None else None
        j = view.by_start.get(role.start) if role is not None else None
        held = office_at(view, j, k) if j is not None else None
        if held is None or held[0] != kind:
            continue
        if office_end == end or [t.lemma for t in view.tokens[j:k]] == said:
            return Speaker(person_name(view, m), view.span(head, end), person=True)
        return None
    return None


def office_of_region(view: View, start: int, head: int, end: int) -> Speaker | None:
    """ "сообщил губернатор" with no one named to the office: the governor of the region the
    sentence names ("над Брянской областью"), else of the one named last before it."""
    t = view.tokens[head]
    if start != head or end != head + 1 or "anim" not in t.tags:
        return None
    office = office_at(view, head, end)
    if office is None or office[0] != "region_head" or office[1] != end:
        return None
    sentence = view.sentence_of[head]
    first, last = view.sentence_range[sentence]
    sentence_end = view.tokens[last - 1].end
    regions = [m for m in view.mentions_backwards(sentence_end, inclusive=False) if m.kind == "LOC" and is_region(view, m)]
    sentence_start = view.tokens[first].start
    after = [m for m in regions if m.start >= t.end]
    before = [m for m in regions if m.end <= t.start]
    in_sentence = [m for m in before if m.start >= sentence_start] or after[-1:]
    region = (in_sentence or before or [None])[0]
    if region is None or not region.normal:
        return None
    word = t.lemma if capitalised_by_position(view, head) or t.text.islower() else t.text
    return Speaker(f"{word} {genitive_of(region.normal)}", view.span(head, end))


def city_of_body(view: View, start: int, head: int, end: int) -> str | None:
    """ "городское управление полиции" in a sentence on Бостон: the body of that city, its name in the
    genitive ("Бостона"), when the phrase names no place of its own."""
    if not any(lexicon().has("city_adjective", view.tokens[k]) for k in range(start, head)):
        return None
    if any(view.mention_at(k, "LOC") for k in range(start, end)):
        return None
    sentence = view.sentence_of[head]
    first = view.sentence_range[sentence][0]
    char = view.tokens[start].start
    places = [
        m for m in view.mentions_backwards(view.tokens[view.sentence_range[sentence][1] - 1].end, inclusive=False)
        if m.kind == "LOC" and m.start >= view.tokens[first].start and not is_region(view, m) and m.normal
    ]
    before = [m for m in places if m.end <= char]
    place = (before or places or [None])[0]
    return genitive_of(place.normal) if place is not None else None


def is_region(view: View, m: Mention) -> bool:
    """A place the text names as a region: "Брянская область", "Краснодарский край", or a city that
    is a region of its own ("Севастополь": its governor)."""
    if m.normal and m.normal.lower() in lexicon().words.get("region_city", ()):
        return True
    last = view.token_index_after(m.end, len(view.tokens)) - 1
    return 0 <= last < len(view.tokens) and view.tokens[last].end <= m.end and lexicon().has("region_word", view.tokens[last])


def speaks_for_body(view: View, i: int, last: int) -> bool:
    """ "представитель армии": the spokesperson stands for the body named after it."""
    tokens = view.tokens
    if not lexicon().has("spokesperson", tokens[i]) or i + 1 >= last or view.mention_at(i + 1, "PER"):
        return False
    return (is_noun(tokens[i + 1]) or is_modifier(tokens[i + 1])) and "gent" in tokens[i + 1].tags


def after_locative(view: View, i: int, first: int) -> bool:
    t = view.tokens[i]
    prev = view.tokens[i - 1].text.lower() if i > first else ""
    return prev in LOCATIVE_PREPOSITIONS and can_be_locative(t)


def unnamed_at(view: View, i: int, last: int) -> int | None:
    """The end of an unnamed-source phrase starting at i, with its "в органах" tail."""
    tokens = view.tokens
    end = lexicon().unnamed_phrases.longest_at(tokens, i, last)
    if end is not None:
        while end < last and (
            tokens[end].text.lower() in LOCATIVE_PREPOSITIONS | {"из", "при", "среди"}
            or (is_noun(tokens[end]) or is_modifier(tokens[end])) and not tokens[end].tags & {"nomn"}
            and end > i
        ):
            end += 1
        while is_modifier(tokens[end - 1]) or tokens[end - 1].pos == "PREP":
            end -= 1
        return end
    return None
