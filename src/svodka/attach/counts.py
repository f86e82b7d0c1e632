"""Counts of people in a sentence, each tied to the slot it fills.

A count is a number phrase read as an interval ("не менее 16 человек" is
16..open, "десятки" 20..99, "двое погибших" 2..2). Each one is paired with
the slot word ("погибли", "задержаны", "собрались") nearest to it in its own
clause; a count that names its slot itself ("двое погибших") needs no other
word. A death, injury or arrest verb with a person subject and no number is
a count by itself ("погиб полицейский" 1..1, "погибли люди" 2..open), and so
is one describing people ("раненые полицейские" 2..open). A negated one is zero
("никто не пострадал", "без жертв и пострадавших"), and so is one whose report the
sentence then refutes ("сообщения о смерти мэра опровергнуты").

The words live in data/numerals.tsv, data/quantifiers.tsv and
data/count_slots.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..annotate.analysis import readings
from ..lexicon import Pattern, PatternSet, data_rows, fold_yo
from ..model import Count, CountMention, CountSlot, Document, Token
from ..resources import shared_resources

MAX_COST = 12  # pair a number with a slot word at most this far away (tokens plus separator penalties)
OWN_WORD = 0.5  # the count names its slot itself ("двое погибших"); only a verb right beside it is nearer
TOTAL_LINK = -1  # "число погибших достигло 16"
CROWD_OWN_WORD = 5  # "двое участников" yields to a nearby "задержаны"
RELATIVE_CLAUSE_COST = 6  # a slot word in a relative clause after the count yields to one outside it
CROWD_NOUN_REACH = 3  # a crowd noun ("участники") pairs only with a number right beside it
CONTEXT_REACH = 6  # a slot word's context may stand this many tokens away ("на акцию в городе вышли")
SEPARATOR_COST = {",": 2, "—": 1, "–": 1, "-": 1, "и": 2, "а": 2, "но": 2, "или": 2}
CLAUSE_END = {";"}
MORE_WORDS = {"еще"}  # "и ещё один": people on top of those counted before
SUBJECT_STOP = {",", ";", ":", "—", "–", "(", ")"}
QUOTES = set("«»\"„“”'")
DASHES = {"—", "–", "-"}
GROUP_SPACES = {" ", "\xa0", "\u202f", "\u2009"}
NOT_PEOPLE_AFTER = {"%", "$", "€", "₽"}
NOT_PEOPLE_BEFORE = {"№", "$", "€"}
CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
SUBJECT_PRONOUNS = {"он": "sing", "она": "sing", "они": "plur"}
DIGITS = re.compile(r"\d+")
DIGIT_RANGE = re.compile(r"(\d+)[–—-](\d+)")
DIGIT_ENDING = re.compile(r"(\d+)-(?:[а-яё]{1,3})")  # "20-ти", "2-х", "5-ти": a numeral's ending written after its digits
DECIMAL = re.compile(r"(\d+)[.,](\d+)")
YEARS = range(1800, 2101)
BOUND_KINDS = ("over", "at_least", "about", "up_to", "under", "beyond")


@dataclass(frozen=True)
class SlotWord:
    slot: CountSlot
    implicit: bool
    context: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    numbers: dict[str, float]
    multipliers: dict[str, int]
    vague: dict[str, tuple[int, int]]
    phrases: dict[str, list[tuple[str, ...]]]  # kind -> phrases, longest first
    slot_words: dict[str, list[SlotWord]]


@lru_cache(maxsize=50_000)
def norm(word: str) -> str:  # remembered: asked of each word many times
    return fold_yo(word.lower())




def load_lexicon() -> Lexicon:
    numbers, multipliers = {}, {}
    for word, value, kind in data_rows("attach/numerals.tsv"):
        if kind == "multiplier":
            multipliers[word] = int(value)
        else:
            numbers[word] = float(value)
    vague, phrases = {}, {}
    for kind, phrase, *interval in data_rows("attach/quantifiers.tsv"):
        if kind == "vague":
            vague[phrase] = (int(interval[0]), int(interval[1]))
        else:
            phrases.setdefault(kind, []).append(tuple(phrase.split()))
    for found in phrases.values():
        found.sort(key=len, reverse=True)
    slot_words: dict[str, list[SlotWord]] = {}
    for word, slot, implicit, *context in data_rows("attach/count_slots.tsv"):
        entry = SlotWord(CountSlot(slot), implicit == "yes", tuple(context[0].split()) if context else ())
        slot_words.setdefault(word, []).append(entry)
    for entries in slot_words.values():
        entries.sort(key=lambda e: len(e.context), reverse=True)
    return Lexicon(numbers, multipliers, vague, phrases, slot_words)


def is_word(token: Token, word: str) -> bool:
    return norm(token.text) == word or token.lemma == word


def form_or_lemma(phrase: tuple[str, ...]) -> str:
    """A phrase of quantifiers.tsv in lexicon.py's notation: each word its written form or its lemma."""
    return " ".join(f"={w}|{w}" for w in phrase)


@lru_cache(maxsize=None)
def phrases_opening(kind: str) -> PatternSet:
    """The phrases of a kind as patterns, indexed by their first word, as `phrase_at` tries them."""
    return PatternSet([Pattern.parse(form_or_lemma(phrase), kind) for phrase in lexicon().phrases.get(kind, [])])


def phrase_at(tokens: list[Token], i: int, kind: str) -> int | None:
    """End (exclusive) of the longest phrase of `kind` starting at token i."""
    return phrases_opening(kind).longest_at(tokens, i)


def phrase_before(tokens: list[Token], end: int, kind: str) -> int | None:
    """Start of the longest phrase of `kind` ending just before token `end`."""
    return phrases_opening(kind).ending_at(tokens, end)


@dataclass
class Anchor:
    index: int
    slot: CountSlot
    implicit: bool
    total: bool = False
    claimed: bool = False
    with_context: bool = False  # the word counts only beside its context words: "получить ... ранение"


@dataclass
class Phrase:
    first: int  # token indices, inclusive
    last: int
    min: int
    max: int | None
    head: int | None  # the word counted: "человек", "погибших"; None for a bare number
    of_them: bool = False  # a part of a group told before it: "15 из них"

    def covers(self, index: int) -> bool:
        return self.first <= index <= self.last


def find_anchors(tokens: list[Token]) -> list[Anchor]:
    slot_words = lexicon().slot_words
    anchors = []
    for i, token in enumerate(tokens):
        by_form, by_lemma = slot_words.get(norm(token.text)), slot_words.get(token.lemma)
        if not (by_form or by_lemma):
            continue  # most words are no slot word
        entries = (by_form or []) + (by_lemma or [])
        if phrase_before(tokens, i, "among") is not None:
            continue  # "среди погибших — двое детей": a part of the toll, not the toll
        window = tokens[max(0, i - CONTEXT_REACH) : i + CONTEXT_REACH + 1]
        if court_ruling(tokens, i):
            continue  # "суд арестовал на 10 суток координатора": a sentence, not the event's detentions
        for entry in entries:
            if all(any(is_word(t, w) for t in window) for w in entry.context):
                anchors.append(Anchor(i, entry.slot, entry.implicit, total=is_total(tokens, i), with_context=bool(entry.context)))
                break
    return anchors


COURT_REACH = 6  # "суд арестовал", "Ленинский районный суд Перми арестовал на 10 суток"


