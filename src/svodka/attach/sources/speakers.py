"""Attribution: who says so.

A speech verb ("сообщила", "цитирует") or an according phrase ("по данным")
opens a source phrase; its speaker and every outlet that relayed the claim
become a chain, innermost first: "сообщила телеканалу Хабар 24 Салтанат
Азирбек" is [Салтанат Азирбек, Хабар 24]; a following "цитирует ее Vласть"
appends Vласть to her chain. Quotes and verification remarks ("подтверждений
из независимых источников нет", "в МВД опровергли") are found alongside.
The words come from data files; this module holds the mechanism.
"""
from __future__ import annotations

import re

from ...annotate.analysis import morph_analyzer
from ...lexicon import written_form
from ...model import Document, Quote, Span, Token
from .attribution import Attribution, Resolved, Speaker, dedupe
from .bodies import phrase_name
from .body_names import name_bodies
from .clauses import CLAUSE_PUNCTUATION, TOPIC_WORDS, clause_end, clause_start, phrase_at
from .grammar import capitalised, is_latin, is_modifier
from .names import person_name
from .outlets import OUTLET_NAME_MAX_CHARS, QUOTED_NAME_MAX_TOKENS, correspondent_outlet, outlet_kinds, outlet_names
from .quotes import direct_quote, inside_quote, reported_clause
from .speaker_phrases import office_at, speaker_in
from .speech_words import lexicon
from .view import View

PRONOUNS = {"он", "она", "оно", "они"}
SOURCE_PREPOSITIONS = {"в", "во", "из", "от", "со", "с"}  # "по данным из МВД": a source may follow these
SIGNATURE_MAX_TOKENS = 8  # "— СМИ со ссылкой на ведомство" closing a post


