"""Bodies in a source phrase: a noun with its genitive tail put into the nominative ("в полиции города"),
the same body named earlier, the organisation a bare "ведомство" stands for."""
from __future__ import annotations

from bisect import bisect_left

from typing import TYPE_CHECKING

from natasha.shape import recover_shape

from ...annotate.analysis import morph_analyzer, with_yo_of
from ...lexicon import data_rows, fold_yo
from ...model import Mention
from ...resources import shared_resources
from .attribution import Speaker
from .grammar import NAME_TAGS, capitalised, is_modifier, is_noun
from .names import to_nominative
from .outlets import OUTLET_NAME_MAX_CHARS
from .speech_words import lexicon

if TYPE_CHECKING:
    from .view import View

ANTECEDENT_MAX_CHARS = 600  # how far back a bare "группировка" looks for the organisation it stands for


def country_adjectives() -> dict[str, str]:
    return shared_resources().country_adjectives


def load_country_adjectives() -> dict[str, str]:
    """The lemma of a country's adjective ("тайский") -> the country's name (data/countries.tsv)."""
    found = {}
    for row in data_rows("attach/countries.tsv", strip=True):
        for adjective in row[3].split(",") if len(row) > 3 else ():
            if adjective.strip():
                found[fold_yo(adjective.strip())] = row[1].strip()
    return found


def genitive_of(name: str) -> str:
    """A place name in the genitive, word by word: Таиланд is Таиланда, Южная Корея Южной Кореи."""
    words = []
    for word in name.split():
        parse = next((p for p in morph_analyzer().parse(word.lower()) if p.tag.case == "nomn"), None)
        form = parse.inflect({"gent"}) if parse else None
        words.append(recover_shape(with_yo_of(word, form.word), word) if form else word)
    return " ".join(words)


def organisation_before(view: View, char: int) -> Mention | None:
    """The last organisation NER found shortly before `char`, not an outlet reporting it, nor one
    named inside a quote of someone's words when `char` stands outside it ("«удар по штабу
    подразделения «Кракен»…», — добавили в ведомстве": the ministry, not the unit it struck)."""
    from .quotes import inside_quote

    here = view.token_index(char)
    quoted_here = here is not None and inside_quote(view, here)
    for m in view.mentions_backwards(char, inclusive=True):
        if m.end > char or m.kind != "ORG":
            continue
        if char - m.end > ANTECEDENT_MAX_CHARS:
            return None
        k = view.token_index(m.start)
        if k is not None and not quoted_here and inside_quote(view, k):
            continue
        generic = {phrase[-1] for phrase in lexicon().unnamed}  # "СМИ" of "ряд СМИ", "источник"
        if k not in view.outlet_at and not (k is not None and view.tokens[k].lemma in generic and m.end == view.tokens[k].end):
            return m  # not an outlet reporting it, nor the media at large
    return None


def antecedent_name(view: View, m: Mention) -> str:
    """The organisation by its name with the genitive tail NER left out: "Минобороны Японии"."""
    k = view.token_index(m.start)
    if k is None:
        return m.normal
    last = view.sentence_range[view.sentence_of[k]][1]
    end = view.token_index_after(m.end, last)
    tail = tail_end(view, end, last) if end < last else end
    return m.normal + view.doc.text[view.tokens[end - 1].end : view.tokens[tail - 1].end] if tail > end else m.normal


def quoted_body_name(view: View, i: int, last: int) -> Speaker | None:
    """ 'правозащитный центр "Кылым шамы"': the body goes by the name in quotes."""
    if not lexicon().has("named_body", view.tokens[i]) or i + 2 >= last:
        return None
    quote = view.quote_opening.get(view.tokens[i + 1].start)
    if not quote or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS or not capitalised(view.tokens[i + 2].text):
        return None
    start = i
    while start > 0 and is_modifier(view.tokens[start - 1]):
        start -= 1
    return Speaker(view.doc.text[quote[0] + 1 : quote[1] - 1], (view.tokens[start].start, quote[1]))