def court_ruling(tokens: list[Token], i: int) -> bool:
    """Whether the arrest word at token i is a court's ruling: a court its subject ("суд арестовал
    активиста") or a term of days after it ("арестовали на 10 суток")."""
    if tokens[i].lemma not in lexicon_words("court_arrest"):
        return False
    for k in range(i - 1, max(-1, i - COURT_REACH - 1), -1):
        if tokens[k].text in SUBJECT_STOP:
            break
        if tokens[k].pos == "NOUN" and tokens[k].lemma in lexicon_words("court") and "nomn" in tokens[k].tags:
            return True
    for k in range(i + 1, min(len(tokens) - 2, i + 4)):
        if is_word(tokens[k], "на") and starts_quantity(tokens[k + 1]):
            end = k + 1
            while end < len(tokens) and starts_quantity(tokens[end]):
                end += 1
            return end < len(tokens) and phrase_at(tokens, end, "court_term") is not None
    return False


@lru_cache(maxsize=None)
def lexicon_words(kind: str) -> frozenset[str]:
    """The one-word phrases of a kind of quantifiers.tsv."""
    return frozenset(w for (w,) in lexicon().phrases.get(kind, []))


def is_total(tokens: list[Token], i: int) -> bool:
    """"число погибших", "общее количество задержанных"."""
    k = i
    while k > 0 and tokens[k - 1].pos == "ADJF" and i - k < 2:
        k -= 1
    return phrase_before(tokens, i, "total") is not None or phrase_before(tokens, k, "total") is not None


def digit_value(tokens: list[Token], j: int, text: str) -> tuple[float, int] | None:
    """A number written in digits at token j, with its thousands groups ("1 455")."""
    token = tokens[j]
    glued_before = token.start > 0 and text[token.start - 1] in ":./×"
    after = text[token.end : token.end + 2]
    glued_after = len(after) == 2 and after[0] in ":./×" and after[1].isdigit()
    if glued_before or glued_after:
        return None  # a time, a date, an article number
    if DECIMAL.fullmatch(token.text):
        return float(token.text.replace(",", ".")), j + 1
    ending = DIGIT_ENDING.fullmatch(token.text.lower())
    if ending:
        return int(ending[1]), j + 1
    if not DIGITS.fullmatch(token.text):
        return None
    value, j = int(token.text), j + 1
    while (
        value < 1000
        and len(tokens[j - 1].text) <= 3
        and j < len(tokens)
        and len(tokens[j].text) == 3
        and DIGITS.fullmatch(tokens[j].text)
        and text[tokens[j - 1].end : tokens[j].start] in GROUP_SPACES
    ):
        value, j = value * 1000 + int(tokens[j].text), j + 1
    return value, j


def read_value(tokens: list[Token], i: int, text: str) -> tuple[int, int] | None:
    """A definite number at token i (digits, words, multipliers): its value and end."""
    lex = lexicon()
    written = digit_value(tokens, i, text)
    current, j = written if written else (0.0, i)
    total = 0.0
    while j < len(tokens):
        lemma = tokens[j].lemma
        if lemma in lex.multipliers:
            total, current = total + (current or 1) * lex.multipliers[lemma], 0.0
        elif lemma in lex.numbers and (not written or total):  # "двадцать пять", "тысяча двести"
            current += lex.numbers[lemma]
        else:
            break
        j += 1
    value = total + current
    if j == i or value != int(value) or value <= 0:
        return None  # "2,5" alone is no count of people
    return int(value), j


def read_quantity(tokens: list[Token], i: int, text: str, bounded: bool) -> tuple[int, int, int] | None:
    """The interval a quantity at token i stands for, and where it ends."""
    lex = lexicon()
    word = norm(tokens[i].text)
    if word in lex.vague and not (bounded and tokens[i].lemma in lex.multipliers):
        low, high = lex.vague[word]
        j = i + 1
        while j < len(tokens) and tokens[j].lemma in lex.multipliers:
            factor = lex.multipliers[tokens[j].lemma]
            low, high, j = low * factor, (high + 1) * factor - 1, j + 1
        return low, high, j
    spelled = spelled_range(tokens[i].text)
    if spelled:
        factor, j = multiplier_after(tokens, i + 1)
        return spelled[0] * factor, spelled[1] * factor, j
    written_range = DIGIT_RANGE.fullmatch(tokens[i].text)
    if written_range:
        factor, j = multiplier_after(tokens, i + 1)
        return int(written_range[1]) * factor, int(written_range[2]) * factor, j
    value = read_value(tokens, i, text)
    return (value[0], value[0], value[1]) if value else None


@lru_cache(maxsize=4096)
def spelled_range(word: str) -> tuple[int, int] | None:
    """Two number words joined by a hyphen ("три-четыре", "двух-трёх"): the interval they span."""
    parts = norm(word).split("-")
    if len(parts) != 2 or not all(parts):
        return None
    numbers = lexicon().numbers
    values = []
    for part in parts:
        lemmas = {parse.normal_form.replace("ё", "е") for parse, _ in readings(part)}
        value = next((numbers[lemma] for lemma in lemmas if lemma in numbers), None)
        if value is None or value != int(value):
            return None
        values.append(int(value))
    return (values[0], values[1]) if values[0] < values[1] else None


def multiplier_after(tokens: list[Token], j: int) -> tuple[int, int]:
    """The scale a word at token j puts on the number before it ("2–5 тысяч"), and where it ends."""
    multipliers = lexicon().multipliers
    if j < len(tokens) and tokens[j].lemma in multipliers:
        return multipliers[tokens[j].lemma], j + 1
    return 1, j


def ends_with_multiplier(tokens: list[Token], end: int) -> bool:
    return tokens[end - 1].lemma in lexicon().multipliers


def starts_quantity(token: Token) -> bool:
    return opens_quantity(token.text, token.lemma)


@lru_cache(maxsize=50_000)
def opens_quantity(text: str, lemma: str) -> bool:
    """`starts_quantity` of a word (a cache of a pure function of the word over the shared Resources' counts)."""
    lex = lexicon()
    return (
        text[0].isdigit()
        or lemma in lex.numbers
        or ("-" in text and spelled_range(text) is not None)
        or lemma in lex.multipliers
        or norm(text) in lex.vague
    )


def apply_bound(kind: str, low: int, high: int) -> tuple[int, int | None]:
    if kind in ("over", "beyond"):
        return high + 1, None
    if kind == "at_least":
        return low, None
    if kind == "up_to":
        return 1, high
    if kind == "under":
        return 1, low - 1
    return low, high


def is_person(token: Token) -> bool:
    if is_animal(token):
        return False
    return "anim" in token.tags or any(token.lemma == w for (w,) in lexicon().phrases.get("person", [])) or person_reading(token)


def animal_words() -> frozenset[str]:
    return shared_resources().animal_words


def load_animal_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for (w,) in lex.phrases.get("animal", []))


def is_animal(token: Token) -> bool:
    """An animal, which the dictionary calls animate but is no person ("семь собак погибли")."""
    return token.lemma in animal_words() or norm(token.text) in animal_words()


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Inmx", "Geox", "Orgn"})