class Attributor:
    def __init__(self, doc: Document):
        self.view = View(doc)
        self.doc = doc
        self.lex = lexicon()
        self.found: list[tuple[Attribution, Resolved]] = []
        self.quotes: list[Quote] = []

    # -- the walk

    def run(self) -> None:
        tokens, openers = self.view.tokens, self.lex.according_openers
        for sentence, (first, last) in enumerate(self.view.sentence_range):
            i = first
            while i < last:
                t = tokens[i]
                if t.pos != "VERB" and written_form(t.text) not in openers:
                    i += 1  # neither a speech verb nor an according phrase's opener: _attribute_at would pass it
                    continue
                i = self._attribute_at(i, first, last, sentence)
            self._signature(sentence, first, last)
            self._headed_by_speaker(sentence, first, last)

    def _headed_by_speaker(self, sentence: int, first: int, last: int) -> None:
        """ "Минобороны РФ: подразделения нанесли удар…", "Песков: …": a line opened by a name and a
        colon is said by that name, with the rest of its paragraph."""
        tokens = self.view.tokens
        start = first
        while start < last and not re.search(r"\w", tokens[start].text):
            start += 1  # an emoji, a bullet
        colon = next((k for k in range(start + 1, min(last, start + SIGNATURE_MAX_TOKENS)) if tokens[k].text == ":"), None)
        if colon is None or colon + 1 >= last or any(tokens[k].text in CLAUSE_PUNCTUATION for k in range(start, colon)):
            return
        surname = colon == start + 1 and capitalised(tokens[start].text) and any(
            "Surn" in p.tag for p in morph_analyzer().parse(tokens[start].text.lower())
        )  # "Песков: …", a surname NER does not see alone
        if not (surname or self.view.mention_at(start, "PER") or self.view.mention_at(start, "ORG") or start in self.view.outlet_at):
            return  # "Видео: …", "Итог: …"
        name = tokens[start].text if surname and not self.view.mention_at(start, "ORG") else self._signature_name(start, colon)
        if name is None or any(sentence in a.sentences for a, _ in self.found):
            return
        paragraph = self.doc.sentences[sentence].paragraph
        told = [k for k in range(sentence, len(self.doc.sentences)) if self.doc.sentences[k].paragraph == paragraph]
        person = surname or self.view.mention_at(start, "PER") is not None
        self._record(Resolved([name], [self.view.span(start, colon + 1)], person=person), told, None, None)

    def _signature(self, sentence: int, first: int, last: int) -> None:
        """A post signed with a dash and a name: "…цель поражена — Путин" speaks for its sentence;
        a line of its own ("— Собянин.") for the lines before it, up to the last signature."""
        tokens = self.view.tokens
        end = last
        while end > first and not re.search(r"\w", tokens[end - 1].text):
            end -= 1  # the closing period, an emoji
        dash = next((k for k in range(end - 1, max(first, end - SIGNATURE_MAX_TOKENS) - 1, -1) if tokens[k].text in ("—", "–")), None)
        if dash is None or dash + 1 >= end:
            return
        name = self._signature_name(dash + 1, end)
        resolved = None
        if name is None and any(phrase_at(self.view, k, self.lex.references, end) for k in range(dash + 1, end)):
            resolved = self._resolve(dash + 1, end)  # "— СМИ со ссылкой на ведомство"
            if not resolved.chain:
                return
            name = resolved.chain[0]
        if name is None:
            return
        if dash != first:  # inline: "…цель поражена — Путин", not "в списке погибших — Иван Петров"
            closes = sentence + 1 == len(self.doc.sentences) or self.doc.sentences[sentence + 1].paragraph != self.doc.sentences[sentence].paragraph
            said = any(t.pos in ("VERB", "PRTS") for t in tokens[first:dash])
            person = self.view.mention_at(dash + 1, "PER")
            if not closes or not said or person and end - dash > 2:
                return  # a full name after a dash is more often a victim's than a signature
        if dash == first:  # a line of its own
            paragraph = self.doc.sentences[sentence].paragraph
            signed = [
                k for k in range(sentence) if self.doc.sentences[k].paragraph < paragraph
                and not any(k in a.sentences for a, _ in self.found)
            ]
        else:
            signed = [sentence]
        if signed and resolved is not None:
            resolved.spans.append(self.view.span(dash, end))
            self._record(resolved, signed, None, None)
        elif signed:
            person = self.view.mention_at(dash + 1, "PER") is not None
            self._record(Resolved([name], [self.view.span(dash, end)], person=person), signed, None, None)

    def _signature_name(self, start: int, end: int) -> str | None:
        """The name the tokens [start, end) are, whole: a person, an organisation, an outlet."""
        view = self.view
        t = view.tokens[start]
        if start in view.outlet_at and view.outlet_at[start].last >= end:
            return view.outlet_at[start].name
        if end == start + 1 and t.lemma in outlet_kinds():
            return None  # "— СМИ.": a kind of outlet, no one named
        office = office_at(view, start, end)
        if office is not None:
            m = view.mention_at(office[1], "PER") if office[1] < end else None
            if m and m.start == view.tokens[office[1]].start and m.end >= view.tokens[end - 1].end:
                return person_name(view, m)  # "— губернатор Воробьёв."
        for kind in ("PER", "ORG"):
            m = view.mention_at(start, kind)
            if m and m.start == t.start and m.end >= view.tokens[end - 1].end:
                return person_name(self.view, m) if kind == "PER" else m.normal
        if t.pos == "PREP" or not capitalised(t.text):
            return None  # "— в мэрии", "— местные власти"
        body = speaker_in(self.view, start, end, True, None)  # "— Минобороны России"
        if body and not body.person and not body.unnamed and body.span == view.span(start, end):
            return body.name
        return None

    def _attribute_at(self, i: int, first: int, last: int, sentence: int) -> int:
        """Attribute the trigger at token i if there is one; return where to continue."""
        tokens = self.view.tokens
        t = tokens[i]
        opens_according = written_form(t.text) in self.lex.according_openers
        speaks = t.pos == "VERB" and (self.lex.has("verb", t) or self.lex.has("relay", t))
        if not (opens_according or speaks) or inside_quote(self.view, i):
            return i + 1
        according = phrase_at(self.view, i, self.lex.according, last, modifiers=True) if opens_according else None
        if according and according < last and tokens[according].pos == "PREP" and tokens[according].text.lower() not in SOURCE_PREPOSITIONS:
            return according  # "по информации на данном этапе", "по данным на утро": when, not who
        if according and according < last and not may_open_genitive_source(tokens[according]):
            return according  # "по некоторым данным нападавший проник": the clause goes on, no one is named
        if according and according == i + 2 and according < last and tokens[according].text in (",", ":") \
                and self.lex.has("speech_noun", tokens[i + 1]):
            earlier = self._speaker_before(sentence)  # "Согласно заявлению, ...": the statement just told
            if earlier is not None:
                attribution, resolved = earlier
                self._record(
                    Resolved(list(attribution.chain), [self.view.span(i, according)], list(attribution.unnamed), resolved.person),
                    [sentence], None, None,
                )
            return according
        if according:
            end = clause_end(self.view, according, last)
            resolved = self._resolve(according, end, genitive=True)
            if resolved.chain:
                resolved.spans.append(self.view.span(i, according))
                self._record(resolved, sorted({sentence} | self._told_before(sentence, first, last)), None, None)
            return according
        if not speaks:
            return i + 1
        if i > first and tokens[i - 1].text.lower() == "не":
            return i + 1  # "число пострадавших МВД не сообщает": who does not say is no source
        resolved = self._speaker_of_verb(i, first, last)
        if not resolved.chain or (self.lex.has("relay", t) and not resolved.has_relay_object and not self._speech_noun_before(i, first)):
            return i + 1
        if tells_intent(self.view, i, last):
            return i + 1  # "заявил о своем намерении уволить": a plan told, not the sentence's events
        resolved.spans.append((t.start, t.end))
        quote = direct_quote(self.view, i, last)
        sentences = {sentence} | self._told_before(sentence, first, last)
        if quote:
            sentences |= {k for k, s in enumerate(self.doc.sentences) if s.start < quote[1] and quote[0] < s.end}
        attribution = self._record(resolved, sorted(sentences), quote, (t.start, t.end))
        if not quote:
            clause = reported_clause(self.view, i, last)
            if clause:
                self.quotes.append(Quote(list(attribution.chain), clause, (t.start, t.end), direct=False))
        return i + 1

    def _speaker_before(self, sentence: int) -> tuple[Attribution, Resolved] | None:
        """The last named attribution of the sentence before, in this paragraph or the one before."""
        if sentence == 0 or self.doc.sentences[sentence].paragraph - self.doc.sentences[sentence - 1].paragraph > 1:
            return None
        for attribution, resolved in reversed(self.found):
            if sentence - 1 in attribution.sentences and attribution.chain and not attribution.unnamed:
                return attribution, resolved
        return None

    def _speech_noun_before(self, v: int, first: int) -> bool:
        """ "Такое заявление сделал пресс-секретарь": what was said stands in the clause before the verb."""
        return any(self.lex.has("speech_noun", self.view.tokens[k]) for k in range(clause_start(self.view, v, first), v))

    def _record(self, resolved: Resolved, sentences: list[int], quote: Span | None, verb: Span | None) -> Attribution:
        evidence = min(s[0] for s in resolved.spans), max(s[1] for s in resolved.spans)
        unnamed = [name for name in resolved.chain if name in resolved.unnamed]
        attribution = Attribution(resolved.chain, evidence, sentences, unnamed)
        self.found.append((attribution, resolved))
        if quote:
            self.quotes.append(Quote(list(resolved.chain), (quote[0] + 1, quote[1] - 1), verb, direct=True))
        return attribution

    def _told_before(self, sentence: int, first: int, last: int) -> set[int]:
        """ "Об этом сообщает Интерфакс": the source of the sentence before, too, and of the earlier
        sentences of its paragraph, which "этом" sums up."""
        if sentence == 0 or not any(phrase_at(self.view, i, self.lex.backward, last) for i in range(first, last)):
            return set()
        sentences = self.doc.sentences
        paragraph = sentences[sentence].paragraph
        if sentences[sentence - 1].paragraph != paragraph:
            paragraph = sentences[sentence - 1].paragraph  # opening its paragraph: it sums up the one before
        return {sentence - 1} | {
            k for k in range(sentence - 1, -1, -1) if sentences[k].paragraph == paragraph and not sentences[k].headline
        }

    # -- finding the speaker

    def _speaker_of_verb(self, v: int, first: int, last: int) -> Resolved:
        start = clause_start(self.view, v, first)
        verb = self.view.tokens[v]
        before = self._resolve(start, v, verb=verb)
        if before.chain and phrase_at(self.view, start, self.lex.references, v):
            # "со ссылкой на МВД сообщил телеканал Рустави 2": the one who relays stands after the verb
            after = self._resolve(v + 1, clause_end(self.view, v + 1, last), verb=verb)
            if after.chain:
                return Resolved(
                    dedupe(before.chain + after.chain), before.spans + after.spans,
                    before.unnamed + after.unnamed, before.person, True,
                )
        if before.chain and self._only_outlets(before, start, v):
            # "Об этом агентству Интерфакс рассказали в пресс-службе МВД", "Reuters сообщает со ссылкой
            # на МВД": the outlet before the verb relays whoever is named after it
            end = clause_end(self.view, v + 1, last)
            after = self._resolve(v + 1, end, verb=verb)
            inner = [name for name in after.chain if name not in before.chain]
            if inner and self._opens_speaker(v + 1, end) and not self._only_outlets(after, v + 1, end) \
                    and not self._object_person(after, v + 1, end):
                return Resolved(
                    dedupe(after.chain + before.chain), before.spans + after.spans,
                    before.unnamed + after.unnamed, after.person, True,
                )
        if before.chain:
            told = self._told_by(v + 1, clause_end(self.view, v + 1, last))
            if told and told.name not in before.chain:
                # "подтвердила информацию от мэра": the mayor told it first, the speaker passes it on
                return Resolved(
                    dedupe([told.name] + before.chain), before.spans + [told.span], before.unnamed, before.person,
                    before.has_relay_object,
                )
            return before
        after = self._resolve(v + 1, clause_end(self.view, v + 1, last), verb=verb)
        if after.chain:
            return after
        relative = relative_clause_before(self.view, start, first)
        if relative is not None:  # "Представитель МВД, который прибыл на место, сообщил"
            subject = self._resolve(clause_start(self.view, relative, first), relative, verb=verb)
            if subject.chain:
                return subject
        opener = self.view.tokens[start - 1] if start > first else None
        if opener is not None and self.lex.has("clause_link", opener):
            return self._subject_of_main_clause(v, first)
        return Resolved()

    def _only_outlets(self, resolved: Resolved, first: int, last: int) -> bool:
        """The chain names outlets of the tokens [first, last) and no one else."""
        relays = {o.name for o in self.view.outlets if first <= o.first and o.last <= last}
        return not resolved.unnamed and set(resolved.chain) <= relays

    def _told_by(self, first: int, last: int) -> Speaker | None:
        """The named source of what was said, after the verb: "информацию от мэра Сум"."""
        tokens = self.view.tokens
        for k in range(first, min(last, first + 3) - 1):
            if self.lex.has("speech_noun", tokens[k]) and tokens[k + 1].text.lower() == "от":
                named = speaker_in(self.view, k + 2, last, True, None)
                return named if named and not named.unnamed else None
        return None

    def _opens_speaker(self, first: int, last: int) -> bool:
        """The words after the verb begin with who speaks, not with what was told: "в пресс-службе",
        "со ссылкой на", "представитель", a name ("выяснил детали задержания" begins with its object)."""
        if first >= last:
            return False
        t = self.view.tokens[first]
        if t.text.lower() in SOURCE_PREPOSITIONS or phrase_at(self.view, first, self.lex.references, last):
            return True
        return "nomn" in t.tags and ("anim" in t.tags or self.view.mention_at(first, "PER") is not None
                                     or self.view.mention_at(first, "ORG") is not None)

    def _object_person(self, resolved: Resolved, first: int, last: int) -> bool:
        """ "112 выяснил детали задержания Рамазана Рабаданова": a person after the verb in an oblique
        case is whom the report is about, not who told it."""
        if not resolved.person:
            return False
        for i in range(first, last):
            m = self.view.mention_at(i, "PER")
            if m and m.start == self.view.tokens[i].start:
                return "nomn" not in self.view.tokens[i].tags
        return False

    def _subject_of_main_clause(self, v: int, first: int) -> Resolved:
        """ "...и подчеркнули", "использовал Токаев, когда сообщал": the speaker already named."""
        sentence = self.view.sentence_of[v]
        for attribution, resolved in reversed(self.found):
            if sentence in attribution.sentences and attribution.evidence[1] <= self.view.tokens[v].start:
                return Resolved(list(attribution.chain), [], list(attribution.unnamed), resolved.person)
        for i in range(v - 1, first - 1, -1):
            person = self.view.mention_at(i, "PER")
            if person and "nomn" in self.view.tokens[i].tags:
                return Resolved([person_name(self.view, person)], [(person.start, person.end)], person=True)
        return Resolved()

    def _resolve(self, first: int, last: int, genitive: bool = False, verb: Token | None = None) -> Resolved:
        """The chain named by tokens [first, last): "X со ссылкой на Y" is [Y, X]."""
        for i in range(first, last):
            after = phrase_at(self.view, i, self.lex.references, last)
            if after:
                inner = self._resolve_simple(after, last, True, None)
                outer = self._resolve_simple(first, i, genitive, verb)
                if not inner.chain:
                    return outer
                merged = Resolved(
                    dedupe(inner.chain + outer.chain),
                    inner.spans + outer.spans + [self.view.span(i, after)],
                    inner.unnamed + outer.unnamed, inner.person, True,
                )
                return merged
        return self._resolve_simple(first, last, genitive, verb)

    def _resolve_simple(self, first: int, last: int, genitive: bool, verb: Token | None) -> Resolved:
        view = self.view
        result = Resolved()
        outlets = [o for o in view.outlets if first <= o.first and o.last <= last]
        relays = [o.name for o in outlets]
        result.spans += [view.span(o.first, o.last) for o in outlets]
        prefix: list[str] = []
        speaker: Speaker | None = None
        for i in range(first, last):
            t = view.tokens[i]
            if i in view.outlet_at:
                continue
            if t.pos == "NPRO" and t.lemma in PRONOUNS:
                antecedent = self._antecedent(person_only=t.lemma != "они")
                if antecedent is None:
                    continue
                attribution, resolved = antecedent
                if "nomn" in t.tags:
                    name = attribution.chain[0]
                    speaker = speaker or Speaker(name, (t.start, t.end), resolved.person, name in attribution.unnamed)
                else:
                    prefix = list(attribution.chain)
                    result.spans.append((t.start, t.end))
                    result.unnamed = list(attribution.unnamed)
            elif self.lex.has("correspondent", t):
                name = None if outlets else correspondent_outlet(self.view, i, last)
                if name:
                    relays.append(name)
                    result.spans.append(view.span(i, min(i + 2, last)))
                elif outlets:
                    result.spans.append((t.start, t.end))
            elif self.lex.has("speech_noun", t):
                result.has_relay_object = True
            elif not outlets and (named := outlet_named_before(view, i, last)):
                relays.append(named)  # "по данным издания": the outlet just named
                result.spans.append((t.start, t.end))
        if not prefix:
            named = speaker_in(self.view, first, last, genitive, verb)
            if named and (speaker is None or named.person):
                speaker = named
            if speaker and speaker.unnamed and speaker.name in self.lex.words.get("anaphoric_body", ()):
                body = self._body_that_spoke()  # "добавили в ведомстве", the ministry told far above
                if body:
                    speaker = Speaker(body, speaker.span)
        names = list(prefix)
        if speaker:
            names.append(speaker.name)
            result.spans.append(speaker.span)
            result.person = speaker.person
            if speaker.unnamed:
                result.unnamed.append(speaker.name)
        result.chain = dedupe(names + relays)
        result.has_relay_object = result.has_relay_object or bool(prefix or relays)
        return result

    def _body_that_spoke(self) -> str | None:
        """The innermost name of the last attribution to a body the text names (not a person, an outlet or unnamed)."""
        for attribution, resolved in reversed(self.found):
            name = attribution.chain[0] if attribution.chain else None
            if name and not resolved.person and name not in attribution.unnamed and name not in outlet_names():
                return name
        return None

    def _antecedent(self, person_only: bool) -> tuple[Attribution, Resolved] | None:
        for attribution, resolved in reversed(self.found):
            if resolved.person or not person_only:
                return attribution, resolved
        return self.found[-1] if self.found else None

    # -- quotes


