"""Outlets: the table of agencies, channels and papers (data/attach/outlets.tsv) and finding them in a
document, in quotes, after a genre noun or after a speech verb."""
from __future__ import annotations

import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

from ...annotate.analysis import morph_analyzer, tokens_of
from ...lexicon import data_rows
from ...model import Token
from ...resources import shared_resources
from .grammar import NAME_TAGS, capitalised, is_latin, is_modifier
from .speech_words import lexicon

if TYPE_CHECKING:
    from .view import View

OUTLET_NAME_MAX_CHARS = 60
OUTLET_DESKS = {"служба", "редакция"}  # part of an outlet, not a speaker of its own, before the outlet's name
QUOTED_NAME_MAX_TOKENS = 5  # the opening quote and up to four words


@dataclass(frozen=True)
class OutletForm:
    name: str
    kind: str
    texts: tuple[str, ...]
    lemmas: tuple[str, ...]
    needs_context: bool  # an ordinary word ("Медуза", "Звезда"): only in quotes or after a genre noun
    written: str = ""  # the name the chain gives when the text spells this form (see written_name)


def written_name(name: str, spelling: str, spellings: list[str]) -> str:
    """A Latin name spelled in Cyrillic ("Би-би-си" for BBC), or a Cyrillic one in Latin ("Anadolu" for
    Анадолу), keeps the text's spelling, as a body keeps the name the text gives it: the row's first Cyrillic spelling of that stem, so that an
    inflected form listed ("Аль-Джазире") gives the nominative one; other forms take the table's name."""
    if spelling != name and not re.search("[а-яё]", spelling.lower()) and re.search("[а-яё]", name.lower()):
        return spelling  # "Anadolu" for Анадолу: the text's Latin spelling, as it wrote it
    if spelling == name or not re.search("[а-яё]", spelling.lower()) or re.search("[а-яё]", name.lower()):
        return name
    stem = spelling.lower()[:6]
    return next(s for s in spellings if s.lower()[:6] == stem)


def is_ordinary_word(word: str) -> bool:
    morph = morph_analyzer()
    if not re.search("[а-яё]", word.lower()) or not morph.word_is_known(word.lower()):
        return False
    return not (NAME_TAGS | {"Orgn", "Abbr"}) & set(morph.parse(word.lower())[0].tag.grammemes)


def outlet_forms() -> dict[str, list[OutletForm]]:
    return shared_resources().outlet_forms


def load_outlet_forms() -> dict[str, list[OutletForm]]:
    """Outlet forms indexed by the lemma of their first token, longest first."""
    index: dict[str, list[OutletForm]] = {}
    for row in data_rows("attach/outlets.tsv", strip=True):
        name, kind = row[0], row[1]
        spellings = [name] + [f.strip() for f in (row[2] if len(row) > 2 else "").split("|") if f.strip()]
        for spelling in spellings:
            toks = tokens_of(spelling)
            form = OutletForm(
                name, kind, tuple(t.text for t in toks), tuple(t.lemma for t in toks),
                len(toks) == 1 and (is_ordinary_word(spelling) or spelling.isdigit()),
                written_name(name, spelling, spellings),
            )
            index.setdefault(form.lemmas[0], []).append(form)
    for forms in index.values():
        forms.sort(key=lambda f: -len(f.texts))
    return index


def outlet_names() -> frozenset[str]:
    return shared_resources().outlet_names


def load_outlet_names() -> frozenset[str]:
    return frozenset(outlet_table_names())


def outlet_table_names() -> dict[str, str]:
    return shared_resources().outlet_table_names


def load_outlet_table_names() -> dict[str, str]:
    """Every name a chain may give an outlet (the table's and the text's spellings) -> the table's name."""
    names = {form.name: form.name for forms in outlet_forms().values() for form in forms}
    names.update({form.written: form.name for forms in outlet_forms().values() for form in forms if form.written})
    return names


def outlet_kinds() -> frozenset[str]:
    return shared_resources().outlet_kinds


def load_outlet_kinds() -> frozenset[str]:
    return frozenset(row[1] for row in data_rows("attach/outlets.tsv", strip=True)) | {
        "издание", "сми", "газета", "журнал", "портал", "телекомпания", "радиостанция", "агентство"
    }


@dataclass
class OutletSpan:
    first: int  # token indices, half-open, quotes and genre noun included
    last: int
    name: str
    kind: str


def find_outlets(view: View) -> list[OutletSpan]:
    found: list[OutletSpan] = []
    forms, kinds, opening = outlet_forms(), outlet_kinds(), view.quote_opening
    i = 0
    while i < len(view.tokens):
        token = view.tokens[i]
        if token.lemma not in forms and token.lemma not in kinds and token.start not in opening and not is_latin(token.text):
            i += 1  # no table outlet, genre noun, opening quote or Latin name here: none of the finders can match
            continue
        hit = table_outlet_at(view, i) or quoted_outlet_at(view, i) or quoted_name_after_verb(view, i) or latin_name_closing(view, i)
        if hit:
            found.append(hit)
            i = hit.last
        else:
            i += 1
    return found


def table_outlet_at(view: View, i: int) -> OutletSpan | None:
    for form in outlet_forms().get(view.tokens[i].lemma, []):
        last = i + len(form.texts)
        if last > len(view.tokens) or not all(
            token_matches(view.tokens[i + k], form.texts[k], form.lemmas[k]) for k in range(len(form.texts))
        ):
            continue
        genre = i > 0 and view.tokens[i - 1].lemma in outlet_kinds()
        quoted = view.in_quotes(i, last)
        own = form.name == view.doc.source and not (i > 0 and view.tokens[i - 1].pos in ("NOUN", "PREP"))
        if form.needs_context and not (quoted or genre or own or cued(view, i)):
            continue  # "Звезда", "112" alone are outlets only in quotes, after "телеканал", "по данным", a speech verb or in their own post
        return widen(view, OutletSpan(i, last, form.written or form.name, form.kind))
    return None


