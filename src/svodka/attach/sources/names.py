"""Person names and words put into the nominative: "шерифа Эда Гонзалеса" is Эд Гонзалес;
a lone surname is the full name seen earlier."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ...annotate.analysis import analyse, morph_analyzer
from ...lexicon import data_rows
from ...model import Mention, Token
from ...resources import shared_resources
from .grammar import NAME_TAGS, capitalised

if TYPE_CHECKING:
    from .view import View

NAME_CASES = ("gent", "datv", "ablt")  # the oblique cases a name may keep in NER's normal form
ROLE_MAX_DISTANCE = 6  # "руководителя сети региональных штабов Алексея Навального Леонида Волкова"


def to_nominative(token: Token, gender: str | None = None, number: str | None = None) -> str:
    """The word put into the nominative, keeping its number and capitalisation; an adjective in
    the singular takes the gender of its noun (`gender`): "Следственного комитета" is Следственный.
    A noun whose adjectives are plural (`number`) is read in the plural when it can be: "силы" after
    "Воздушные" is no genitive singular."""
    case = next((c for c in ("gent", "datv", "accs", "ablt", "loct") if c in token.tags), None)
    parses = morph_analyzer().parse(token.text.lower()) if case or number else []
    if number and token.pos == "NOUN":
        agreeing = [p for p in parses if p.tag.number == number and p.tag.POS == token.pos]
        if agreeing and not any(p.tag.case == case for p in agreeing):
            if any(p.tag.case == "nomn" for p in agreeing):
                return token.text
            form = agreeing[0].inflect({"nomn", number})
            if form:
                return form.word[:1].upper() + form.word[1:] if capitalised(token.text) else form.word
    if case is None:
        return token.text
    if gender and token.pos in ("ADJF", "PRTF"):
        parses = sorted(parses, key=lambda p: p.tag.gender != gender)  # the noun's gender first
    for parse in parses:
        if parse.tag.case == case and parse.tag.POS == token.pos:
            wanted = {"nomn"} | ({parse.tag.number} if parse.tag.number else set())
            if gender and token.pos in ("ADJF", "PRTF") and parse.tag.number == "sing":
                wanted.add(gender)
            form = parse.inflect(wanted)
            if form:
                word = form.word
                return word[:1].upper() + word[1:] if capitalised(token.text) else word
    return token.text


def name_endings() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    return shared_resources().name_endings


def load_name_endings() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    table: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for case, gender, oblique, nominative in data_rows("attach/name_endings.tsv", strip=True):
        table.setdefault((case, gender), []).append((oblique, "" if nominative == "-" else nominative))
    return {key: tuple(sorted(rows, key=lambda r: -len(r[0]))) for key, rows in table.items()}


def name_parses(word: str, case: str):
    return [
        p for p in morph_analyzer().parse(word.lower())
        if p.tag.case == case and p.tag.number != "plur" and p.tag.POS == "NOUN"
    ]


def name_gender(word: str, case: str) -> str | None:
    """The gender of a first name in the case, when the morphology knows it as a name."""
    for p in name_parses(word, case):
        if "Name" in p.tag.grammemes and p.tag.gender in ("masc", "femn"):
            return p.tag.gender
    return None


@lru_cache(maxsize=10_000)
def name_in_nominative(word: str, case: str, gender: str | None) -> str:
    """A capitalised name word in the case put into the nominative: a parse of the word in that
    case (of the gender, if one has it), else the ending table; else the word as it is."""
    parses = name_parses(word, case)
    parses.sort(key=lambda p: (p.tag.gender != gender, not ({"Name", "Surn", "Patr"} & p.tag.grammemes)))
    for p in parses:
        form = p.inflect({"nomn"})
        if form:
            return form.word[:1].upper() + form.word[1:]
    for oblique, nominative in name_endings().get((case, gender or "masc"), ()):
        if word.endswith(oblique) and len(word) > len(oblique) + 1:
            return word[: len(word) - len(oblique)] + nominative
    return word


def in_apposition(word: str, case: str) -> bool:
    """ "градоначальника Татьяна Грузинская": the name's last word has no reading in the role
    noun's case but has one in the nominative, so the name stands beside the role, not in its case."""
    cases = {p.tag.case for p in morph_analyzer().parse(word.lower())}
    return case not in cases and "nomn" in cases


def person_name(view: View, person: Mention) -> str:
    """A lone surname ("Азирбек добавила") is the full name seen earlier."""
    normal = nominative_person(view, person)
    if " " in normal:
        return normal
    for m in view.mentions_backwards(person.start, inclusive=False):
        if m.kind == "PER" and m.start < person.start and " " in m.normal:
            if m.normal.split()[-1] == normal or analyse(m.normal.split()[-1])[0] == analyse(normal)[0]:
                return nominative_person(view, m)
    return normal


def nominative_person(view: View, person: Mention) -> str:
    """The name in the nominative where NER kept the oblique case of the text: "шерифа
    округа Эда Гонзалеса" is Эд Гонзалес. The case is the role noun's before the name
    (its gender too, for a name the morphology does not know), else the case all the
    name's words share."""
    i = view.token_index(person.start)
    if i is None:
        return person.normal
    words = [t for t in view.tokens_from(i, person.end) if t.text[:1].isupper() and re.search("[А-ЯЁ]", t.text[:1])]
    role = role_before(view, i)
    case = gender = None
    if words and (role is not None and "nomn" in role.tags or role is None and all("nomn" in t.tags for t in words)) \
            and " ".join(person.text.split()) != person.normal and person.text.split()[0] == words[0].text:
        return " ".join(person.text.split())  # in the nominative already: "депутат Карим Хан" as written
    if role is not None:
        case = next((c for c in NAME_CASES if c in role.tags), None)
        gender = next((g for g in ("masc", "femn") if g in role.tags), None)
    elif words:
        shared = set(NAME_CASES).intersection(*(t.tags for t in words))
        case = next(iter(shared), None)
        gender = next((g for g in ("masc", "femn") if g in words[0].tags), None)
    if case is None or not words or (role is not None and in_apposition(words[-1].text, case)):
        return person.normal
    gender = name_gender(words[0].text, case) or gender
    surface = {t.text: name_in_nominative(t.text, case, gender) for t in words}
    return " ".join(surface.get(word, word) for word in person.normal.split(" "))


def role_before(view: View, i: int) -> Token | None:
    """The role noun a name stands beside: "шерифа" in "шерифа округа Харрис Эда Гонзалеса",
    past the nouns and adjectives that complete it."""
    tokens = view.tokens
    first = view.sentence_range[view.sentence_of[i]][0]
    for k in range(i - 1, max(first, i - ROLE_MAX_DISTANCE) - 1, -1):
        t = tokens[k]
        lower = t.text.islower() or k == first and t.text[1:].islower()  # "Губернатор области Иван Петров"
        if t.pos == "NOUN" and "anim" in t.tags and lower and not t.tags & NAME_TAGS:
            head = tokens[k - 1] if k > first else None
            if "gent" in t.tags and head is not None and head.pos == "NOUN" and "anim" in head.tags \
                    and head.text[1:].islower() and "gent" not in head.tags and not head.tags & NAME_TAGS:
                return head  # "заместитель губернатора Абдул Рахими": the deputy's name, in the deputy's case
            return t
        if not (t.pos in ("NOUN", "ADJF") or t.pos is None and capitalised(t.text)):
            return None
    return None