def person_reading(token: Token, case: str | None = None, number: str | None = None) -> bool:
    """Whether a noun the dictionary reads first as a thing may also be a person ("стрелок", first
    read as "стрелка"): a reading as an animate common noun, in `case` and `number` when given.
    Not a name's reading ("шахед", "Дронов"), which makes people of drones and things."""
    if token.pos != "NOUN" or "anim" in token.tags:
        return False
    return any(
        parse.tag.POS == "NOUN" and parse.tag.animacy == "anim" and not parse.tag.grammemes & NAME_GRAMMEMES
        and (case is None or found == case) and (number is None or parse.tag.number == number)
        for parse, found in readings(token.text)
    )


def read_phrase(tokens: list[Token], i: int, text: str, anchor_at: set[int]) -> Phrase | None:
    """The count phrase whose quantity starts at token i, or None if it counts no people."""
    first = i
    while first > 0 and tokens[first - 1].text in QUOTES:
        first -= 1
    bound, bound_start = None, None
    for kind in BOUND_KINDS:
        start = phrase_before(tokens, first, kind)
        if start is not None and (bound_start is None or start < bound_start):
            bound, bound_start = kind, start
    if bound_start is not None:
        first = bound_start
        if bound == "up_to" and first > 0 and phrase_before(tokens, first, "link") is not None:
            bound = "about"  # "возросло до 30": the new figure, not a ceiling
    elif first > 0 and is_word(tokens[first - 1], "от"):
        first -= 1
    quantity = read_quantity(tokens, i, text, bounded=bound is not None)
    if quantity is None:
        return None
    low, high, j = quantity
    if j + 1 < len(tokens) and (tokens[j].text in DASHES or is_word(tokens[j], "до")) and starts_quantity(tokens[j + 1]):
        upper = read_quantity(tokens, j + 1, text, bounded=True)
        if upper and ends_with_multiplier(tokens, upper[2]) and not ends_with_multiplier(tokens, j):
            factor = lexicon().multipliers[tokens[upper[2] - 1].lemma]
            if low * factor <= upper[1]:
                low *= factor  # "от двух до пяти тысяч": thousands both
        if upper and upper[1] >= high:  # "200 – 250", "от 200 до 250"
            high, j = upper[1], upper[2]
    more = phrase_at(tokens, j, "over_after") if not bound and j < len(tokens) else None
    if more is not None:
        low, high, j = high + 1, None, more  # "20 с лишним человек"
    if bound:
        low, high = apply_bound(bound, low, high)
    last = j - 1
    while j < len(tokens) and tokens[j].text in QUOTES | {"."} and (tokens[j].text != "." or "Abbr" in tokens[j - 1].tags):
        last, j = j, j + 1
    k = j
    while k < len(tokens) and tokens[k].pos in ("ADJF", "PRTF") and k - j < 3:
        if phrase_at(tokens, k, "non_people"):
            return None  # "28 летний"
        k += 1
    if k < len(tokens) and phrase_at(tokens, k, "non_people"):
        return None  # "10 БПЛА"
    head = None
    if k < len(tokens) and tokens[k].pos == "NOUN":
        if not is_person(tokens[k]):
            return None  # "три автомобиля", "14 июля", "в 2011 году"
        head = k
    elif k > j:
        head = k - 1  # a substantivised adjective: "двое погибших", "сотни других"
    if head is not None:
        return Phrase(first, head, low, high, head)
    if bound == "beyond" or not bare_number_counts(tokens, first, i, j, low, high, anchor_at):
        return None
    of_them = phrase_at(tokens, j, "of_them") if j < len(tokens) else None
    return Phrase(first, of_them - 1 if of_them else last, low, high, None, of_them is not None)


def bare_number_counts(
    tokens: list[Token], first: int, i: int, end: int, low: int, high: int, anchor_at: set[int]
) -> bool:
    """Whether a number with no noun after it ("13 были ранены") may count people."""
    if DIGITS.fullmatch(tokens[i].text) and low == high and low in YEARS:
        return False
    if end == i + 1 and phrase_at(tokens, i, "things_bare") is not None:
        return False  # "три ракеты сбиты, две достигли цели": a feminine "две" alone stands for things
    if end < len(tokens) and (tokens[end].text in NOT_PEOPLE_AFTER or is_word(tokens[end], "из")):
        return phrase_at(tokens, end, "of_them") is not None  # "15 из них", not "30 %" or "один из задержанных"
    if end + 1 < len(tokens) and tokens[end].start == tokens[end - 1].end and tokens[end + 1].start == tokens[end].end:
        return False  # glued to what follows: "24.kg", "19.3", "9:22"
    if i > 0 and tokens[i].start == tokens[i - 1].end and tokens[i - 1].text[-1:].isalpha():
        return False  # glued to a word before it: "COP29", "Ан-24"
    if end < len(tokens) and low > 1 and is_singular_past_verb(tokens[end]):
        return False  # "112 выяснил": a name doing something, not a number of people
    if first > 0:
        before = tokens[first - 1]
        if before.text in NOT_PEOPLE_BEFORE or before.pos == "PREP":
            return False
        if before.pos == "VERB" and before.lemma in speech_verbs():
            return False  # "как сообщает 112, погибли двое": an outlet's name
        if before.pos == "NOUN" and first - 1 not in anchor_at:
            return False  # "статье 212", "части 2"
    return True


def speech_verbs() -> frozenset[str]:
    """The lemmas of the verbs that tell who says so (data/attach/speech_verbs.tsv, verb and relay)."""
    return shared_resources().count_speech_verbs


def load_speech_verbs(speech) -> frozenset[str]:
    return frozenset(speech.words.get("verb", frozenset()) | speech.words.get("relay", frozenset()))


def is_singular_past_verb(token: Token) -> bool:
    """A verb a singular name does: "112 выяснил", "112 публикует" (not "5 остаются")."""
    if token.pos != "VERB" or "sing" not in token.tags:
        return False
    return "past" in token.tags and "neut" not in token.tags or "pres" in token.tags and "3per" in token.tags


def find_phrases(tokens: list[Token], text: str, anchor_at: set[int], named: set[int] = frozenset()) -> list[Phrase]:
    """The count phrases of a sentence; `named` are tokens inside names ("Хабар 24", "Канал 5"), never counts."""
    phrases = []
    i = 0
    counted_things = False  # "семь собак погибли, десять остались без дома": a bare number after animals is of them too
    while i < len(tokens):
        phrase = read_phrase(tokens, i, text, anchor_at) if starts_quantity(tokens[i]) and i not in named else None
        if phrase and not (counted_things and phrase.head is None and not phrase.of_them):
            phrases.append(phrase)
            i = max(phrase.last, i) + 1
        else:
            if phrase is None and starts_quantity(tokens[i]) and i + 1 < len(tokens):
                after = tokens[i + 1]
                counted_things = counted_things or is_animal(after)
            i += 1
    return phrases


def drop_breakdowns(tokens: list[Token], phrases: list[Phrase], anchor_at: set[int]) -> tuple[list[Phrase], set[int]]:
    """Drop the parts of a count spelled out beside it: "10 человек — 9 школьников и учитель",
    "в том числе 5 детей", "среди погибших двое детей". Returns the counts kept and the tokens of the
    parts, which do not separate a count from its slot word."""
    dropped: set[int] = set()
    hidden: set[int] = set()
    for p in phrases:
        if p.first > 0 and (phrase_before(tokens, p.first, "subset") is not None or follows_among(tokens, p.first)):
            dropped.add(id(p))
        after = p.last + 1
        if after >= len(tokens) or tokens[after].text not in DASHES | {"("}:
            continue
        part = next((q for q in phrases if q.first == after + 1), None)
        if part is None or part.max is None or part.max > p.min:
            continue  # "8 человек погибли — 20 ранены" is a second count, not a part
        dropped.add(id(part))
        end = after + 1
        while end < len(tokens) and tokens[end].text not in DASHES | {")", ";"}:
            end += 1
        closed = end < len(tokens) and tokens[end].text != ";"
        free_anchors = [a for a in anchor_at if after < a < end and not part.covers(a)]
        hidden.update(range(after + 1, end) if closed and not free_anchors else range(part.first, part.last + 1))
    return [p for p in phrases if id(p) not in dropped], hidden