def cued(view: View, i: int) -> bool:
    """Whether a source's cue stands right before token i: "по данным 112", "сообщает 112"."""
    if i == 0:
        return False
    before = view.tokens[i - 1]
    lex = lexicon()
    if before.pos == "VERB" and (lex.has("verb", before) or lex.has("relay", before)):
        return True
    return lex.according.ending_at(view.tokens, i) is not None


def quoted_outlet_at(view: View, i: int) -> OutletSpan | None:
    """An outlet the table does not know: 'телеканал "Звезда"'."""
    t = view.tokens[i]
    if t.lemma not in outlet_kinds() or i + 2 >= len(view.tokens):
        return None
    quote = view.quote_opening.get(view.tokens[i + 1].start)
    name_start = view.tokens[i + 2].text
    if not quote or not (capitalised(name_start) or name_start[:1].isdigit()) or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS:
        return None  # 'телеканал "Звезда"', 'издание «7×7»'
    first, last = i + 2, view.token_index(quote[1] - 1)
    if last is None:
        return None
    return widen(view, OutletSpan(first, last, view.doc.text[quote[0] + 1 : quote[1] - 1], t.lemma))


def quoted_name_after_verb(view: View, i: int) -> OutletSpan | None:
    """ 'сообщает "24.kg"': a short quoted name right after a speech or relay verb is an outlet."""
    if i == 0 or i + 1 >= len(view.tokens):
        return None
    verb = view.tokens[i - 1]
    lex = lexicon()
    if verb.pos != "VERB" or not (lex.has("verb", verb) or lex.has("relay", verb)):
        return None
    quote = view.quote_opening.get(view.tokens[i].start)
    if not quote or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS or table_outlet_at(view, i + 1):
        return None
    if not (capitalised(view.tokens[i + 1].text) or view.tokens[i + 1].text[:1].isdigit()):
        return None
    last = view.token_index(quote[1] - 1)
    if last is None or last - i > QUOTED_NAME_MAX_TOKENS or any(t.pos == "VERB" for t in view.tokens[i:last]):
        return None  # 'сказал "Мы не уйдем"' is speech, not a name
    return OutletSpan(i, last + 1, view.doc.text[quote[0] + 1 : quote[1] - 1], "издание")


LATIN_NAME_MAX_TOKENS = 3
CLOSING = {".", ",", ";", "(", "!", "…"}


def latin_name_closing(view: View, i: int) -> OutletSpan | None:
    """ '…, передает NewsGeorgia.': a name in Latin letters closing the sentence right after a speech or
    relay verb that follows a comma is the outlet that relays what came before (an unknown one; the
    table has the others)."""
    tokens = view.tokens
    if i < 2 or not (is_latin(tokens[i].text) and capitalised(tokens[i].text)) or tokens[i - 2].text != ",":
        return None
    verb = tokens[i - 1]
    lex = lexicon()
    if verb.pos != "VERB" or not (lex.has("verb", verb) or lex.has("relay", verb)):
        return None
    last = i + 1
    while last < len(tokens) and last - i < LATIN_NAME_MAX_TOKENS and is_latin(tokens[last].text) and tokens[last].start == tokens[last - 1].end + 1:
        last += 1
    if last < len(tokens) and tokens[last].text not in CLOSING:
        return None
    name = view.doc.text[tokens[i].start : tokens[last - 1].end]
    return OutletSpan(i, last, name, "издание")


def widen(view: View, outlet: OutletSpan) -> OutletSpan:
    """Take in the quotes or brackets around the name and a genre noun before it."""
    first, last = outlet.first, outlet.last
    if view.in_quotes(first, last) or (
        first > 0 and last < len(view.tokens)
        and view.tokens[first - 1].text == "(" and view.tokens[last].text == ")"
    ):
        first, last = first - 1, last + 1
    if first > 0 and view.tokens[first - 1].lemma in outlet_kinds():
        first -= 1
    elif first > 0 and view.tokens[first - 1].lemma in OUTLET_DESKS:
        first -= 1  # "грузинской службы «Радио Свобода»": the outlet's desk is the outlet
        while first > 0 and is_modifier(view.tokens[first - 1]):
            first -= 1
    return OutletSpan(first, last, outlet.name, outlet.kind)


def token_matches(token: Token, text: str, lemma: str) -> bool:
    if token.text == text:
        return True
    if is_latin(text):
        return False
    return capitalised(token.text) and capitalised(text) and token.lemma == lemma


def correspondent_outlet(view: View, i: int, last: int) -> str | None:
    """ "корреспондент агентства": the last outlet of that genre named before, else the last
    outlet, else the document's own source."""
    genre = view.tokens[i + 1].lemma if i + 1 < last else None
    if genre and (genre == "сми" or genre.startswith("информагентств") or genre in outlet_kinds() and "plur" in view.tokens[i + 1].tags):
        return None  # "корреспонденты информагентств", "журналисты СМИ": several outlets, none named
    before = [o for o in view.outlets if o.last <= i]
    match = [o for o in before if o.kind == genre] or before
    return match[-1].name if match else view.doc.source


def outlet_spelled_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The outlet whose spelling the tokens from i give, letter case aside, and the token after it."""
    for forms in outlet_forms().values():
        for form in forms:
            end = i + len(form.texts)
            if end <= len(tokens) and all(tokens[i + k].text.lower() == w.lower() for k, w in enumerate(form.texts)):
                return form.name, end
    return None
