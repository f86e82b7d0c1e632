from datetime import date

from svodka.merge.merging import merge
from svodka.model import (
    Claim,
    Count,
    CountMention,
    Document,
    Event,
    Place,
    PlaceMention,
    Sentence,
    Source,
    Trigger,
)

ALMATY = Place("Алматы", "KZ", "city", lat=43.25, lon=76.91, geonameid=1526384)
AKTAU = Place("Актау", "KZ", "city", lat=43.66, lon=51.17, geonameid=610612)
CLASSES = {
    "protest": ("Protests", "Peaceful protest"),
    "intervention": ("Protests", "Protest with intervention"),
    "clash": ("Battles", "Armed clash"),
    "killing": ("Violence against civilians", "Attack"),
    "riot": ("Riots", "Violent demonstration"),
}


def event(kind, sentence, place=ALMATY, day=date(2022, 1, 6), stated=True, weight=1.0, counts=(), source=None):
    event_type, sub = CLASSES[kind]
    e = Event("", kind, event_type, sub, date=day, date_stated=stated)
    e.triggers = [Trigger(sentence * 10, sentence * 10 + 5, "слово", kind, sentence, weight=weight)]
    e.location = PlaceMention(place, 0, 1)
    e.evidence = [(sentence * 10, sentence * 10 + 9)]
    said_by = Source([source], (0, 1)) if source else None
    e.claims = [Claim(CountMention(slot, Count(lo, hi, txt, (sentence * 10, sentence * 10 + 2)), (0, 1), total), said_by)
                for slot, lo, hi, txt, total in counts]
    if source:
        e.sources = [said_by]
    return e


DOC = Document("t", "x" * 200, date(2022, 1, 6), sentences=[Sentence(i * 10, i * 10 + 9, i) for i in range(20)])


def test_one_event_per_type_place_and_day():
    events = merge(DOC, [event("riot", 1), event("riot", 3), event("riot", 5, place=AKTAU), event("riot", 7, day=date(2022, 1, 5))])
    assert [(e.id, e.location.place.name, e.date.day) for e in events] == [("e1", "Алматы", 6), ("e2", "Актау", 6), ("e3", "Алматы", 5)]


def test_an_undated_mention_joins_the_dated_event_of_its_type_and_place():
    events = merge(DOC, [event("clash", 1), event("clash", 4, day=date(2022, 1, 7), stated=False)])
    assert len(events) == 1 and events[0].date == date(2022, 1, 6)


def test_different_figures_from_two_sources_span_an_interval_with_claims():
    events = merge(DOC, [
        event("clash", 1, counts=[("fatalities", 8, 8, "восемь", False)], source="МВД"),
        event("clash", 2, counts=[("fatalities", 20, 20, "20", False)], source="правозащитники"),
    ])
    (e,) = events
    assert (e.fatalities.min, e.fatalities.max) == (8, 20)
    assert [(c.source.chain, c.count.min) for c in e.claims] == [(["МВД"], 8), (["правозащитники"], 20)]


def test_a_running_total_replaces_earlier_figures():
    events = merge(DOC, [event("clash", 1, counts=[("fatalities", 8, 8, "8", False), ("fatalities", 16, 16, "16", True)])])
    assert (events[0].fatalities.min, events[0].fatalities.max) == (16, 16)


def test_an_open_bound_stays_open():
    events = merge(DOC, [event("riot", 1, counts=[("injured", 301, None, "свыше 300", False), ("injured", 40, 40, "40", False)])])
    assert (events[0].injured.min, events[0].injured.max) == (40, None)


def test_bare_deaths_join_the_violent_event_at_their_place():
    events = merge(DOC, [event("clash", 1), event("killing", 3, weight=0.4, counts=[("fatalities", 20, 99, "десятки", False)])])
    assert [e.kind for e in events] == ["clash"]
    assert (events[0].fatalities.min, events[0].fatalities.max) == (20, 99)


def test_a_protest_and_its_dispersal_are_one_protest_with_intervention():
    events = merge(DOC, [event("protest", 1), event("intervention", 2, counts=[("arrested", 5, 5, "пятерых", False)])])
    assert [(e.sub_event_type, e.arrested.min) for e in events] == [("Protest with intervention", 5)]


def test_a_weak_trigger_alone_is_not_an_event():
    assert merge(DOC, [event("protest", 1, weight=0.6)]) == []
    assert len(merge(DOC, [event("protest", 1, weight=0.6), event("protest", 2, place=AKTAU)])) == 2