def follows_among(tokens: list[Token], first: int) -> bool:
    """"среди погибших — двое детей", "в числе раненых трое полицейских"."""
    k = first - 1 if tokens[first - 1].text in DASHES else first
    return k > 0 and is_slot_word(tokens[k - 1]) and phrase_before(tokens, k - 1, "among") is not None


def distance(tokens: list[Token], p: Phrase, index: int, hidden: set[int]) -> float:
    low, high = (p.last + 1, index) if index > p.last else (index + 1, p.first)
    cost = 0
    for k in range(low, high):
        if k in hidden:
            continue
        word = norm(tokens[k].text)
        if word in CLAUSE_END:
            return float("inf")
        cost += 1 + SEPARATOR_COST.get(word, 0)
    return cost


def follows_link(tokens: list[Token], p: Phrase) -> bool:
    """"число погибших достигло 16", "количество жертв — 19"."""
    k = p.first
    if k > 0 and is_word(tokens[k - 1], "в"):
        k -= 1  # "оценивается в 150"
    return k > 0 and (tokens[k - 1].text in DASHES or phrase_before(tokens, k, "link") is not None)


def relative_clause(tokens: list[Token], p: Phrase) -> tuple[int, int] | None:
    """The relative clause right after a count (", которые вышли на пикет,"): the token of its opening
    comma and of the comma that closes it (or the sentence's last token)."""
    k = p.last + 1
    if k + 1 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].lemma != "который":
        return None
    end = k + 2
    while end < len(tokens) - 1 and tokens[end].text not in (",", ";"):
        end += 1
    return k, end


def pair_cost(tokens: list[Token], p: Phrase, a: Anchor, hidden: set[int]) -> float:
    if p.covers(a.index):
        return CROWD_OWN_WORD if a.slot == CountSlot.CROWD else OWN_WORD
    if a.total and a.index < p.first and follows_link(tokens, p):
        return TOTAL_LINK
    clause = relative_clause(tokens, p)
    if clause is not None and a.index > clause[0]:
        if a.index < clause[1]:  # "троих студентов, которые вышли на пикет, задержали": it tells who they are
            return distance(tokens, p, a.index, hidden) + RELATIVE_CLAUSE_COST
        hidden = hidden | set(range(clause[0], clause[1] + 1))
    cost = distance(tokens, p, a.index, hidden)
    if a.slot == CountSlot.CROWD and tokens[a.index].pos == "NOUN" and cost > CROWD_NOUN_REACH:
        return float("inf")  # "участники" also heads plain lists of people
    if a.slot == CountSlot.CROWD and tokens[a.index].pos == "PRTF" and a.index > p.last and tokens[a.index - 1].text == ",":
        return float("inf")  # "четыре солдата, участвовавшие в разгоне, погибли": it tells who they are
    return cost


def pair(tokens: list[Token], phrases: list[Phrase], anchors: list[Anchor], hidden: set[int]) -> list[tuple[Phrase, Anchor]]:
    """Each count to its own slot word: the cheapest pairs first, one count per
    word; a count left over shares the nearest word ("задержаны 98 человек, в
    Петербурге — 38"), unless it is a group and a part of it ("пятерых, трое из
    которых скончались": the three, not the five; "13 ранены, шесть из них в
    больнице": the thirteen, not the six)."""
    candidates = sorted(
        (cost, pi, ai)
        for pi, p in enumerate(phrases)
        for ai, a in enumerate(anchors)
        if not a.claimed and (cost := pair_cost(tokens, p, a, hidden)) <= MAX_COST
    )
    by_phrase: dict[int, int] = {}
    used: set[int] = set()
    for _, pi, ai in candidates:
        if pi not in by_phrase and ai not in used:
            by_phrase[pi] = ai
            used.add(ai)
    groups = {pi for pi in range(len(phrases) - 1) if phrases[pi + 1].of_them}
    for _, pi, ai in candidates:
        if pi not in groups and not phrases[pi].of_them and not has_own_verb(tokens, phrases[pi]):
            by_phrase.setdefault(pi, ai)
    for ai in by_phrase.values():
        anchors[ai].claimed = True
    return [(phrases[pi], anchors[ai]) for pi, ai in sorted(by_phrase.items())]


def joined(tokens: list[Token], last: int, first: int) -> bool:
    """Whether two counts stand side by side joined by "и" ("трое боевиков и один полицейский", "двоих
    подозреваемых и ещё одного")."""
    if first == last + 3 and norm(tokens[last + 2].text) in MORE_WORDS:
        first -= 1
    return first == last + 2 and is_word(tokens[last + 1], "и")


def has_own_verb(tokens: list[Token], p: Phrase) -> bool:
    """Whether a count is the subject of a verb of its own that is no slot word ("более 1200 человек
    погибли и более 250 были захвачены в заложники"): it tells of something else, and shares no slot."""
    k = p.last + 1
    if k < len(tokens) and tokens[k].pos == "VERB" and tokens[k].lemma == "быть":
        k += 1
    return k < len(tokens) and tokens[k].pos in ("VERB", "PRTS") and not is_slot_word(tokens[k])


def zero_span(tokens: list[Token], a: Anchor) -> tuple[int, int] | None:
    """Token range of "никто не пострадал", "погибших нет", "без жертв"."""
    i = a.index
    if any(is_word(t, "не") for t in tokens[max(0, i - 2) : i]):
        for k in range(max(0, i - 4), min(len(tokens), i + 3)):
            subject_end = phrase_at(tokens, k, "zero_subject")
            if subject_end and not (k > 0 and starts_quantity(tokens[k - 1])):
                return min(k, i), max(subject_end - 1, i)  # "люди не пострадали", not "один человек не пострадал"
    if tokens[i].pos == "VERB":
        return None
    end = i + 1
    while end + 1 < len(tokens) and is_word(tokens[end], "и") and (is_slot_word(tokens[end + 1]) or is_genitive_noun(tokens[end + 1])):
        end += 2  # "погибших и пострадавших нет", "жертв и разрушений нет"
    after = phrase_at(tokens, end, "zero_after") if end < len(tokens) else None
    if after is not None:
        return i, after - 1
    k = first_conjunct(tokens, i)
    while k > 0 and i - k < 2 and tokens[k - 1].pos in ("ADJF", "PRTF"):
        k -= 1  # "без человеческих жертв"
    before = phrase_before(tokens, k, "zero_before")
    return (before, i) if before is not None else None


def is_genitive_noun(token: Token) -> bool:
    return token.pos == "NOUN" and "gent" in token.tags