def is_possessor(view: View, person: Mention) -> bool:
    """ "штаб Навального": a person in the genitive after an inanimate noun names a body, not the speaker."""
    i = view.token_index(person.start)
    if not i:
        return False
    owner = view.tokens[i - 1]
    if not (owner.pos == "NOUN" and "inan" in owner.tags and (owner.text.islower() or capitalised_by_position(view, i - 1))):
        return False
    names = view.tokens_from(i, person.end)
    if len(names) == 1 and "nomn" in owner.tags and "nomn" in names[0].tags and not lexicon().has("speech_noun", owner):
        return True  # "Полиция Шарлотта сообщила": one name right after a body in the nominative is its place
    if not any("gent" in t.tags for t in names) or any("nomn" in t.tags for t in names):
        return False  # "полиции города Салтанат Азирбек", "провинции Абдулла Хсрат": a name in apposition
    from .names import role_before

    role = role_before(view, i)
    if role is not None and "gent" in role.tags:
        return False  # "по словам губернатора Брянской области Александра Богомаза": the office holder, named
    return not any(lexicon().has(kind, owner) for kind in ("speech_noun", "medium", "press_office", "correspondent"))


def tail_end(view: View, i: int, last: int) -> int:
    """The genitive modifiers and names after a head: "полиции города", "Казахстана"."""
    kept = i  # the tail is never cut back before this
    while i < last and i not in view.outlet_at:
        person = view.mention_at(i, "PER")
        if person:
            if not is_possessor(view, person):
                break
            i = kept = view.token_index_after(person.end, last)
            continue
        t = view.tokens[i]
        quoted = quoted_genitive_end(view, i, last)
        if quoted:  # "боевики «Хезболлы»", "активисты «Мемориала»": a name in quotes in the genitive
            i = kept = quoted
            continue
        genitive_word = (is_noun(t) or is_modifier(t)) and ("gent" in t.tags or "Fixd" in t.tags or genitive_modifier(view, i, last))
        if not (genitive_word or (capitalised(t.text) and (t.pos is None or t.pos == "NOUN" or "Abbr" in t.tags))):
            break
        i += 1
    while i > kept and is_modifier(view.tokens[i - 1]):  # an adjective needs its noun
        i -= 1
    return i


def quoted_genitive_end(view: View, i: int, last: int) -> int | None:
    """The token after a short name in quotes opening at i whose last word is in the genitive."""
    quote = view.quote_opening.get(view.tokens[i].start)
    if not quote or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS or i + 1 >= last or not capitalised(view.tokens[i + 1].text):
        return None
    end = view.token_index_after(quote[1], last)
    if end > last or end - 1 <= i + 1:
        return None
    inner = view.tokens[end - 2]  # the last word before the closing quote
    genitive = "gent" in inner.tags or any(p.tag.case == "gent" for p in morph_analyzer().parse(inner.text.lower()))
    return end if genitive or view.mention_at(i + 1, "ORG") else None  # NER's organisation: "«Хезболлы»"


def genitive_modifier(view: View, i: int, last: int) -> bool:
    """An adjective and its noun the tagger read in another case that can both be genitive:
    "Брянской области" (read as locative)."""
    tokens = view.tokens
    if is_modifier(tokens[i]) and i + 1 < last and is_noun(tokens[i + 1]):
        pair = (i, i + 1)
    elif is_noun(tokens[i]) and i > 0 and is_modifier(tokens[i - 1]):
        pair = (i - 1, i)
    else:
        return False
    return all(
        "gent" in tokens[k].tags or any(p.tag.case == "gent" for p in morph_analyzer().parse(tokens[k].text.lower()))
        for k in pair
    )


