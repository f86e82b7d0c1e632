"""Date expressions in a sentence, resolved against the document's reference day.

A left-to-right scan over the sentence's tokens (their pymorphy3 lemmas):
at each token the rules below are tried in order, the first that reads an
expression there wins and the scan resumes after it. The words come from data/dates.tsv; the grammar,
prepositions included, is here:

    expression := event_relative | [daypart] core [daypart] | daypart
    core       := night | explicit_date | weekday [[","] explicit_date]
                | relative_day | shifted_period | ago | year | month

The reference day ("anchor") is `published`, or failing that the first
full date in the text not told for a plan ("выборы должны состояться 7 июля
2013 года"); such a date dates only what the text tells from its sentence on
(events.DocumentContext: "в пятницу" before it fixes no day). A weekday is the most recent such day on or before
it; a day and month without a year is the latest such date not after it
by more than two days (a report may announce the day after tomorrow).
"""
from __future__ import annotations

import calendar as month_calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from typing import TypeVar

from ..annotate.analysis import tokens_of
from ..lexicon import Match, Pattern, PatternSet, data_rows, fold_yo, written_form
from ..model import DateMention, Document, Token
from ..resources import shared_resources

BACKGROUND_DAYS = 30
REACH = 1  # words an expression may open with before its first date-like token: a preposition ("на прошлой неделе")
FUTURE_TOLERANCE = timedelta(days=2)
NOMINAL_POS = {"NOUN", "ADJF", "NPRO", "PRTF"}

DAY_NUMBER = re.compile(r"(\d{1,2})(?:-?го)?")
DAY_WITH_COMMA = re.compile(r"(\d{1,2}),")
YEAR_NUMBER = re.compile(r"(1[89]\d\d|2[01]\d\d)")
DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
FOUR_DIGITS = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    dayparts: frozenset[str]
    night: frozenset[str]
    relative_days: dict[str, int]
    shifts: dict[str, int]
    units: dict[str, str]
    ago: frozenset[str]
    numerals: dict[str, int]
    vague_counts: frozenset[str]
    event_relative: PatternSet
    background: PatternSet
    background_leads: frozenset[str]
    since: frozenset[str]
    eve: frozenset[str] = frozenset()
    comparison: frozenset[str] = frozenset()
    month_parts: frozenset[str] = frozenset()


def load_words() -> Words:
    table: dict[str, dict[str, str]] = {}
    for row in data_rows("attach/dates.tsv"):
        kind, form = row[0].strip(), fold_yo(row[1].strip().lower())
        table.setdefault(kind, {})[form] = row[2].strip() if len(row) > 2 else ""

    def numbers(kind: str) -> dict[str, int]:
        return {form: int(value) for form, value in table[kind].items()}

    background = table["background"]
    return Words(
        months=numbers("month"),
        weekdays=numbers("weekday"),
        dayparts=frozenset(table["daypart"]),
        night=frozenset(table["night"]),
        relative_days=numbers("relative_day"),
        shifts=numbers("shift"),
        units=dict(table["unit"]),
        ago=frozenset(table["ago"]),
        numerals=numbers("numeral"),
        vague_counts=frozenset(table["vague_count"]),
        event_relative=PatternSet([Pattern.parse(p, v) for p, v in table["event_relative"].items()]),
        background=PatternSet([Pattern.parse(p, "background") for p in background]),
        background_leads=frozenset(p for p in background if " " not in p),
        since=frozenset(table["since"]),
        eve=frozenset(table.get("eve_day", {})),
        comparison=frozenset(table.get("comparison", {})),
        month_parts=frozenset(table.get("month_part", {})),
    )


@dataclass
class Value:
    day: date | None = None
    year: int | None = None
    month: int | None = None
    relative: bool = False


T = TypeVar("T")
Parse = tuple[int, Value]  # index after the last token of the expression, and its value