def first_conjunct(tokens: list[Token], i: int) -> int:
    """Where a list of nouns ending at token i begins: "без происшествий и задержаний"."""
    k = i
    while k >= 2 and (tokens[k - 1].text == "," or is_word(tokens[k - 1], "и")) and tokens[k - 2].pos in ("NOUN", "ADJF", "PRTF"):
        k -= 2
    return k


def counts_itself(token: Token) -> bool:
    """A word of a toll slot, counted by its own slot ("задержанных арестовали"); a crowd word is
    not ("задержала участников акции": the participants are the detained)."""
    words = lexicon().slot_words
    entries = words.get(norm(token.text), []) + words.get(token.lemma, [])
    return any(e.slot != CountSlot.CROWD for e in entries)


def is_slot_word(token: Token) -> bool:
    words = lexicon().slot_words
    return norm(token.text) in words or token.lemma in words


def implicit_subject(
    tokens: list[Token], a: Anchor, taken: set[int], names: set[int], people: frozenset[int] = frozenset()
) -> tuple[int, str] | None:
    """The person a bare death/injury/arrest verb is about, and its grammatical number. `names` are
    the tokens of people NER found in the nominative, which the dictionary may misread ("Сарапулов")."""
    verb = tokens[a.index]
    if not a.implicit or not (verb.pos == "PRTS" or verb.pos == "VERB" and "past" in verb.tags):
        return None
    if any(is_word(t, "не") for t in tokens[max(0, a.index - 2) : a.index + 2]):
        return None  # "не были задержаны", "задержаны не были"
    if verb.pos == "VERB" and "tran" in verb.tags and not a.with_context:
        return direct_object(tokens, a.index, taken, people)  # "полицейские застрелили нападавшего": one dead, the attacker
    number = "plur" if "plur" in verb.tags else "sing"
    for step in (1, -1):
        k = a.index + step
        while 0 <= k < len(tokens) and abs(k - a.index) <= 4 and tokens[k].text not in SUBJECT_STOP:
            t = tokens[k]
            substantive = t.pos in ("ADJF", "PRTF") and not (k + 1 < len(tokens) and tokens[k + 1].pos in ("NOUN", "ADJF", "PRTF"))
            # a short participle's noun subject is a person even when the name is unknown to the dictionary
            unknown_name = verb.pos == "PRTS" and t.text[:1].isupper() and "Abbr" not in t.tags
            person = (t.pos == "NOUN" and ("anim" in t.tags or unknown_name) and not is_animal(t)) or substantive
            if k not in taken and "nomn" in t.tags and person and (
                number in t.tags or number == "plur" and coordinated(tokens, k, "nomn")[2] > 1
            ):
                return k, number
            if k not in taken and person_reading(t, "nomn", number):
                return k, number  # "стрелок ранен", which the dictionary reads first as "стрелка"
            if k not in taken and k in names and number == "sing" and (verb.pos == "PRTS" or "intr" in verb.tags):
                return k, number
            if t.pos == "NPRO" and SUBJECT_PRONOUNS.get(t.lemma) == number and "nomn" in t.tags:
                return k, number
            k += step
    return predicate_subject(tokens, a.index, taken, number)


PREDICATE_REACH = 8  # "Злоумышленник ранил из ружья двух полицейских и был задержан"


def predicate_subject(tokens: list[Token], verb: int, taken: set[int], number: str) -> tuple[int, str] | None:
    """The subject of a verb coordinated with the one before it ("Злоумышленник ранил двух полицейских
    и был задержан"): the person before the earlier verb of its clause, in the nominative, of the
    verb's number."""
    k = verb - 1
    if k >= 0 and tokens[k].lemma == "быть":
        k -= 1
    if k < 0 or not is_word(tokens[k], "и"):
        return None
    j = k - 1
    while j >= 0 and k - j <= PREDICATE_REACH and tokens[j].text not in SUBJECT_STOP:
        if tokens[j].pos == "VERB" and number in tokens[j].tags:
            break
        j -= 1
    else:
        return None
    if j < 0 or k - j > PREDICATE_REACH or tokens[j].text in SUBJECT_STOP:
        return None
    s = j - 1
    while s >= 0 and j - s <= 3 and tokens[s].text not in SUBJECT_STOP:
        t = tokens[s]
        substantive = t.pos in ("ADJF", "PRTF") and tokens[s + 1].pos not in ("NOUN", "ADJF", "PRTF")
        person = t.pos == "NOUN" and "anim" in t.tags and not is_animal(t) or substantive
        if s not in taken and (person and "nomn" in t.tags and number in t.tags or person_reading(t, "nomn", number)):
            return s, number
        s -= 1
    return None


LIST_SEPARATORS = {",", "и"}


def coordinated(tokens: list[Token], k: int, case: str, taken: set[int] = frozenset()) -> tuple[int, int, int]:
    """The list of single people that noun k stands in ("мужчина и женщина", "водителя, пассажира
    и охранника"): its first and last tokens and how many it names (1 for a noun alone). Every
    member is an animate noun in the singular and in `case`, with at most one adjective before it."""
    def member(j: int) -> bool:
        t = tokens[j]
        if t.pos != "NOUN" or j in taken or counts_itself(t) or is_animal(t):
            return False
        return any(
            parse.tag.POS == "NOUN" and parse.tag.animacy == "anim" and parse.tag.number == "sing" and found == case
            for parse, found in readings(t.text)
        )

    def after_member(j: int) -> int:
        """Past a genitive noun that tells whose ("сотрудник полиции"), if one follows."""
        return j + 1 if j < len(tokens) and tokens[j].pos == "NOUN" and "gent" in tokens[j].tags and "anim" not in tokens[j].tags else j

    if not case or not member(k):
        return k, k, 1
    first, n = k, 1
    j = after_member(k + 1)
    last = j - 1
    while j + 1 < len(tokens) and norm(tokens[j].text) in LIST_SEPARATORS:
        m = j + 1
        if m + 1 < len(tokens) and tokens[m].pos == "ADJF" and case in tokens[m].tags:
            m += 1
        if not member(m):
            break
        last, n = after_member(m + 1) - 1, n + 1
        j = last + 1
    j = k - 1
    if j >= 0 and tokens[j].pos == "ADJF" and case in tokens[j].tags:
        j -= 1
    while j - 1 >= 0 and norm(tokens[j].text) in LIST_SEPARATORS:
        m = j - 1
        if m > 0 and not member(m) and tokens[m].pos == "NOUN" and "gent" in tokens[m].tags:
            m -= 1  # "сотрудник полиции и прохожий"
        if not member(m):
            break
        first, n = m, n + 1
        j = m - 1
        if j >= 0 and tokens[j].pos == "ADJF" and case in tokens[j].tags:
            first, j = j, j - 1
    return (first, last, n) if n > 1 else (k, k, 1)


def single_person(token: Token) -> bool:
    """An animate noun in the singular that may be nominative or accusative ("мужчина", "женщину")."""
    if token.pos != "NOUN" or counts_itself(token) or is_animal(token):
        return False
    return any(
        parse.tag.POS == "NOUN" and parse.tag.animacy == "anim" and parse.tag.number == "sing" and case in ("nomn", "accs")
        for parse, case in readings(token.text)
    )


