"""The report's own outlet: the agency of a dateline ("МОСКВА, 31 янв - РИА Новости."), a correspondent in the lead."""
from __future__ import annotations

from ...lexicon import data_rows
from ...model import Document
from ...resources import shared_resources
from .attribution import Attribution
from .outlets import outlet_spelled_at
from .quotes import QUOTES_AND_BRACKETS
from .speech_words import lexicon
from .view import View

DATELINE_SENTENCES = 3  # the headline, a caption, the first sentence of the body
DASHES = {"-", "–", "—"}
LEAD_PARAGRAPHS = 2  # the headline and the lead


def month_words() -> frozenset[str]:
    return shared_resources().month_words


def load_month_words() -> frozenset[str]:
    return frozenset(row[1] for row in data_rows("attach/dates.tsv", strip=True) if row[0] == "month")


def find_dateline_outlet(doc: Document) -> Attribution | None:
    """ "МОСКВА, 31 янв - РИА Новости.": the agency whose report this is, in any letter case."""
    for index, sentence in enumerate(doc.sentences[:DATELINE_SENTENCES]):
        tokens = sentence.tokens
        for i in range(1, len(tokens) - 3):
            month = tokens[i + 1]
            if tokens[i - 1].text != "," or not tokens[i].text.isdigit():
                continue
            if not (month.lemma in month_words() or month.text.lower().rstrip(".") in month_words()):
                continue
            dash = i + 2 + (tokens[i + 2].text == ".")
            if dash < len(tokens) and tokens[dash].text in DASHES:
                found = outlet_spelled_at(tokens, dash + 1)
                if found:
                    name, end = found
                    return Attribution([name], (tokens[dash + 1].start, tokens[end - 1].end), [index])
    return None


def find_lead_correspondent(doc: Document) -> Attribution | None:
    """ "Специальный корреспондент «Медузы» поговорил с …" in the lead: the report is the outlet's own,
    its correspondent counting as the outlet, so the outlet relays everything the report says."""
    words = lexicon()
    lead = [t for sentence in doc.sentences if sentence.paragraph < LEAD_PARAGRAPHS for t in sentence.tokens]
    if not any(words.has("correspondent", t) for t in lead):
        return None  # most reports: no View to build
    view = View(doc)
    for o in view.outlets:
        if doc.sentences[view.sentence_of[o.first]].paragraph >= LEAD_PARAGRAPHS:
            break
        k = o.first - 1
        while k >= 0 and view.tokens[k].text in QUOTES_AND_BRACKETS:
            k -= 1
        if k >= 0 and words.has("correspondent", view.tokens[k]) and "gent" in view.tokens[o.first].tags | view.tokens[min(o.first + 1, o.last - 1)].tags:
            return Attribution([o.name], view.span(k, o.last), [view.sentence_of[o.first]])
    return None