def test_on_request_a_weak_trigger_alone_is_output_as_a_less_confident_candidate():
    candidates = merge(DOC, [event("protest", 1, weight=0.6), event("clash", 3, weight=0.6)], min_confidence=0.0)
    accepted = merge(DOC, [event("protest", 1, weight=0.6), event("protest", 2, place=AKTAU)])[0]
    assert [(e.id, e.kind, e.supported) for e in candidates] == [("e1", "protest", False), ("e2", "clash", False)]
    assert accepted.supported and candidates[0].confidence < accepted.confidence
    assert merge(DOC, [event("protest", 1, weight=0.6)], min_confidence=candidates[0].confidence + 0.01) == []


def test_with_a_threshold_even_an_accepted_event_below_it_is_left_out():
    (accepted,) = merge(DOC, [event("clash", 1)])
    assert merge(DOC, [event("clash", 1)], min_confidence=accepted.confidence + 0.01) == []
    assert len(merge(DOC, [event("clash", 1)], min_confidence=accepted.confidence)) == 1


def test_background_events_are_dropped():
    old = event("riot", 1)
    old.modality = "background"
    assert merge(DOC, [old]) == []


def test_looting_on_the_day_and_at_the_place_of_a_riot_is_that_riot():
    looting = event("riot", 3)
    looting.kind, looting.event_type, looting.sub_event_type = "looting", "Strategic developments", "Looting/property destruction"
    events = merge(DOC, [event("riot", 1), looting])
    assert [(e.sub_event_type, len(e.triggers)) for e in events] == [("Violent demonstration", 2)]


def test_an_arrest_on_another_day_than_the_attack_stays_an_event_of_its_own():
    arrest = event("killing", 4, day=date(2022, 1, 9))
    arrest.kind, arrest.event_type, arrest.sub_event_type = "arrest", "Strategic developments", "Arrests"
    attack = event("killing", 1)
    attack.kind = "attack"
    events = merge(DOC, [attack, arrest])
    assert sorted(e.sub_event_type for e in events) == ["Arrests", "Attack"]


def test_the_attackers_arrest_on_the_day_of_the_attack_is_part_of_it():
    arrest = event("killing", 4, counts=[("arrested", 1, 1, "задержан", False)])
    arrest.kind, arrest.event_type, arrest.sub_event_type = "arrest", "Strategic developments", "Arrests"
    attack = event("killing", 1)
    attack.kind = "attack"
    (e,) = merge(DOC, [attack, arrest])
    assert e.sub_event_type == "Attack" and (e.arrested.min, e.arrested.max) == (1, 1)


def test_an_inherited_source_gives_way_to_one_named_in_the_events_own_sentences():
    first, second = event("clash", 1), event("clash", 2)
    first.sources = [Source(["ТАСС"], (0, 1), inherited=True)]
    second.sources = [Source(["МВД"], (0, 1))]
    (e,) = merge(DOC, [first, second])
    assert [s.chain for s in e.sources] == [["МВД"]]


def test_confidence_rises_with_what_backs_the_event():
    from svodka.merge.merging import confidence, evidence_score
    from svodka.resources import Resources

    bare = event("clash", 1, place=Place("Казахстан", "KZ", "country"), stated=False)
    bare.supported = False
    backed = event("clash", 1, counts=[("fatalities", 3, 3, "трое", False)], source="МВД")
    backed.triggers = backed.triggers * 4
    resolve = merge(DOC, [backed])[0]
    assert evidence_score(bare) < 0.5 < evidence_score(resolve) == 1.0
    model = Resources.shared().confidence_model
    assert 0 < confidence(DOC, bare, [bare], model) < confidence(DOC, resolve, [resolve], model) < 1
    assert resolve.confidence == confidence(DOC, resolve, [resolve], model)


def test_an_attack_told_a_day_apart_at_one_place_is_one_attack_but_a_protest_is_not():
    attack = [event("killing", 1), event("killing", 3, day=date(2022, 1, 7))]
    for e in attack:
        e.kind = "attack"
    assert len(merge(DOC, attack)) == 1
    assert len(merge(DOC, [event("riot", 1), event("riot", 3, day=date(2022, 1, 7))])) == 2



def test_an_explosion_retold_at_the_place_and_on_the_day_of_an_attack_that_told_it_is_part_of_it():
    from svodka.pipeline import extract

    text = (
        "В среду в Самаре мужчина устроил стрельбу и взрыв в торговом центре, погибли три человека.\n\n"
        "Очевидцы рассказали, что в среду в Самаре сначала прогремел взрыв."
    )
    (e,) = extract(Document("t", text, date(2024, 3, 7))).events
    assert (e.sub_event_type, e.date, e.fatalities.min) == ("Attack", date(2024, 3, 6), 3)
    assert [text[t.start : t.end] for t in e.triggers][-1] == "прогремел взрыв"


def test_an_explosion_beside_an_attack_that_told_none_stays_an_event_of_its_own():
    from svodka.pipeline import extract

    text = "В среду в Самаре на базу военных напали боевики.\n\nВ среду в Самаре прогремел взрыв."
    events = extract(Document("t", text, date(2024, 3, 7))).events
    assert sorted(e.sub_event_type for e in events) == ["Attack", "Remote explosive/landmine/IED"]