def one_listed_beside(tokens: list[Token], p: Phrase, anchor_at: set[int]) -> tuple[int, int, int]:
    """A single person listed with a counted group ("погибли мужчина и двое детей", "ранены пятеро
    пассажиров и водитель автобуса"): the phrase's span widened over them and how many they add."""
    first, last, more = p.first, p.last, 0
    before = p.first - 2
    if before >= 0 and is_word(tokens[p.first - 1], "и") and before not in anchor_at and single_person(tokens[before]):
        if before == 0 or tokens[before - 1].text in SUBJECT_STOP or tokens[before - 1].pos in ("VERB", "PRTS", "PREP") or before - 1 in anchor_at:
            first, more = before, more + 1
    after = p.last + 2
    if after < len(tokens) and is_word(tokens[p.last + 1], "и") and after not in anchor_at and single_person(tokens[after]):
        end = after + 1
        if end < len(tokens) and tokens[end].pos == "NOUN" and "gent" in tokens[end].tags and "anim" not in tokens[end].tags:
            end += 1  # "водитель автобуса"
        if end == len(tokens) or tokens[end].text in SUBJECT_STOP | {"."} or end in anchor_at:
            last, more = end - 1, more + 1
    return first, last, more


def direct_object(tokens: list[Token], verb: int, taken: set[int], people: frozenset[int] = frozenset()) -> tuple[int, str] | None:
    """The person an active verb of killing, wounding or detaining acts on, and its number:
    an animate noun after it, or an adjective or participle standing for one, that can be accusative;
    not one already counted by its own slot word ("задержанных арестовали на 10 суток")."""
    k = verb + 1
    while k < len(tokens) and k - verb <= 4 and tokens[k].text not in SUBJECT_STOP:
        if k not in taken and k in people:
            return k, "sing"  # "задержала Беназир Бхутто": a person NER names is one, whatever the dictionary reads
        if k not in taken and (number := accusative_person(tokens, k)):
            return k, number
        if tokens[k].pos == "NOUN" and "accs" in tokens[k].tags and not governed(tokens[verb + 1 : k + 1], k - verb - 1):
            return None  # "расстреляли машину полицейского": the verb acts on a thing, and the person is its owner
        k += 1
    if verb > 0 and tokens[verb - 1].pos == "NPRO" and verb - 1 not in taken and "accs" in tokens[verb - 1].tags:
        number = SUBJECT_PRONOUNS.get(tokens[verb - 1].lemma)
        if number:
            return verb - 1, number  # "его задержали у трапа"
    k = verb - 1  # the object told first: "нападавшего задержали", "мужчину задержали"
    while k >= 0 and verb - k <= 2 and tokens[k].text not in SUBJECT_STOP:
        t = tokens[k]
        if k not in taken and (number := accusative_person(tokens, k)):
            if not any(case == "nomn" for _, case in readings(t.text)):
                return k, number  # never a word that may be the subject ("полицейские задержали")
        if t.pos in ("NOUN", "NPRO"):
            break
        k -= 1
    return None


def accusative_person(tokens: list[Token], k: int) -> str | None:
    """The grammatical number of token k read as an accusative person, or None."""
    t = tokens[k]
    if t.pos not in ("NOUN", "ADJF", "PRTF") or counts_itself(t) or is_animal(t):
        return None
    lowercase = t.text[:1].islower()
    for parse, case in readings(t.text):
        if lowercase and parse.tag.grammemes & NAME_GRAMMEMES:
            continue  # "расстреляли машину": not the surname Машина, which would be capitalised
        substantive = parse.tag.POS in ("ADJF", "PRTF") and not (
            k + 1 < len(tokens) and tokens[k + 1].pos in ("NOUN", "ADJF", "PRTF")
        )
        person = parse.tag.POS == "NOUN" and parse.tag.animacy == "anim" or substantive
        if case == "accs" and person and parse.tag.number:
            return parse.tag.number
    return None


def attributive_count(tokens: list[Token], a: Anchor, taken: set[int]) -> tuple[int, int, int, int | None] | None:
    """"Раненых полицейских госпитализировали": the people a slot word describes, 1..1 or 2..open.
    Not when the phrase is governed by a noun or preposition ("в поддержку арестованного
    оппозиционера", "семьи погибших"), where it tells of someone, not of this event's toll."""
    i = a.index
    word = tokens[i]
    if not a.implicit or word.pos not in ("ADJF", "PRTF", "NOUN") or i + 1 >= len(tokens) or {i, i + 1} & taken:
        return None
    if i > 0 and tokens[i - 1].pos in ("PREP", "NOUN"):
        return None
    person = tokens[i + 1]
    if person.pos != "NOUN" or "anim" not in person.tags or is_animal(person):
        return None
    number = next((n for n in ("sing", "plur") if n in word.tags and n in person.tags), None)
    if number is None or not word.tags & person.tags & CASES:
        return None
    return (i, i + 1, 1, 1) if number == "sing" else (i, i + 1, 2, None)


NEGATIONS = {"не", "нет", "ни"}
NEGATION_REACH = 3  # "о пострадавших не поступало", not "о пострадавших, не уточнив их числа"


def reported_people(tokens: list[Token], a: Anchor, taken: set[int]) -> tuple[int, int, int, int | None] | None:
    """"Сообщили о раненых", "есть погибшие и раненые": people of a slot told in the plural with no
    number, 2..open. Not when the sentence negates ("сообщений о погибших не поступало")."""
    i = a.index
    word = tokens[i]
    if not a.implicit or word.pos not in ("ADJF", "PRTF", "NOUN") or "plur" not in word.tags or i in taken:
        return None
    if i + 1 < len(tokens) and tokens[i + 1].pos == "NOUN":
        return None  # "о раненых полицейских": attributive_count's
    start = phrase_before(tokens, first_conjunct(tokens, i), "reported")
    if start is None or any(norm(t.text) in NEGATIONS for t in tokens[:i]):
        return None
    for t in tokens[i + 1 : i + NEGATION_REACH + 1]:
        if t.text in SUBJECT_STOP:
            break
        if norm(t.text) in NEGATIONS:
            return None
    return i, i, 2, None


PERIOD_GAP = 2  # "за последние сутки", "за три дня", "за минувшие двое суток"


def load_period_openers(lex: Lexicon) -> frozenset[str]:
    return frozenset(phrase[0] for kind in ("period_since", "period_opener") for phrase in lex.phrases.get(kind, []))


def periods(tokens: list[Token]) -> list[int]:
    """Where the sentence gives figures for a span of time ("за сутки погибли 12 человек",
    "с начала года задержаны 300"): a total over several events, not one event's toll. "За день"
    counts only with a number before it ("за три дня"): a day is one event's span; "за неделю до
    выборов" is a day, not a span."""
    found = []
    openers = period_openers()
    for i in range(len(tokens)):
        if tokens[i].lemma not in openers and norm(tokens[i].text) not in openers:
            continue
        since = phrase_at(tokens, i, "period_since")
        while since is not None and since + 1 < len(tokens) and tokens[since].pos == "ADJF":
            since += 1  # "с момента полномасштабного вторжения"
        if since is not None and since < len(tokens) and tokens[since].pos == "NOUN":
            found.append(i)
            continue
        opener = phrase_at(tokens, i, "period_opener")
        if opener is None:
            continue
        k, numbered = opener, False
        while k < len(tokens) and k - opener < PERIOD_GAP and (tokens[k].pos in ("ADJF", "PRTF", "NUMR", "PRCL") or tokens[k].text.isdigit()):
            numbered = numbered or tokens[k].pos == "NUMR" or tokens[k].text.isdigit()
            k += 1
        if k < len(tokens) and (
            phrase_at(tokens, k, "period_noun")
            or (numbered or "plur" in tokens[k].tags) and phrase_at(tokens, k, "period_counted")
        ):
            if not (k + 1 < len(tokens) and is_word(tokens[k + 1], "до")):
                found.append(i)
    return found