def outlet_named_before(view: View, i: int, last: int) -> str | None:
    """A bare genre noun ("по данным издания", "как уточняет агентство") standing for the last outlet
    of its genre named before it, else the last outlet; not one a name follows ("издание «7×7»")."""
    t = view.tokens[i]
    if t.lemma not in outlet_kinds() or i in view.outlet_at:
        return None
    after = view.tokens[i + 1] if i + 1 < last else None
    if after is not None and (capitalised(after.text) or after.start in view.quote_opening or is_latin(after.text)):
        return None
    before = [o for o in view.outlets if o.last <= i]
    match = [o for o in before if o.kind == t.lemma]
    if match:
        return match[-1].name
    staff = quoted_staff_name_before(view, i) if t.lemma == "издание" else None
    if staff:  # "сотрудник «Публики» … пишет издание": the publication its own sentence names
        return staff
    return before[-1].name if before else None


def quoted_staff_name_before(view: View, i: int) -> str | None:
    """ "журналист «Трибуны» … пишет издание": with no outlet named before, the publication is
    the short quoted name in the genitive after a person's noun earlier in the sentence."""
    first = view.sentence_range[view.sentence_of[i]][0]
    for k in range(i - 2, first, -1):
        quote = view.quote_opening.get(view.tokens[k].start)
        if not quote or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS:
            continue
        end = view.token_index(quote[1] - 1)
        holder, name = view.tokens[k - 1], view.tokens[k + 1]
        if end is None or end >= i or end - k > QUOTED_NAME_MAX_TOKENS or not capitalised(name.text):
            continue
        if holder.pos == "NOUN" and "anim" in holder.tags and "gent" in view.tokens[end - 1].tags:
            return phrase_name(view, k + 1, end)
    return None