def test_detentions_told_beside_a_rally_make_it_a_protest_with_intervention():
    from svodka.pipeline import extract

    text = "В субботу в Самаре прошел митинг в защиту сквера. Позднее полиция задержала трех человек."
    (e,) = extract(Document("t", text, date(2024, 3, 10))).events
    assert (e.sub_event_type, e.arrested.min, e.arrested.max) == ("Protest with intervention", 3, 3)
    assert text[e.arrested.evidence[0] : e.arrested.evidence[1]] == "трех человек"


def test_the_police_killing_the_attacker_the_next_day_is_an_armed_clash_apart_from_the_attack():
    from svodka.pipeline import extract

    text = (
        "В пятницу в Самаре мужчина открыл стрельбу по прохожим, погибли два человека.\n\n"
        "В субботу в Самаре полицейские застрелили нападавшего."
    )
    events = extract(Document("t", text, date(2024, 3, 10))).events
    assert sorted((e.sub_event_type, e.date) for e in events) == [
        ("Armed clash", date(2024, 3, 9)),
        ("Attack", date(2024, 3, 8)),
    ]


def test_arrests_that_lead_the_text_are_news_of_their_own_not_part_of_the_bombing_it_recalls():
    from svodka.pipeline import extract

    text = (
        "В Самаре арестованы двое подозреваемых.\n\n"
        "Следствие полагает, что они помогали организатору. "
        "По данным полиции, вечером после взрывов они побывали в его квартире в Самаре."
    )
    events = extract(Document("t", text, None)).events
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert [(a.arrested.min, text[a.arrested.evidence[0] : a.arrested.evidence[1]]) for a in arrests] == [(2, "двое подозреваемых")]


def test_violence_of_demonstrators_and_the_polices_answer_in_one_paragraph_are_one_protest_with_intervention():
    from svodka.pipeline import extract

    text = (
        "Вечером в Батуми у здания мэрии протестующие забросали полицейских камнями и петардами. "
        "Спецназ применил водометы и слезоточивый газ."
    )
    (e,) = extract(Document("t", text, date(2024, 12, 1))).events
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")
    assert "забросали полицейских камнями" in [text[t.start : t.end] for t in e.triggers]


def test_violence_of_demonstrators_and_the_polices_answer_later_that_day_are_one_protest_with_intervention():
    from svodka.pipeline import extract

    text = (
        "Вечером в Батуми у здания мэрии протестующие забросали полицейских камнями и петардами.\n\n"
        "Мэр города назвал происходящее провокацией.\n\n"
        "Ночью в Батуми спецназ применил водометы и слезоточивый газ."
    )
    (e,) = extract(Document("t", text, date(2024, 12, 1))).events
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


def test_the_polices_answer_on_another_day_leaves_the_riot_a_riot():
    riot, dispersal = event("riot", 1), event("intervention", 5, day=date(2022, 1, 7))
    assert [e.sub_event_type for e in merge(DOC, [riot, dispersal])] == ["Violent demonstration", "Protest with intervention"]


def test_violence_of_demonstrators_with_no_police_answer_is_a_violent_demonstration():
    from svodka.pipeline import extract

    text = "Вечером в Батуми протестующие у здания мэрии сломали ворота и выстроили баррикады."
    (e,) = extract(Document("t", text, date(2024, 12, 1))).events
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_riot_told_after_the_polices_answer_later_that_day_is_the_same_protest_with_intervention():
    from svodka.pipeline import extract

    text = (
        "Вечером в Батуми спецназ применил водометы против участников шествия.\n\n"
        "Мэр города назвал происходящее провокацией.\n\n"
        "Ночью в Батуми протестующие выстроили баррикады из мусорных баков и подожгли покрышки."
    )
    (e,) = extract(Document("t", text, date(2024, 12, 1))).events
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


def test_a_rally_that_turns_violent_later_that_day_at_its_place_is_one_violent_demonstration():
    rally, riot = event("protest", 1), event("riot", 5)
    assert [e.sub_event_type for e in merge(DOC, [rally, riot])] == ["Violent demonstration"]
    rally, riot = event("protest", 1), event("riot", 5, day=date(2022, 1, 7))
    assert [e.sub_event_type for e in merge(DOC, [rally, riot])] == ["Peaceful protest", "Violent demonstration"]


def test_hostages_taken_by_an_attacker_at_the_place_and_on_the_day_of_his_attack_are_part_of_it():
    from svodka.pipeline import extract

    text = (
        "В субботу в Казани мужчина открыл стрельбу по посетителям кафе, погибли три человека.\n\n"
        "Затем он захватил в заложники пятерых сотрудников в подсобном помещении кафе в Казани."
    )
    (e,) = extract(Document("t", text, date(2024, 3, 10))).events
    assert e.sub_event_type == "Attack"