def over_places(tokens: list[Token], text: str) -> tuple[int, int] | None:
    """The tokens of "в 110 городах", "в десятках регионов", "в более чем 60 населённых пунктах": the places
    the sentence's figures are summed over (first and last token), or None."""
    for i, token in enumerate(tokens):
        if token.lemma != "в" or i + 2 >= len(tokens):
            continue
        k = i + 1
        while k < len(tokens) and k - i <= 3 and not starts_quantity(tokens[k]):
            k += 1  # "в более чем 60"
        if k >= len(tokens) or not starts_quantity(tokens[k]):
            continue
        quantity = read_quantity(tokens, k, text, bounded=False)
        if quantity is None or quantity[1] < 2:
            continue
        j = quantity[2]
        if j < len(tokens) and tokens[j].pos == "ADJF":
            j += 1  # "в 60 населённых пунктах"
        if j < len(tokens) and phrase_at(tokens, j, "places_counted") and "plur" in tokens[j].tags:
            return i, j
    return None


def clauses(tokens: list[Token]) -> list[int]:
    """The comma-delimited clause each token stands in, by number."""
    clause = [0] * len(tokens)
    for k in range(1, len(tokens)):
        clause[k] = clause[k - 1] + (tokens[k - 1].text in (",", ";"))
    return clause


def coordinated_places(doc: Document, tokens: list[Token]) -> list[int]:
    """Tokens of places NER found joined by "и" ("в Портапике и Энфилде", "в Москве и в Петербурге"):
    separate events, so a figure told in their clause is for them together and given to none."""
    if not tokens:
        return []
    places = sorted((m for m in doc.mentions_in(tokens[0].start, tokens[-1].end) if m.kind == "LOC"), key=lambda m: m.start)
    joined = []
    for one, other in zip(places, places[1:]):
        between = doc.text[one.end : other.start].split()
        if between and between[0] == "и" and (len(between) == 1 or len(between) == 2 and between[1] in ("в", "во")):
            joined += [k for k, t in enumerate(tokens) if one.start <= t.start < one.end or other.start <= t.start < other.end]
    return joined


def over_period(tokens: list[Token], spans: list[int], anchors: list[Anchor], first: int, anchor: int) -> bool:
    """Whether a count (its first token, its slot word) is told for a span of time: in the clause of
    the span's phrase, or in a sentence whose span phrase stands in a clause with no count of its own
    ("за три дня протестов, по данным правозащитников, задержаны 300 человек"; not the 50 of
    "за ночь задержаны 50 человек, всего за трое суток число задержанных достигло 200")."""
    clause = [0] * len(tokens)
    for k in range(1, len(tokens)):
        clause[k] = clause[k - 1] + (tokens[k - 1].text in (",", ";"))
    own = {clause[first], clause[anchor]}
    for p in spans:
        if clause[p] in own:
            return True
        if not any(clause[a.index] == clause[p] for a in anchors):
            return True
    return False


def find_counts(doc: Document, sentence_index: int) -> list[CountMention]:
    tokens = doc.sentences[sentence_index].tokens
    anchors = find_anchors(tokens)
    if not anchors:
        return []
    found: list[tuple[int, int, int, int | None, Anchor]] = []  # first, last, min, max, anchor

    for a in anchors:
        if a.slot != CountSlot.CROWD and (span := zero_span(tokens, a)):
            a.claimed = True
            found.append((span[0], span[1], 0, 0, a))

    anchor_at = {a.index for a in anchors}
    phrases, hidden = drop_breakdowns(tokens, find_phrases(tokens, doc.text, anchor_at, name_digits(doc, tokens)), anchor_at)
    for p, a in pair(tokens, phrases, anchors, hidden):
        first, last, more = one_listed_beside(tokens, p, anchor_at)
        low, high = p.min + more, p.max + more if p.max is not None else None
        if found and found[-1][4] is a and joined(tokens, found[-1][1], first):
            # "погибли трое боевиков и один полицейский": parts of one toll, added up
            before = found.pop()
            low, high, first = before[2] + low, None if before[3] is None or high is None else before[3] + high, before[0]
        found.append((first, last, low, high, a))

    taken = {k for p in phrases for k in range(p.first, p.last + 1)}
    names = nominative_names(doc, tokens)
    people = person_tokens(doc, tokens)
    refuted = refutation(tokens)
    told: tuple[Anchor, int, str] | None = None  # the last bare verb's person: "ранен и позже скончался" shares it
    implicit_at: set[int] = set()  # the entries of `found` a bare verb's person gives
    unnumbered: set[int] = set()  # ids of the entries of `found` of people told with no number ("сообщили о раненых")
    for a in anchors:
        if not a.claimed and a.slot != CountSlot.CROWD and refuted is not None and refuted > a.index:
            a.claimed = True
            found.append((a.index, refuted, 0, 0, a))
        subject = None if a.claimed else implicit_subject(tokens, a, taken, names, people)
        if subject is None and not a.claimed and told and shares_subject(tokens, told[0], a):
            subject = told[1:]
        if subject:
            k, number = subject
            told = (a, k, number)
            implicit_at.add(len(found))
            verb = tokens[a.index]
            case = "accs" if verb.pos == "VERB" and "tran" in verb.tags and not a.with_context else "nomn"
            first, last, listed = coordinated(tokens, k, case, taken)
            if listed > 1:
                found.append((first, last, listed, listed, a))  # "погибли мужчина и женщина": two
            else:
                found.append((k, k, 1, 1, a) if number == "sing" else (k, k, 2, None, a))
        elif not a.claimed and (described := attributive_count(tokens, a, taken)):
            found.append((*described, a))
        elif not a.claimed and refuted is None and (reported := reported_people(tokens, a, taken)):
            found.append((*reported, a))
            unnumbered.add(id(found[-1]))

    found = without_told_alongside(tokens, found, implicit_at)
    found += died_in_hospital(tokens, found)
    found += wounded_in_detention(tokens, anchors, found)
    spans = periods(tokens)
    if spans:
        found = [f for f in found if not over_period(tokens, spans, anchors, f[0], f[4].index)]
    shared = coordinated_places(doc, tokens)
    if shared:
        clause = clauses(tokens)
        found = [f for f in found if not {clause[f[0]], clause[f[4].index]} & {clause[k] for k in shared}]
    mentions = []
    for entry in sorted(found, key=lambda f: f[0]):
        first, last, low, high, a = entry
        start, end = tokens[first].start, tokens[last].end
        anchor = tokens[a.index]
        count = Count(low, high, doc.text[start:end], (start, end))
        mentions.append(CountMention(a.slot, count, (anchor.start, anchor.end), a.total, id(entry) in unnumbered))
    return mentions


DIED_IN_HOSPITAL_REACH = 4  # "скончался позже в больнице"