class Scanner:
    """The grammar over one sentence's tokens; each rule returns a Parse or None."""

    def __init__(self, tokens: list[Token], anchor: date | None):
        self.tokens = tokens
        self.forms = [written_form(t.text) for t in tokens]  # form() runs ~20 times per token
        self.size = len(tokens)
        self.anchor = anchor
        self.words = words()
        self.event_relative = {m.first: m for m in self.words.event_relative.find(tokens)}

    # token tests

    def form(self, i: int) -> str:
        return self.forms[i] if i < self.size else ""

    def lookup(self, table: dict[str, T], i: int) -> T | None:
        """The value of token i in a word table, by written form or lemma; None if absent (no table holds None)."""
        if i >= self.size:
            return None
        found = table.get(self.forms[i])
        return table.get(self.tokens[i].lemma) if found is None else found

    def among(self, words: frozenset[str], i: int) -> bool:
        return i < self.size and (self.forms[i] in words or self.tokens[i].lemma in words)

    def is_(self, i: int, *forms: str) -> bool:
        return self.form(i) in forms

    def day_number(self, i: int) -> int | None:
        if not self.form(i)[:1].isdigit():
            return None
        m = DAY_NUMBER.fullmatch(self.form(i))
        return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None

    def year_number(self, i: int) -> int | None:
        return int(self.form(i)) if self.form(i)[:1] in "12" and YEAR_NUMBER.fullmatch(self.form(i)) else None

    def after_preposition(self, i: int, *prepositions: str) -> int:
        return i + 1 if self.is_(i, *prepositions) else i

    # rules

    def expression(self, i: int) -> tuple[int, Parse] | None:
        """(start, parse) of the expression beginning at token i."""
        event_relative = self.event_relative_at(i)
        if event_relative is not None:
            return i, (event_relative.last + 1, Value(relative=True))
        start = i
        has_daypart = self.among(self.words.dayparts, i)
        core_start = i + 1 if has_daypart else i
        parse = self.core(core_start)
        if parse is None:
            return (start, (i + 1, self.on_anchor(0))) if has_daypart else None
        end, value = parse
        if self.among(self.words.dayparts, end):
            end += 1
        return self.with_background_lead(start), (end, value)

    def event_relative_at(self, i: int) -> Match | None:
        """A day counted from an event, not the anchor: "за день до", "накануне выборов"."""
        if i in self.event_relative and self.relative_day(i) is None:
            return self.event_relative[i]
        return None

    def core(self, i: int) -> Parse | None:
        if i >= self.size:
            return None
        for rule in self.RULES:
            parse = rule(self, i)
            if parse is not None:
                return parse
        return None

    def explicit_date(self, i: int) -> Parse | None:
        """A date that names its day: "20.04.2011", "2021-01-23", "14 июля 2017 года", "23 января"."""
        if not self.form(i)[:1].isdigit():
            return None  # each of them opens with a digit
        numeric = DOTTED_DATE.fullmatch(self.form(i))
        if numeric:
            day, month, year = map(int, numeric.groups())
            return self.dated(i + 1, year, month, day)
        numeric = ISO_DATE.fullmatch(self.form(i))
        if numeric:
            year, month, day = map(int, numeric.groups())
            return self.dated(i + 1, year, month, day)
        day = self.day_number(i)
        month = self.lookup(self.words.months, i + 1)
        if month is None:
            return self.listed_day(i)
        if day is None or month is None:
            return None
        year = self.year_number(i + 2)
        if year is None:
            return self.undated(i + 2, month, day)
        end = i + 3
        if self.lookup(self.words.units, end) == "year":
            end += 1
        return self.dated(end, year, month, day)

    def listed_day(self, i: int) -> Parse | None:
        """A day listed before the one that names the month: "25" in "25 и 26 ноября", "24, 25 и 26 ноября"
        takes that month (and year); the scan reads the later days in their turn. The tokenizer keeps a
        comma after a number ("25,") in the number's token."""
        day = self.day_number(i) or self.day_with_comma(i)
        j = i  # the last day of the list read so far
        while day is not None:
            if self.day_with_comma(j) is not None:
                following = j + 1
            elif self.day_number(j) is not None and self.is_(j + 1, ",", "и"):
                following = j + 2
            else:
                return None
            if self.day_number(following) is None and self.day_with_comma(following) is None:
                return None
            j = following
            month = self.lookup(self.words.months, j + 1)
            if month is not None:
                year = self.year_number(j + 2)
                return self.dated(i + 1, year, month, day) if year is not None else self.undated(i + 1, month, day)
        return None

    def day_with_comma(self, i: int) -> int | None:
        m = DAY_WITH_COMMA.fullmatch(self.form(i))
        return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None

    def dated(self, end: int, year: int, month: int, day: int) -> Parse | None:
        try:
            return end, Value(date(year, month, day), year, month)
        except ValueError:
            return None

    def undated(self, end: int, month: int, day: int) -> Parse | None:
        if self.anchor is None:
            return end, Value(None, None, month)
        latest = self.anchor + FUTURE_TOLERANCE
        for year in range(latest.year, latest.year - 5, -1):
            try:
                candidate = date(year, month, day)
            except ValueError:  # 29 February, 31 June
                continue
            if candidate <= latest:
                return end, Value(candidate, year, month)
        return None

    def weekday(self, i: int) -> Parse | None:
        """ "в среду", "в минувшую среду", and a day named after it: "в понедельник 28 июня"."""
        j = self.after_preposition(i, "в", "во")
        if self.lookup(self.words.shifts, j) in (-1, 0):
            j += 1
        weekday = self.lookup(self.words.weekdays, j)
        # a bare "среда" is too often the environment; "в среде" is never the day
        if j == i or weekday is None or self.tokens[j].tags & {"loct", "ablt"}:
            return None
        end = j + 1
        named = self.explicit_date(end + 1 if self.is_(end, ",") else end)
        return named or (end, self.on_weekday(weekday))

    def night(self, i: int) -> Parse | None:
        """The day a night ends in: "в ночь на среду", "в ночь с субботы на воскресенье", "с 15 на 16 июля"."""
        j = self.after_preposition(i, "в")
        if not self.among(self.words.night, j):
            return None
        j += 1
        if self.is_(j, "с", "со"):
            j += 1
            if self.lookup(self.words.weekdays, j) is not None or self.day_number(j) is not None:
                j += 1
                if self.lookup(self.words.months, j) is not None:
                    j += 1
            else:
                return None
        if not self.is_(j, "на"):
            return None
        weekday = self.lookup(self.words.weekdays, j + 1)
        if weekday is not None:
            return j + 2, self.on_weekday(weekday)
        return self.explicit_date(j + 1)

    def relative_day(self, i: int) -> Parse | None:
        offset = self.lookup(self.words.relative_days, i)
        if offset is None:
            return None
        following = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        # "накануне выборов" counts from the elections, not from the reference day
        if following and following.pos in NOMINAL_POS and "gent" in following.tags:
            return None
        return i + 1, self.on_anchor(offset)

    def shifted_period(self, i: int) -> Parse | None:
        """ "в прошлом году", "в этом месяце", "на прошлой неделе"."""
        j = self.after_preposition(i, "в", "во", "на")
        shift = self.lookup(self.words.shifts, j)
        unit = self.lookup(self.words.units, j + 1)
        if j == i or shift is None or unit is None:
            return None
        return j + 2, self.period_back(unit, -shift)

    def ago(self, i: int) -> Parse | None:
        """ "год назад", "три дня назад", "15 лет назад"."""
        count: int | None = int(self.form(i)) if self.form(i).isdigit() else self.lookup(self.words.numerals, i)
        j = i + 1
        # "год назад" counts one; "несколько лет назад" is earlier by an unknown amount
        if count is None and not self.among(self.words.vague_counts, i):
            count, j = 1, i
        unit = self.lookup(self.words.units, j)
        if unit is None or not self.among(self.words.ago, j + 1):
            return None
        if count is None:
            return j + 2, Value(relative=True)
        if unit == "week":  # "неделю назад" names a day, "на прошлой неделе" does not
            return j + 2, self.on_anchor(-7 * count)
        return j + 2, self.period_back(unit, count)

    def year(self, i: int) -> Parse | None:
        """ "в 2011 году", "2011 г."."""
        j = self.after_preposition(i, "в", "во")
        year = self.year_number(j)
        if year is None or self.lookup(self.words.units, j + 1) != "year":
            return None
        return j + 2, Value(None, year, None)

    def month(self, i: int) -> Parse | None:
        """ "в январе", "в январе 2011 года", "январь 2011", "в начале сентября"."""
        j = self.after_preposition(i, "в", "во")
        if j > i and self.among(self.words.month_parts, j):
            j += 1  # "в начале сентября", "в конце октября": that month
        month = self.lookup(self.words.months, j)
        if month is None:
            return None
        year = self.year_number(j + 1)
        if year is not None:
            end = j + 3 if self.lookup(self.words.units, j + 2) == "year" else j + 2
            return end, Value(None, year, month)
        if j == i:
            return None
        return j + 1, Value(None, self.year_of_month(month), month)

    RULES = (night, explicit_date, weekday, relative_day, shifted_period, ago, year, month)  # core's, in the order tried

    # resolution against the anchor

    def on_anchor(self, offset: int) -> Value:
        if self.anchor is None:
            return Value(relative=True)
        day = self.anchor + timedelta(days=offset)
        return Value(day, day.year, day.month, relative=True)

    def on_weekday(self, weekday: int) -> Value:
        if self.anchor is None:
            return Value(relative=True)
        return self.on_anchor(-((self.anchor.weekday() - weekday) % 7))

    def period_back(self, unit: str, count: int) -> Value:
        """The period `count` units before the anchor: a day, or else the month or year it falls in."""
        if self.anchor is None:
            return Value(relative=True)
        if unit == "day":
            return self.on_anchor(-count)
        if unit == "week":
            week = self.anchor - timedelta(weeks=count)
            return Value(None, week.year, week.month, relative=True)
        if unit == "year":
            return Value(None, self.anchor.year - count, None, relative=True)
        months = self.anchor.year * 12 + self.anchor.month - 1 - count
        return Value(None, months // 12, months % 12 + 1, relative=True)

    def year_of_month(self, month: int) -> int | None:
        if self.anchor is None:
            return None
        return self.anchor.year if month <= self.anchor.month else self.anchor.year - 1

    def with_background_lead(self, start: int) -> int:
        """Take in a word such as "ранее" (and its comma) standing just before the expression."""
        before = start - 2 if start >= 2 and self.is_(start - 1, ",") else start - 1
        if before >= 0 and self.among(self.words.background_leads, before):
            return before
        if start >= 1 and self.among(self.words.since, start - 1) and not self.among(self.words.dayparts, start):
            return start - 1
        return start


def load_date_words(w: Words) -> frozenset[str]:
    """Every word of a table the rules read: an expression holds one of them, a number, or a day counted from an event."""
    return frozenset().union(w.months, w.weekdays, w.dayparts, w.night, w.relative_days, w.shifts, w.units, w.ago,
                             w.numerals, w.vague_counts)


def date_like(tokens: list[Token]) -> list[bool]:
    """Which tokens are a number, a word of a table, or can begin a day counted from an event."""
    return [is_date_like(t.text, t.lemma) for t in tokens]


@lru_cache(maxsize=50_000)
def is_date_like(text: str, lemma: str) -> bool:
    """`date_like` of one word (a cache of a pure function of the word over the shared Resources' date words)."""
    known = date_words()
    return text[:1].isdigit() or lemma in known or fold_yo(text.lower()) in known or bool(words().event_relative.starting_with(lemma))


def find_dates(doc: Document, sentence_index: int, anchor: date | None) -> list[DateMention]:
    """Every date expression in the sentence, resolved against `anchor`. The rules are tried only
    where a date-like token is near: no expression opens with more than REACH other words."""
    tokens = doc.sentences[sentence_index].tokens
    likely = date_like(tokens)
    if not any(likely):
        return []
    scanner = Scanner(tokens, anchor)
    mentions: list[DateMention] = []
    taken_until, i = 0, 0
    # the tokens at most REACH words before a date-like one, left to right; an expression read resumes after it
    for at in sorted({max(k - r, 0) for k, like in enumerate(likely) if like for r in range(REACH + 1)}):
        if at < i:
            continue
        found = scanner.expression(at)
        if found is None:
            continue
        first, (end, value) = found
        first = max(first, taken_until)
        start, stop = tokens[first].start, tokens[end - 1].end
        text = doc.text[start:stop]
        mentions.append(DateMention(start, stop, text, value.day, value.year, value.month, value.relative))
        taken_until = i = end
    return counted_from_stated_day(mentions)


def counted_from_stated_day(mentions: list[DateMention]) -> list[DateMention]:
    """ "В понедельник, 14 января, мэр скончался после того, как накануне на него напали": an eve word
    after a day the sentence states explicitly counts from that day, not from the reference day."""
    eve = words().eve
    stated = None
    out = []
    for m in mentions:
        if m.relative and stated is not None and fold_yo(m.text.lower()) in eve:
            day = stated - timedelta(days=1)
            m = DateMention(m.start, m.end, m.text, day, day.year, day.month, m.relative)
        elif not m.relative and m.day:
            stated = m.day
        out.append(m)
    return out


def anchor_date(doc: Document) -> date | None:
    """`published`, else the first date in the text that names day, month and year."""
    return anchor_of(doc)[0]


def anchor_of(doc: Document) -> tuple[date | None, int]:
    """The reference day and the sentence that gives it: `published` (sentence 0), else the first date
    in the text that names day, month and year."""
    if doc.published is not None:
        return doc.published, 0
    for index, sentence in enumerate(doc.sentences):
        if not any(FOUR_DIGITS.search(t.text) for t in sentence.tokens):
            continue  # with no reference day, only a date that writes its year names a day
        if tells_what_is_to_come(sentence.tokens):
            continue  # "7 июля должны состояться выборы": the day of a plan is not the day of writing
        for mention in find_dates(doc, index, None):
            if mention.day is not None:
                return mention.day, index
    return None, 0


def tells_what_is_to_come(tokens: list[Token]) -> bool:
    """A verb in the future tense ("выборы пройдут"), or "должен" with an infinitive ("должны состояться");
    not the writer's "напомним" or "отметим", which is future in form only."""
    for i, t in enumerate(tokens):
        if t.pos == "VERB" and "futr" in t.tags and "1per" not in t.tags:
            return True
        if t.lemma == "должный" and i + 1 < len(tokens) and tokens[i + 1].pos == "INFN":
            return True
    return False


def recalled_for_comparison(tokens: list[Token], mention: DateMention, reference: date | None) -> bool:
    """With no reference day, a month or a year in a sentence that sets its incident beside the reported one
    ("тоже", "тогда"): an earlier incident recalled (data/dates.tsv, comparison)."""
    return reference is None and mention.year is not None and mention.day is None \
        and any(t.lemma in words().comparison for t in tokens)


def event_offset(mention: DateMention) -> int | None:
    """Days from the event a mention such as "за день до" counts from; None for other mentions."""
    match = Scanner(tokens_of(mention.text), None).event_relative_at(0)
    return int(match.pattern.label) if match is not None else None


def opens_period(tokens: list[Token]) -> bool:
    """ "с 14 февраля": the start of a period the sentence recaps, not the day of an event."""
    return len(tokens) > 1 and (tokens[0].lemma in words().since or tokens[0].text.lower() in words().since)


def is_background(mention: DateMention, anchor: date | None, published: date | None) -> bool:
    """True when the mention places things more than 30 days before the reference day.

    Phrases such as "в прошлом году" or "год назад" are history whatever the
    arithmetic says, and so is the start of a period ("с 14 февраля"); a lead word such as "ранее" decides only when there is no
    reference day to count from ("ранее, в 2011 году").
    """
    reference = published or anchor
    tokens = tokens_of(mention.text)
    if opens_period(tokens):
        return True
    if mention.day is not None and reference is not None:
        return (reference - mention.day).days > BACKGROUND_DAYS
    markers = words().background.find(tokens)
    if any(len(marker.pattern.elements) > 1 for marker in markers):
        return True
    if mention.year is None:
        return False
    if reference is None:
        return bool(markers)
    month = mention.month or 12
    last_day = date(mention.year, month, month_calendar.monthrange(mention.year, month)[1])
    return (reference - last_day).days > BACKGROUND_DAYS


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def words():
    return shared_resources().date_lexicon


def date_words():
    return shared_resources().date_words