def body_name(view: View, start: int, head: int, end: int) -> str:
    tokens = view.tokens
    if end == head + 1 and start == head:
        earlier = earlier_named_body(view, head)
        if earlier:
            return earlier
    name = phrase_name(view, start, end)
    if "inan" in tokens[head].tags or "anim" not in tokens[head].tags:
        name = name[:1].upper() + name[1:]
    return name


def body_named_elsewhere(view: View, head: int) -> str | None:
    """The body a deictic phrase ("местная прокуратура") stands for: the same noun with a
    capitalised adjective before it anywhere in the text ("Донецкая прокуратура"), in the nominative."""
    tokens = view.tokens
    lemma = tokens[head].lemma
    for k in range(1, len(tokens)):
        if k != head and tokens[k].lemma == lemma and is_modifier(tokens[k - 1]) and capitalised(tokens[k - 1].text) \
                and not lexicon().has("deictic", tokens[k - 1]):
            return body_name(view, k - 1, k, k + 1)
    return None


def earlier_named_body(view: View, head: int) -> str | None:
    """ "в комендатуре" after "Комендатура Алматы": the body by its full name."""
    tokens = view.tokens
    lemma = tokens[head].lemma
    same = view.tokens_by_lemma[lemma]
    memo = view.named_body_at  # (lemma, n) → the last token of the lemma at or before same[n] naming a body, or None
    walked, n, found = [], bisect_left(same, head) - 1, None
    while n >= 0:
        if (lemma, n) in memo:
            found = memo[lemma, n]
            break
        walked.append(n)
        k = same[n]
        end = tail_end(view, k + 1, view.sentence_range[view.sentence_of[k]][1])
        if end > k + 1 and capitalised(tokens[k + 1].text):
            found = (k, end)
            break
        n -= 1
    for n in walked:
        memo[lemma, n] = found
    return body_name(view, found[0], found[0], found[1]) if found else None


def phrase_name(view: View, start: int, end: int) -> str:
    """The phrase with its head (and the modifiers before it) in the nominative; a country's
    adjective before a body becomes the country's name after it: "тайская полиция" is the
    полиция Таиланда, as the body names itself."""
    tokens = view.tokens
    head = next((k for k in range(start, end) if is_noun(tokens[k])), start)
    body = "inan" in tokens[head].tags or "Abbr" in tokens[head].tags  # "российское МВД" too
    countries = country_adjectives() if body else {}  # a body, not "израильские военные"
    if any(
        capitalised(tokens[k].text) and tokens[k].text[1:].islower() and "Abbr" not in tokens[k].tags
        and not capitalised_by_position(view, k) and k < head
        for k in range(start, head + 1)
    ):
        countries = {}  # a proper name keeps its words: "Украинская правда", "Российский Красный Крест"
    of_country = [countries[tokens[k].lemma] for k in range(start, head) if tokens[k].lemma in countries]
    gender = next((g for g in ("masc", "femn", "neut") if g in tokens[head].tags), None)
    plural = "plur" if any(
        tokens[k].pos in ("ADJF", "PRTF") and "plur" in tokens[k].tags for k in range(start, head)
    ) else None
    words = [
        to_nominative(tokens[k], gender, plural if k == head else None)
        for k in range(start, head + 1) if tokens[k].lemma not in countries or k == head
    ]
    if capitalised_by_position(view, start) and tokens[start].lemma not in countries:
        words[0] = words[0][:1].lower() + words[0][1:]
    rest = view.doc.text[tokens[head].end : tokens[end - 1].end] if end > head + 1 else ""
    return " ".join(words) + "".join(f" {genitive_of(name)}" for name in of_country[:1]) + rest


def capitalised_by_position(view: View, i: int) -> bool:
    """ "Ряд СМИ" at the start of a sentence is "ряд СМИ" anywhere else."""
    t = view.tokens[i]
    first = view.sentence_range[view.sentence_of[i]][0]
    return i == first and t.text[1:].islower() and not t.tags & (NAME_TAGS | {"Abbr"})