def without_told_alongside(tokens: list[Token], found: list[tuple], implicit_at: set[int]) -> list[tuple]:
    """An attacker who kills himself ("смертник подорвал себя") is of the toll the sentence gives in
    figures ("…, погибли шесть человек"): the figure stands, not an interval down to one."""
    if not any(k in implicit_at and phrase_at(tokens, f[4].index, "self_kill") for k, f in enumerate(found)):
        return found
    figured = {f[4].slot for k, f in enumerate(found) if k not in implicit_at and f[2] > 0}
    return [
        f for k, f in enumerate(found)
        if not (k in implicit_at and f[4].slot in figured and phrase_at(tokens, f[4].index, "self_kill"))
    ]


def state_force_words() -> frozenset[str]:
    """The first lemma of every actor pattern of the State forces category (data/attach/actors.tsv)."""
    return shared_resources().state_force_words


def load_state_force_words() -> frozenset[str]:
    return frozenset(pattern.split()[0] for pattern, category, *_ in data_rows("attach/actors.tsv") if category == "State forces")


def wounded_in_detention(tokens: list[Token], anchors: list[Anchor], found: list[tuple]) -> list[tuple]:
    """"Во время задержания мужчину ранили": the one wounded while being detained was detained. Not
    a member of the security forces ("при задержании ранен полицейский"), and not when the sentence
    counts its detained itself."""
    if any(f[4].slot == "arrested" for f in found):
        return []
    during = next((a for a in anchors if a.slot == "arrested" and tokens[a.index].pos == "NOUN"
                   and phrase_before(tokens, a.index, "during") is not None), None)
    if during is None:
        return []
    forces = state_force_words()
    for first, last, low, high, a in found:
        if a.slot == "injured" and low >= 1 and not any(tokens[k].lemma in forces for k in range(first, last + 1)):
            return [(first, last, low, high, Anchor(during.index, "arrested", False))]
    return []


def died_in_hospital(tokens: list[Token], found: list[tuple]) -> list[tuple]:
    """The dead of "скончался в больнице" were hospitalised first: the same people, injured."""
    if any(f[4].slot == CountSlot.INJURED for f in found):
        return []  # the sentence counts its wounded itself
    more = []
    for first, last, low, high, a in found:
        if a.slot != CountSlot.FATALITIES or a.total or low == 0:
            continue
        for k in range(a.index + 1, min(len(tokens), a.index + 1 + DIED_IN_HOSPITAL_REACH)):
            if tokens[k].text in SUBJECT_STOP:
                break
            end = phrase_at(tokens, k, "died_in_hospital")
            if end is not None:
                more.append((first, last, low, high, Anchor(end - 1, CountSlot.INJURED, False)))
                break
    return more


def shares_subject(tokens: list[Token], before: Anchor, a: Anchor) -> bool:
    """Whether verb `a` is coordinated with the earlier verb `before` and so tells of its person:
    "был ранен и позже скончался в больнице" (a wounded man who dies counts as both)."""
    if not a.implicit or before.slot == a.slot or tokens[a.index].pos not in ("VERB", "PRTS"):
        return False
    between = tokens[before.index + 1 : a.index]
    return (
        any(is_word(t, "и") for t in between)
        and len(between) <= 4
        and not any(t.text in SUBJECT_STOP or starts_quantity(t) for t in between)
        and not any(t.pos in ("NOUN", "NPRO") and not governed(between, k) for k, t in enumerate(between))
    )


def governed(tokens: list[Token], k: int) -> bool:
    """Whether noun k stands in a prepositional phrase begun just before it ("ранен в ногу",
    "в тяжёлом состоянии"): it tells how or where, and is no new subject."""
    j = k - 1
    while j >= 0 and tokens[j].pos in ("ADJF", "PRTF"):
        j -= 1
    return j >= 0 and tokens[j].pos == "PREP"


def refutation(tokens: list[Token]) -> int | None:
    """The last token of a phrase saying the report was false ("информация была опровергнута"):
    the deaths or arrests told before it, with no figure of their own, are none. A denial of
    what others report ("МВД опровергло сообщения о погибших") disputes their figure instead
    (attribution.py)."""
    for k in range(len(tokens)):
        end = phrase_at(tokens, k, "refuted")
        if end is not None:
            return end - 1
    return None


def name_digits(doc: Document, tokens: list[Token]) -> set[int]:
    """Tokens written in digits inside an organisation's name NER found ("Хабар 24", "Канал 5", "112 Украина")."""
    digits = [k for k, t in enumerate(tokens) if t.text[:1].isdigit()]
    if not digits:
        return set()
    orgs = [m for m in doc.mentions_in(tokens[0].start, tokens[-1].end) if m.kind == "ORG"]
    return {k for k in digits if any(m.start <= tokens[k].start and tokens[k].end <= m.end for m in orgs)}


def nominative_names(doc: Document, tokens: list[Token]) -> set[int]:
    """Tokens of the people NER names in the nominative: a name written as its own normal form."""
    if not tokens:
        return set()
    people = [m for m in doc.mentions_in(tokens[0].start, tokens[-1].end) if m.kind == "PER" and norm(m.text) == norm(m.normal)]
    return {k for k, t in enumerate(tokens) if any(m.start <= t.start and t.end <= m.end for m in people)}


def person_tokens(doc: Document, tokens: list[Token]) -> frozenset[int]:
    """Tokens of the people NER names, in any case."""
    if not tokens:
        return frozenset()
    people = [m for m in doc.mentions_in(tokens[0].start, tokens[-1].end) if m.kind == "PER"]
    return frozenset(k for k, t in enumerate(tokens) if any(m.start <= t.start and t.end <= m.end for m in people))


def load_crowd_words() -> frozenset[str]:
    return frozenset(row[0].strip() for row in data_rows("attach/crowd_words.tsv"))


def find_unclaimed_people(doc: Document, sentence_index: int) -> list[Count]:
    """Counts of people in a sentence ("сейчас там примерно 200–250 человек"): beside a protest, its
    crowd. Read only a sentence that counts nobody killed, hurt or held (`find_counts`): one with
    slot counts keeps its parts to them."""
    tokens = doc.sentences[sentence_index].tokens
    if periods(tokens):
        return []  # "за двое суток задержаны около 150 участников": a span's total, not one protest's crowd
    unclaimed = []
    for p in find_phrases(tokens, doc.text, set()):
        if p.head is None or not is_person(tokens[p.head]) or tokens[p.head].lemma not in crowd_words():
            continue
        if not can_head_a_crowd(tokens, p):
            continue  # "десяткам людей оказали помощь": people something was done to, not who gathered
        start, end = tokens[p.first].start, tokens[p.last].end
        unclaimed.append(Count(p.min, p.max, doc.text[start:end], (start, end)))
    return unclaimed


CROWD_CASES = frozenset({"nomn", "gent", "accs"})  # "собрались сотни людей", "около 200 человек", "вывели тысячи людей"


def can_head_a_crowd(tokens: list[Token], p: Phrase) -> bool:
    """Whether a head count stands where a crowd is told: its words written in letters (the quantity
    and the noun) may each be nominative, genitive or accusative; not a dative, instrumental or
    prepositional one ("десяткам людей", "с сотнями жителей", "о тысячах человек")."""
    words = [k for k in range(p.first, p.head + 1) if starts_quantity(tokens[k]) or k == p.head]
    for k in words:
        found = readings(tokens[k].text)
        if found and not any(case in CROWD_CASES for _, case in found):
            return False
    return True


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def lexicon():
    return shared_resources().counts


def period_openers():
    return shared_resources().period_openers


def crowd_words():
    return shared_resources().crowd_words