def test_a_death_only_planned_or_remembered_is_no_part_of_an_actual_riot():
    from svodka.pipeline import extract

    text = ("Вечером в Самаре протестующие подожгли машины у мэрии.\n\n"
            "В понедельник они намерены провести акцию в память о погибшем товарище.")
    riots = [e for e in extract(Document("t", text, date(2024, 3, 10))).events if e.event_type == "Riots"]
    assert [t.modality for e in riots for t in e.triggers] == ["actual"]


def test_harm_told_in_villages_of_a_region_struck_is_a_strike_at_each_village():
    from svodka.pipeline import extract

    text = (
        "В результате атаки беспилотников в Московской области пострадали четыре человека.\n\n"
        "Двое погибли в деревне Становое Раменского округа. Ещё два человека пострадали в деревне Жуково."
    )
    events = extract(Document("t", text, date(2024, 11, 10))).events
    assert sorted((e.sub_event_type, e.location.place.name) for e in events if e.modality == "actual") == [
        ("Air/drone strike", "Жуково"), ("Air/drone strike", "Становое")]


def test_harm_told_with_no_strike_is_no_event():
    from svodka.pipeline import extract

    text = "В Самаре прошел митинг против застройки сквера. В давке пострадали два человека."
    events = extract(Document("t", text, date(2024, 3, 10))).events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_part_is_compared_only_with_the_events_that_could_host_it(monkeypatch):
    # an arrest's hosts are protests, riots, attacks and explosions: the clashes at its place are not asked
    from svodka.merge import merging
    from svodka.pipeline import extract

    asked = []
    is_host = merging.is_host
    monkeypatch.setattr(merging, "is_host", lambda doc, rule, host, part: asked.append(host.event_type)
                        or is_host(doc, rule, host, part))
    text = " ".join(f"{day} марта в Казани произошла перестрелка между полицейскими и вооружёнными людьми."
                    for day in range(1, 25)) + " В Казани полиция задержала пять человек."
    doc = extract(Document("x", text))
    assert sorted({e.event_type for e in doc.events}) == ["Battles", "Strategic developments"]
    assert asked == []  # each of the 24 clashes was asked twice before


def test_the_storys_undated_rally_is_not_the_one_the_text_recalls_as_earlier_with_its_day():
    from svodka.pipeline import extract

    text = (
        "Жители Шебекино вышли на стихийный митинг в Белгороде и потребовали компенсаций за разрушенное жильё. "
        "Вышедший к протестующим чиновник попросил собравшихся разойтись.\n"
        "Ранее на этой неделе, 5 июня, митинг в Белгороде провели жители другого приграничного района."
    )
    doc = extract(Document("t", text, date(2023, 6, 8)))
    rallies = [e for e in doc.events if e.event_type == "Protests" and e.modality == "actual"]
    assert len(rallies) == 2
    assert date(2023, 6, 5) in {e.date for e in rallies}


def test_a_detention_dated_to_the_day_of_a_protest_at_its_place_is_its_arrest_though_told_first():
    from svodka.pipeline import extract

    text = (
        "Суд оштрафовал активистку. Как отмечает издание, в протоколе её задержания 14 мая указана улица в Самаре.\n"
        "Активистка призывала участвовать в несогласованной акции в Самаре 14 мая."
    )
    doc = extract(Document("t", text, date(2021, 5, 20)))
    assert [(e.sub_event_type, e.date) for e in doc.events if e.modality == "actual"] == [("Protest with intervention", date(2021, 5, 14))]


def test_figures_told_in_a_struck_village_are_that_village_strikes_not_the_region_strikes():
    from svodka.pipeline import extract

    text = (
        "Ночью дроны атаковали Курскую область, пострадали шесть человек.\n\n"
        "Четыре человека пострадали в селе Глушково. Ещё два человека пострадали в посёлке Теткино, "
        "от госпитализации они отказались."
    )
    events = extract(Document("t", text, date(2024, 11, 10))).events
    injured = {e.location.place.name: (e.injured.min, e.injured.max) if e.injured else None
               for e in events if e.modality == "actual" and e.location}
    assert injured["Тёткино"] == (2, 2)
    assert injured["Глушково"][0] == 4


def test_people_told_with_no_number_yield_to_the_figure_told_later():
    from svodka.pipeline import extract

    text = (
        "Вечером в Белгороде после атаки беспилотника сообщили о раненых. "
        "Позже губернатор уточнил, что ранены три человека."
    )
    doc = extract(Document("t", text, date(2024, 11, 22)))
    assert [(e.injured.min, e.injured.max) for e in doc.events] == [(3, 3)]
