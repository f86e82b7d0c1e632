"""Quotation spans: quoted stretches of a line, the direct quote of a speech verb, the reported clause after "что"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Span
from .clauses import clause_end, clause_start, is_boundary

if TYPE_CHECKING:
    from .view import View

SPEECH_QUOTE_MIN_CHARS = 60  # a longer quote is speech: its verbs are not attributions
QUOTE_MARK = re.compile('[«»„“”"]')
QUOTES_AND_BRACKETS = set('«»„“”"()')
LINK = re.compile(r"\]\([^)\s]*\)|(?:https?://|www\.|t\.me/)[^\s)\]»\"]*|\b[\w.-]+\.(?:html?|php|aspx?)\b", re.IGNORECASE)
# what every LINK match holds (keep the two in step): a text without it, most, is not scanned for links,
# LINK's last alternative trying every word
LINK_MARK = re.compile(r"\]\(|https?://|www\.|t\.me/|\.(?:html?|php|aspx?)\b", re.IGNORECASE)


def find_quote_spans(text: str) -> list[Span]:
    """Quoted stretches within a line, marks included: «…», „…“, “…”, "…"."""
    pairs = {"«": "»", "„": "“", "“": "”"}
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        stack: list[tuple[str, int]] = []
        for mark in QUOTE_MARK.finditer(text, line.start(), line.end()):
            k, ch = mark.start(), mark.group()
            if ch == '"':
                before = text[k - 1] if k > line.start() else " "
                if stack and stack[-1][0] == '"' and not (before.isspace() or before in "(«„—–"):
                    spans.append((stack.pop()[1], k + 1))
                else:
                    stack.append(('"', k))
            elif stack and ch == pairs.get(stack[-1][0]):
                spans.append((stack.pop()[1], k + 1))
            elif ch in pairs and not (ch == "“" and stack and stack[-1][0] == "„"):
                stack.append((ch, k))
    return sorted(spans)


def inside_quote(view: View, i: int) -> bool:
    t = view.tokens[i]
    return any(q[0] < t.start and t.end < q[1] and q[1] - q[0] > SPEECH_QUOTE_MIN_CHARS for q in view.quotes)


def direct_quote(view: View, v: int, last: int) -> Span | None:
    """ '"…", – цитирует ее' before the verb or 'заявил: "…"' after it."""
    k = clause_start(view, v, view.sentence_range[view.sentence_of[v]][0]) - 1
    while k >= 0 and view.tokens[k].text in {",", "–", "—", "-"}:
        k -= 1
    if k >= 0 and k < v - 1 and view.tokens[k].start in view.quote_closing:
        return view.quote_closing[view.tokens[k].start]
    k = v + 1
    while k < min(last, v + 8) and view.tokens[k].text != ":" and not is_boundary(view, k):
        k += 1
    if k + 1 < len(view.tokens) and view.tokens[k].text == ":" and view.tokens[k + 1].start in view.quote_opening:
        return view.quote_opening[view.tokens[k + 1].start]
    return None


def reported_clause(view: View, v: int, last: int) -> Span | None:
    """ "заявил журналистам, что …": the clause after что, to the end of the sentence."""
    tokens = view.tokens
    k = clause_end(view, v + 1, last)
    if k + 1 < last and tokens[k].text == ",":
        k += 1
    if k + 1 >= last or tokens[k].text.lower() != "что":
        return None
    end = last
    while end > k + 1 and tokens[end - 1].text in ".!?…":
        end -= 1
    return tokens[k + 1].start, tokens[end - 1].end