RELATIVE_WORDS = {"который", "где", "куда", "откуда", "чей"}


def relative_clause_before(view: View, start: int, first: int) -> int | None:
    """The comma opening a relative clause that closes right before the verb's clause
    ("Врачи центра, куда доставили раненых, подтвердили"): the subject stands before it."""
    tokens = view.tokens
    if start - 1 <= first or tokens[start - 1].text != ",":
        return None
    for k in range(start - 2, first, -1):
        t = tokens[k]
        if t.text == ",":
            return k if k + 1 < start - 1 and tokens[k + 1].lemma in RELATIVE_WORDS else None
        if t.text in CLAUSE_PUNCTUATION:
            return None
    return None


def tells_intent(view: View, v: int, last: int) -> bool:
    """The verb says what the speaker means to do: "заявил о намерении", "объявило о планах"."""
    tokens = view.tokens
    k = v + 1
    if k >= last or tokens[k].text.lower() not in TOPIC_WORDS - {"что", "чтобы", "если", "как"}:
        return False
    k += 1
    while k < last and (is_modifier(tokens[k]) or tokens[k].pos == "NPRO"):
        k += 1
    return k < last and lexicon().has("intent", tokens[k])


def may_open_genitive_source(t: Token) -> bool:
    """The word right after "по данным" that can begin who says so: a genitive, a name, a quote, a figure."""
    if not t.text[:1].isalpha() or capitalised(t.text) or is_latin(t.text) or "gent" in t.tags or t.pos == "PREP":
        return True
    parses = morph_analyzer().parse(t.text.lower())
    return any(p.tag.case == "gent" for p in parses)


def attribute(doc: Document) -> tuple[list[Attribution], list[Quote]]:
    """Every attribution of the document and every quote, in text order."""
    attributor = Attributor(doc)
    attributor.run()
    attributions = [a for a, _ in attributor.found]
    name_bodies(attributions)
    return attributions, sorted(attributor.quotes, key=lambda q: q.text)


def find_attributions(doc: Document) -> list[Attribution]:
    return attribute(doc)[0]


def find_quotes(doc: Document) -> list[Quote]:
    return attribute(doc)[1]
