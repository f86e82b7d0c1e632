"""Find event triggers: lexicon matches by lemma, with their modality.

The lexicon (data/triggers.tsv) names an event class for each pattern;
data/event_classes.tsv maps classes to ACLED types. A trigger in a clause
that plans, threatens, denies or supposes the event carries that modality;
a trigger in a sentence about sport, fiction or a court case is dropped (but
for fans fighting at a match: a crowd's violence stands in sport). In
a sentence about an accident or a disaster, only a firm trigger of an act
stands ("удар беспилотника" before a fire); an explosion is dropped when the
text tells a fire or an accident and no weapon, attacker or strike.

Crime with no political side is no event (data/sides.tsv): a document that tells
a private motive (a quarrel, jealousy, drink, a robbery, a debt) and no political,
communal or armed side loses the triggers crime can look like (a shooting, a
stabbing, a killing, an abduction, the arrest of the culprit); and an arrest
told alone, or sexual violence, is an event only with a political side, since
ACLED codes the arrests of protesters, militants and opponents, not of a thief,
and rape as a weapon of armed or political actors, not by a neighbour.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..annotate.analysis import tokens_of
from ..attach.dates import find_dates, opens_period
from ..lexicon import Match, data_rows, is_word, longest_non_overlapping
from ..model import Document, Modality, Sentence, Token, Trigger
from ..resources import Resources, shared_resources

CLAUSE_BOUNDARIES = {",", ";", ":", "—", "–", "(", ")", "что", "но", "а", "однако"}
CONDITIONAL = {"если"}
WITHOUT = {"без"}  # "акция прошла без задержаний": governs the event noun it denies
NONE_AFTER = {"нет"}  # "разрушений и пострадавших нет": the event noun right before it did not happen
NONE_REACH = 3  # words between the event noun and "нет": "и" and the other nouns listed with it
WITHOUT_REACH = 3  # words between "без" and the noun, a list of others before it ("без происшествий и задержаний")
GENRES_WITHOUT_EVENTS = {"fiction", "sport"}
HISTORY = "history"  # a text about the last century's wars: judged over the whole text only (a strike on a
HISTORY_SENTENCES, HISTORY_SHARE = 3, 0.3  # war memorial today is news), and only when history is its subject
SPORT = "sport"
CROWD_VIOLENCE = {"riot", "mob"}  # fans fighting at a match: real violence, whatever the game around it
REAL_IN_SPORT = CROWD_VIOLENCE | {"explosion", "ied", "suicide_bomb", "airstrike", "grenade", "chemical"}  # no game's slang
MISHAPS = {"accident", "disaster"}
UNEXPLAINED = {"explosion"}  # a blast told with no weapon, attacker or strike
HARM = "harm"  # "пострадали двое": harm told with no act, which only places a strike told elsewhere (merge.struck_villages)
CAUSELESS = UNEXPLAINED | {"death", HARM}
GENRE_SHARE = 0.2  # of sentences: a film review or match report that mentions a shooting is not news of one
FUTURE = "futr"
POLITICAL, PERSON, PRIVATE = "political", "person", "private"
SPEAKER = "speaker"  # "сообщил губернатор", "по словам мэра": the official tells the crime, no side of it
CRIME_LIKE = {"attack", "killing", "death", "abduction", "sexual_violence", "clash", "arrest", "mob"}  # what a crime can look like
ARREST, SEXUAL_VIOLENCE = "arrest", "sexual_violence"
BESIDE_WEIGHT = 0.7  # a weaker trigger of another kind ("оцеплено", "удар по") tells no political event beside the crime
NEEDS_A_SIDE = {ARREST, SEXUAL_VIOLENCE}  # an event only with a political side: ACLED codes neither a thief's arrest nor a rape by a neighbour
ATTEMPTED, ATTEMPT_WEIGHT = "attempted", 0.5
HEARSAY, UNCONFIRMED_HEARSAY = "hearsay", "hearsay_unconfirmed"  # "Информация о его задержании пока не подтверждается"
HEARSAY_REACH = 2  # words between "информация о" and the event noun it names
SENTENCE_CUES = {ATTEMPTED, HEARSAY, UNCONFIRMED_HEARSAY}  # modality.tsv's labels that are no modality of a clause  # "пытались атаковать Москву беспилотниками": a strike only with harm or a firm one beside it
REMOTE = "Explosions/Remote violence"
OPENING = 3  # words at a sentence's start where a recall cue ("Напомним", "Ранее") stands
RECALL, REPORT, REPORT_REACH = "recall", "report", 6  # "Ранее Следственный комитет сообщал о ...": an earlier report, not an earlier incident


@dataclass(frozen=True)
class EventClass:
    name: str
    event_type: str
    sub_event_type: str
    violent: bool
    national: bool  # an act of a whole state ("обратился за помощью к ОДКБ"): placed at country level
    accepts: frozenset[str]


EVENT_CLASS_COLUMNS = ("name", "event_type", "sub_event_type", "violent", "scope", "accepts")


def load_event_classes() -> dict[str, EventClass]:
    classes = {}
    for row in data_rows("detect/event_classes.tsv", columns=EVENT_CLASS_COLUMNS):
        classes[row["name"]] = EventClass(row["name"], row["event_type"], row["sub_event_type"], row["violent"] == "yes",
                                          row["scope"] == "national", frozenset(row["accepts"].split()))
    return classes


def load_combinations() -> dict[tuple[str, str], str]:
    return {(row[0].strip(), row[1].strip()): row[2].strip() for row in data_rows("detect/combinations.tsv")}


TRIGGERS, REFERENCES = "detect/triggers.tsv", "detect/references.tsv"


def clause_bounds(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    start = first
    while start > 0 and tokens[start - 1].text.lower() not in CLAUSE_BOUNDARIES:
        start -= 1
    end = last
    while end + 1 < len(tokens) and tokens[end + 1].text.lower() not in CLAUSE_BOUNDARIES:
        end += 1
    return start, end


WORDS = re.compile(r"\w+")
NOT_AN_EVENT = "-"  # the class of a phrase that masks the triggers inside it: "задержаны рейсы"
# classes whose sub-type comes from the means told beside them (data/strike_means.tsv), and the class
# each takes when none is told: a strike of unnamed means is a missile attack, an attack with no
# weapon named ("противник атаковал") a ground assault, a blow dealt with no means told ("нанёс
# удары") no remote strike at all
BY_MEANS = {"strike": "strike", "assault": "clash", "blow": NOT_AN_EVENT}
MANNER = "strike"  # the class in data/strike_means.tsv of a manner of striking that names no weapon
REFERENCE_REACH = 3  # words between a reference word and the event noun it governs
REFERENCE, ARTICLE, SUPPOSED = "reference", "article", "supposed"
SPOKEN_OF, GERUND = "spoken_of", "GRND"  # "говоря о митингах": the event a speaker talks about
VERB_FORMS = {"VERB", "INFN", "PRTS", "GRND"}
ARTICLE_REACH = 6  # words between an article's word and the quotes naming it: "по ст. 15 ч. 2 ст. 115 («"
OPENERS, CLOSERS = {"«", "(", "„", "“"}, {"»", ")", "”"}


def refers_back(tokens: list[Token], match: Match, res: Resources) -> bool:
    """ "расследование терактов": the event is a topic, told as news elsewhere if at all. A reference word
    governs an event noun, not a verb ("подозреваемый задержан": the suspect's detention is told)."""
    if tokens[match.first].pos in VERB_FORMS:
        return names_article(tokens, match, res)
    before = [t for t in tokens[: match.first] if is_word(t)][-REFERENCE_REACH:]
    return any(m.pattern.label == REFERENCE or m.pattern.label == SPOKEN_OF and before[m.first].pos == GERUND
               for m in res.patterns(REFERENCES).find(before)) or names_article(tokens, match, res)


def names_article(tokens: list[Token], match: Match, res: Resources) -> bool:
    """ "дело по статье «Убийство»", "ст. 105 (покушение на убийство)": the trigger, in quotes or brackets
    opened just after an article of a code, is the article's name."""
    opener = None
    for i in range(match.first - 1, -1, -1):
        text = tokens[i].text
        if text in CLOSERS:
            return False
        if text in OPENERS or text == '"' and sum(t.text == '"' for t in tokens[:i]) % 2 == 0:
            opener = i
            break
    if opener is None:
        return False
    before = [t for t in tokens[:opener] if is_word(t)][-ARTICLE_REACH:]
    return any(m.pattern.label == ARTICLE for m in res.patterns(REFERENCES).find(before))


def supposed(tokens: list[Token], match: Match, res: Resources) -> bool:
    """ "предполагая, что это стрельба ПВО": the event is what a speaker supposes a thing to be, not what is told."""
    before = [t for t in tokens[: match.first] if is_word(t)][-REFERENCE_REACH:]
    return any(m.pattern.label == SUPPOSED for m in res.patterns(REFERENCES).find(before))


def modality_of(tokens: list[Token], match: Match, res: Resources) -> str:
    if refers_back(tokens, match, res):
        return Modality.BACKGROUND
    if supposed(tokens, match, res):
        return Modality.HYPOTHETICAL
    start, end = clause_bounds(tokens, match.first, match.last)
    clause = tokens[start : end + 1]
    cues = [c for c in res.patterns("detect/modality.tsv").find(clause) if c.pattern.label not in SENTENCE_CUES]
    if cues:
        return Modality(cues[0].pattern.label)
    if unconfirmed_hearsay(tokens, match, res):
        return Modality.DENIED
    words_before = [t for t in tokens[start : match.first] if is_word(t)]
    if words_before and words_before[-1].lemma == "не" or told_as_absent(tokens, match, words_before):
        return Modality.DENIED
    if told_as_none(tokens, match):
        return Modality.DENIED
    if any(t.lemma in CONDITIONAL for t in tokens[: match.first]):
        return Modality.HYPOTHETICAL
    if any(FUTURE in t.tags and t.pos == "VERB" for t in clause):
        return Modality.PLANNED
    return Modality.ACTUAL


def unconfirmed_hearsay(tokens: list[Token], match: Match, res: Resources) -> bool:
    """ "Информация о его задержании, которую опубликовали каналы, пока не подтверждается": an event told only
    as the subject of a report its sentence says is not confirmed is not told as having happened (an event told
    and then doubted, "подтверждений нет", stays actual and unconfirmed)."""
    found = res.patterns("detect/modality.tsv").find(tokens)
    if not any(m.pattern.label == UNCONFIRMED_HEARSAY and m.first > match.last for m in found):
        return False
    return any(m.pattern.label == HEARSAY and 0 <= match.first - m.last - 1 <= HEARSAY_REACH for m in found)


def attempted(tokens: list[Token], match: Match, res: Resources) -> bool:
    """ "ВСУ пытались атаковать Москву беспилотниками", "попытка удара по объектам": a strike told as tried, which
    the drones' downing told beside it may have stopped; it stands only with harm told or a firm strike beside it."""
    start, end = clause_bounds(tokens, match.first, match.last)
    return any(c.pattern.label == ATTEMPTED for c in res.patterns("detect/modality.tsv").find(tokens[start : end + 1]))


def told_as_none(tokens: list[Token], match: Match) -> bool:
    """ "пострадавших нет", "пострадавших и разрушений нет": "нет" right after the event word, or after
    the other nouns it lists with it."""
    for t in [t for t in tokens[match.last + 1 :] if is_word(t)][:NONE_REACH]:
        if t.lemma in NONE_AFTER:
            return True
        if t.lemma != "и" and not (t.pos == "NOUN" and "gent" in t.tags):
            return False
    return False


def told_as_absent(tokens: list[Token], match: Match, words_before: list[Token]) -> bool:
    """ "без задержаний": an event noun in the genitive after "без" did not happen."""
    noun = tokens[match.first]
    return noun.pos == "NOUN" and "gent" in noun.tags and any(t.lemma in WITHOUT for t in words_before[-WITHOUT_REACH:])


def sentence_context(sentence: Sentence, res: Resources) -> set[str]:
    """The non-event contexts the sentence's words tell, but for words inside a phrase of context "-"
    ("здание суда" is a place, not a court case)."""
    found = res.patterns("detect/non_event_context.tsv").find(sentence.tokens)
    masks = [m for m in found if m.pattern.label == NOT_AN_EVENT]
    return {m.pattern.label for m in found if m.pattern.label != NOT_AN_EVENT
            and not any(k.first <= m.first and m.last <= k.last for k in masks)}


def find_triggers(doc: Document, index: int, context: set[str], res: Resources) -> list[Trigger]:
    sentence = doc.sentences[index]
    matches = longest_non_overlapping(res.patterns(TRIGGERS).find(sentence.tokens))
    genre = context - MISHAPS - {HISTORY}
    if not matches or genre - {SPORT}:
        return []
    triggers = []
    recalled = recalls(doc, index, res)
    referred: set[str] = set()  # the classes of the event nouns the sentence so far refers to
    for match in matches:
        if match.pattern.label == NOT_AN_EVENT or context and not firm_act(match, res):
            continue
        if genre and not crowd_violence(match):
            continue  # a match report's "атака", "разгром", "обстрел ворот"
        kind = means_of(sentence.tokens, match, res) if match.pattern.label in BY_MEANS else match.pattern.label
        if kind == NOT_AN_EVENT:
            continue
        start, end = sentence.tokens[match.first].start, sentence.tokens[match.last].end
        weight = match.pattern.weight
        if res.event_classes[kind].event_type == REMOTE and attempted(sentence.tokens, match, res):
            weight = min(weight, ATTEMPT_WEIGHT)
        modality = Modality.BACKGROUND if recalled else modality_of(sentence.tokens, match, res)
        if modality == Modality.ACTUAL and kind in referred and coordinated(sentence.tokens, match):
            modality = Modality.BACKGROUND
        if modality == Modality.BACKGROUND:
            referred.add(kind)
        triggers.append(Trigger(start, end, doc.text[start:end], kind, index, modality, weight))
    return triggers


COORDINATORS = {"и", "также", "или", "либо"}
COORDINATED_REACH = 2  # words before the noun: "а также серии терактов"


def coordinated(tokens: list[Token], match: Match) -> bool:
    """"мартовских терактов в Брюсселе, а также серии терактов во Франции": an event noun joined to an earlier
    one of its class the sentence refers to (a recalled, a compared, an investigated act) is referred to as well."""
    if tokens[match.first].pos != "NOUN":
        return False
    before = [t for t in tokens[: match.first] if is_word(t)][-COORDINATED_REACH:]
    return any(t.lemma in COORDINATORS for t in before)


def recalls(doc: Document, index: int, res: Resources) -> bool:
    """A sentence that recaps a period ("продолжаются с 14 февраля"), or that opens by recalling an
    earlier incident ("Напомним, что...", "Ранее в Москве...") and names no day: background. A recalled
    incident with a day ("в субботу", "2 ноября") is left to the 30 days rule."""
    words = [t for t in doc.sentences[index].tokens if is_word(t)]
    cues = res.patterns("detect/recall.tsv").find(words[:REPORT_REACH])
    recalled = any(m.pattern.label == RECALL and m.last < OPENING for m in cues) and all(m.pattern.label != REPORT for m in cues)
    if not recalled and not any(t.lemma in ("с", "со") for t in doc.sentences[index].tokens):
        return False
    mentions = find_dates(doc, index, doc.published)
    if any(opens_period(tokens_of(m.text)) for m in mentions):
        return True
    return recalled and not mentions


def means_of(tokens: list[Token], match: Match, res: Resources) -> str:
    """A strike's class by the means told nearest to it in its clause, else in its sentence: "нанесли
    удар ракетами" is a missile attack, "удар дронами" an air strike, "удар ножом" no remote strike at
    all; with no means named, the class BY_MEANS gives (a missile attack, ANNOTATION.md)."""
    found = res.patterns("detect/strike_means.tsv").find(tokens)
    if not found:
        return BY_MEANS[match.pattern.label]
    start, end = clause_bounds(tokens, match.first, match.last)
    in_clause = [m for m in found if start <= m.first and m.last <= end]
    told = in_clause or found
    weapons = [m for m in told if m.pattern.label != MANNER]  # a weapon named outweighs a manner ("массированный")
    nearest = min(weapons or told, key=lambda m: min(abs(m.first - match.last), abs(m.last - match.first)))
    return nearest.pattern.label


def firm_act(match: Match, res: Resources) -> bool:
    """A trigger that names an act of violence outright, so a fire or a crash told beside it is its consequence."""
    label = match.pattern.label
    return match.pattern.weight >= 1.0 and label not in CAUSELESS and res.event_classes[label].violent


def crowd_violence(match: Match) -> bool:
    """An act a sport text tells as real: fans fighting, a blast or a drone strike at a stadium (not
    "расстрелял ворота", "обстрел ворот", "ожесточённый бой" of a match report)."""
    return match.pattern.label in REAL_IN_SPORT and match.pattern.weight >= 1.0


def genre_without_events(contexts: list[set[str]]) -> bool:
    genre = sum(bool(c & GENRES_WITHOUT_EVENTS) for c in contexts)
    history = sum(HISTORY in c for c in contexts)
    return (genre >= 2 and genre >= GENRE_SHARE * len(contexts)
            or history >= HISTORY_SENTENCES and history >= HISTORY_SHARE * len(contexts))


def detect(doc: Document, resources: Resources | None = None) -> Document:
    """The document's triggers, by the lexicons of the given Resources (the process's shared one by default)."""
    res = resources or Resources.shared()
    contexts = [sentence_context(s, res) for s in doc.sentences]
    repeated = repeated_sentences(doc)
    doc.triggers = [t for i in range(len(doc.sentences)) if i not in repeated for t in find_triggers(doc, i, contexts[i], res)
                    if t.kind != HARM or t.modality == Modality.ACTUAL]  # "никто не пострадал" places no strike
    if genre_without_events(contexts):
        # a match report or a film review tells no events; fans fighting at a match are one, and a text
        # that tells them is news: what its sentences with no word of the game tell stands too (the fans'
        # rally in the city days before)
        sport = any(SPORT in c for c in contexts)
        fight = [t for t in doc.triggers if sport and t.kind in REAL_IN_SPORT and t.weight >= 1.0]
        doc.triggers = [t for t in doc.triggers if t.kind in REAL_IN_SPORT | CAUSELESS
                        or not contexts[t.sentence] & GENRES_WITHOUT_EVENTS] if fight else []
        return doc
    if any(c & MISHAPS for c in contexts) and all(t.kind in CAUSELESS for t in doc.triggers):
        doc.triggers = [t for t in doc.triggers if t.kind not in UNEXPLAINED]
    doc.triggers = without_private_crime(doc, res)
    return doc


def sides_of(doc: Document, res: Resources) -> set[str]:
    """The sides the document's cues tell: political (an armed group, a state, a community, a protest),
    person (an official, an activist, a journalist) and private (a quarrel, a robbery, the family, a bribe)."""
    found = res.patterns("detect/sides.tsv")
    sides = set()
    for sentence in (s for s in doc.sentences if s.tokens):
        matches = found.find(sentence.tokens)
        speakers = [m for m in matches if m.pattern.label == SPEAKER]
        sides |= {m.pattern.label for m in matches if m.pattern.label != SPEAKER
                  and not (m.pattern.label == PERSON and any(s.first <= m.first and m.last <= s.last for s in speakers))}
    return sides


def without_private_crime(doc: Document, res: Resources) -> list[Trigger]:
    """The triggers of a private crime dropped: with no political side, crime-like triggers when the text
    tells a private motive; an arrest told alone, with no act it is part of (the act it is made for,
    "по делу о стрельбе", is background and no companion); sexual violence always."""
    told = [t for t in doc.triggers if t.modality != Modality.BACKGROUND]
    beside = [t for t in told if t.kind not in CRIME_LIKE and t.weight >= BESIDE_WEIGHT]
    if not any(t.kind in CRIME_LIKE for t in told) or beside:
        return doc.triggers
    sides = sides_of(doc, res)
    if POLITICAL in sides:
        return doc.triggers
    # a weaker trigger of another kind ("вышли на улицу" to talk, "оцеплено") tells nothing beside a private crime
    weak = {t.kind for t in told if t.kind not in CRIME_LIKE}
    if PERSON in sides:  # an official, an activist, a journalist: violence against one is political, a bribe is not
        dropped = NEEDS_A_SIDE if PRIVATE in sides else set()
    elif PRIVATE in sides or all(t.kind in NEEDS_A_SIDE for t in told if t.kind in CRIME_LIKE):
        dropped = CRIME_LIKE
    else:
        dropped = {SEXUAL_VIOLENCE}
    if PRIVATE in sides and dropped == CRIME_LIKE:
        dropped = dropped | weak
    return [t for t in doc.triggers if t.kind not in dropped or t.modality == Modality.BACKGROUND]


def repeated_sentences(doc: Document) -> set[int]:
    """Sentences that repeat an earlier one word for word (a post's bold headline copied into its body):
    the copy is not a second mention of what it tells."""
    seen, repeated = set(), set()
    for i, sentence in enumerate(doc.sentences):
        key = " ".join(WORDS.findall(doc.text[sentence.start : sentence.end].lower()))
        if key in seen:
            repeated.add(i)
        seen.add(key)
    return repeated


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def event_classes():
    return shared_resources().event_classes


def combinations():
    return shared_resources().combinations
