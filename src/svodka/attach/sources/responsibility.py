"""Claims of responsibility: "агентство X назвало нападавшего своим солдатом"."""
from __future__ import annotations

from ...model import Document, Token
from .attribution import Attribution, dedupe
from .cues import cues_opened_in, match_cue
from .speech_words import responsibility_lexicon
from .view import View


def claims_event_type(event_type: str) -> bool:
    return event_type in responsibility_lexicon()[1]


def claims_responsibility(tokens: list[Token], opened: dict[int, list[int]] | None = None) -> bool:
    """`opened`: `cues_opened_in(tokens)`, when the caller has it."""
    opened = cues_opened_in(tokens) if opened is None else opened
    return any(id(cue) in opened and match_cue(cue, tokens, opened) for cue in responsibility_lexicon()[0])


def find_responsibility_claims(doc: Document, opened: list[dict[int, list[int]]] | None = None) -> list[Attribution]:
    """ "агентство X назвало нападавшего своим солдатом": the outlets of a claim sentence,
    else the organisation that claims. `opened`: each sentence's `cues_opened_in`, when the caller has them."""
    claiming = [index for index, sentence in enumerate(doc.sentences)
                if claims_responsibility(sentence.tokens, None if opened is None else opened[index])]
    view = View(doc) if claiming else None
    claims = []
    for index in claiming:
        sentence = doc.sentences[index]
        first, last = view.sentence_range[index]
        outlets = [o for o in view.outlets if first <= o.first < last]
        if outlets:
            chain, spans = [o.name for o in outlets], [view.span(o.first, o.last) for o in outlets]
        else:
            orgs = [m for m in doc.mentions_in(sentence.start, sentence.end) if m.kind == "ORG"]
            chain, spans = [m.normal for m in orgs[:1]], [(m.start, m.end) for m in orgs[:1]]
        if chain:
            claims.append(Attribution(dedupe(chain), (spans[0][0], spans[-1][1]), [index]))
    return claims
