"""The incident layer: one incident told many ways is one event, separate places, days and acts are separate events."""
from datetime import date

from svodka.merge.merging import combined_kind
from svodka.model import Document, Event, Trigger
from svodka.pipeline import extract

PUBLISHED = date(2024, 5, 18)  # a Saturday


def events_of(text: str) -> list[tuple]:
    doc = extract(Document("t", text, PUBLISHED))
    return [(e.sub_event_type, e.location.place.name if e.location else None, e.date) for e in doc.events]


def the_one_event(text: str):
    (event,) = extract(Document("t", text, PUBLISHED)).events
    return event


def test_the_police_s_return_fire_that_ends_an_attack_is_part_of_it_with_its_death():
    text = ("Мужчина с ножом напал на прохожих в центре Бирмингема в субботу. Ранены четыре человека. "
            "Полиция застрелила нападавшего на месте.")
    event = the_one_event(text)
    assert event.sub_event_type == "Attack"
    assert (event.injured.min, event.fatalities.min) == (4, 1)


def test_the_attacker_named_again_firing_is_no_shelling_of_its_own():
    text = ("В среду у здания полиции в Казани произошло нападение. Нападавший ранил двух полицейских. "
            "Стрелок обстреливал здание из-за угла, после чего был задержан.")
    assert [t for t, _, _ in events_of(text)] == ["Attack"]


def test_an_official_calling_a_bombing_a_terrorist_attack_adds_no_attack():
    text = ("В субботу в Саратове неизвестный взорвал самодельное устройство у здания администрации, "
            "пострадали трое. Губернатор назвал нападение терактом.")
    event = the_one_event(text)
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.injured.min == 3


def test_a_ballistics_finding_told_by_a_region_s_police_is_part_of_the_city_s_shooting():
    text = ("В четверг в Махачкале неизвестные открыли стрельбу по полицейским, один полицейский погиб. "
            "Следователи Дагестана установили, что обстрел патрульной машины вели из пистолета Макарова.")
    # shots aimed at police officers are a clash with them (ANNOTATION.md), the finding part of it
    assert events_of(text) == [("Armed clash", "Махачкала", date(2024, 5, 16))]


def test_a_headline_s_blast_is_the_suicide_bombing_its_body_tells():
    text = "Взрыв в Кабуле\nВ понедельник смертник подорвал себя у входа в министерство в Кабуле, погибли шесть человек."
    event = the_one_event(text)
    assert event.sub_event_type == "Suicide bomb" and event.fatalities.min == 6


def test_a_headline_with_no_incident_told_below_it_stays_an_event():
    assert [t for t, _, _ in events_of("Взрыв в Кабуле")] == ["Remote explosive/landmine/IED"]


def test_an_attacker_killed_on_a_later_day_in_an_operation_of_its_own_is_an_event_of_that_day():
    text = ("Во вторник в Бангкоке военный открыл стрельбу по прохожим, погибли 10 человек. "
            "В среду полиция застрелила нападавшего в ходе штурма торгового центра.")
    assert [(t, d) for t, _, d in events_of(text)] == [("Attack", date(2024, 5, 14)), ("Armed clash", date(2024, 5, 15))]


def test_an_attack_absorbing_a_killing_told_more_often_stays_an_attack():
    # a bare killing ("удалось убить ..., после чего он был убит") joins the attack; were the incident
    # to take the killing's kind, the merging of bare deaths would swallow it and leave no event
    attack = Event("", "attack", "Violence against civilians", "Attack", triggers=[Trigger(0, 5, "нападение", "attack", 0)])
    killing = Event("", "killing", "Violence against civilians", "Attack",
                    triggers=[Trigger(10, 15, "убить", "killing", 1), Trigger(20, 24, "убит", "killing", 1)])
    assert combined_kind(attack, killing) == "attack" and combined_kind(killing, attack) == "attack"


def places_of(text: str) -> list[tuple[str, str]]:
    return [(t, place) for t, place, _ in events_of(text)]


def test_separate_places_listed_in_one_sentence_are_separate_events():
    assert places_of("В понедельник забастовки прошли в Льеже и Монсе.") == [
        ("Peaceful protest", "Льеж"), ("Peaceful protest", "Монс")]
    assert [p for _, p in places_of("В понедельник в Льеже, Монсе и Намюре прошли акции протеста.")] == ["Льеж", "Монс", "Намюр"]


def test_a_figure_the_list_s_sentence_gives_for_all_its_places_is_none_of_theirs():
    doc = extract(Document("t", "В понедельник в Льеже и Монсе прошли забастовки, в них участвовали 300 человек.", PUBLISHED))
    assert [(e.location.place.name, e.crowd) for e in doc.events] == [("Льеж", None), ("Монс", None)]


def test_a_route_from_one_city_to_another_is_one_march():
    assert places_of("Сторонники оппозиции в понедельник провели марш протеста из Лахора в Исламабад.") == [
        ("Peaceful protest", "Лахор")]


def test_a_double_attack_at_two_places_told_in_one_sentence_is_two_events_each_of_its_own_kind():
    text = ("В пятницу в центре Брюсселя прогремел взрыв у здания правительства, "
            "а затем в Антверпене мужчина открыл стрельбу по прохожим.")
    assert places_of(text) == [("Remote explosive/landmine/IED", "Брюссель"), ("Attack", "Антверпен")]


def test_a_blast_and_shooting_at_one_place_stay_one_attack():
    text = "В пятницу в центре Брюсселя у здания правительства прогремел взрыв, после чего нападавший открыл стрельбу по прохожим."
    assert places_of(text) == [("Attack", "Брюссель")]


def test_a_national_strike_is_not_the_local_march_told_beside_it():
    text = "В четверг в Бельгии прошла общенациональная забастовка. В Брюсселе демонстранты провели шествие к зданию правительства."
    assert places_of(text) == [("Peaceful protest", "Бельгия"), ("Peaceful protest", "Брюссель")]


def test_national_television_places_no_event_over_the_country():
    assert places_of("Премьер выступил по общенациональному телевидению после митинга в Брюсселе в четверг.") == [
        ("Peaceful protest", "Брюссель")]


def test_the_fire_that_follows_a_roadside_bomb_at_once_is_part_of_that_ambush():
    text = ("В понедельник под Назранью военный грузовик подорвался на мине, ранены семь военнослужащих. "
            "Через минуту после подрыва колонну обстреляли из леса.")
    event = the_one_event(text)
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.injured.min == 7


def test_an_arrest_told_with_no_place_of_its_own_is_the_one_arrest_told_with_a_place_that_day():
    text = ("Журналист из Москвы несколько лет работал на юге страны. В среду утром его задержали. "
            "Как сообщили в ФСБ, журналиста задержали в Ростове-на-Дону.")
    assert places_of(text) == [("Arrests", "Ростов-на-Дону")]


def test_a_mention_with_no_place_of_its_own_beside_two_placed_ones_joins_neither():
    text = ("В среду в Москве прошла акция протеста. В среду в Казани тоже прошла акция протеста.\n"
            "В Перми в среду прошел митинг. Участники акции требовали отставки губернатора.")
    assert [p for _, p in places_of(text)] == ["Москва", "Казань", "Пермь"]


def test_a_city_s_protest_is_never_moved_to_the_nationwide_one():
    text = "Наш корреспондент работает в Алматы. В среду протестующие вышли на улицы. В среду по всей стране прошли акции протеста."
    assert [p for _, p in places_of(text)] == ["Алматы", "Казахстан"]


def test_detentions_told_paragraphs_after_a_protest_at_its_place_are_its_arrests():
    text = ("В субботу в Минске прошла акция оппозиции у здания парламента.\n\n"
            "Участники держали плакаты и скандировали лозунги.\n\n"
            "К вечеру полиция Минска задержала нескольких активистов.")
    event = the_one_event(text)
    assert event.sub_event_type == "Protest with intervention" and (event.arrested.min, event.arrested.max) == (2, 9)


def test_rallies_that_turned_into_a_battle_make_its_later_clashes_of_protesters_that_battle():
    text = ("Утренние митинги в Маниле к полудню переросли в перестрелки.\n\n"
            "В Маниле в столкновениях протестующих с полицией погибли 25 человек.")
    event = the_one_event(text)
    assert event.sub_event_type == "Armed clash" and event.fatalities.min == 25


def test_a_riot_beside_a_battle_that_told_no_demonstration_stays_a_riot():
    text = ("В пятницу в Маниле произошла перестрелка между военными и боевиками.\n\n"
            "В пятницу в Маниле протестующие подожгли машины и забросали полицию камнями.")
    assert [t for t, _, _ in events_of(text)] == ["Armed clash", "Violent demonstration"]


def test_the_fire_after_a_blast_leaves_the_blast_a_blast():
    # the sequel is another act within the incident: it joins the blast and does not rename it a shelling
    text = "В понедельник в Назрани у здания комендатуры прогремел взрыв. Сразу после взрыва военных обстреляли из автоматов."
    assert [t for t, _, _ in events_of(text)] == ["Remote explosive/landmine/IED"]


def test_a_protest_on_two_days_listed_in_one_sentence_is_two_events_and_their_shared_figure_neither_s():
    doc = extract(Document("t", "В Бишкеке акции протеста прошли в понедельник и во вторник, пострадали 28 человек.", PUBLISHED))
    assert [(e.date, e.injured) for e in doc.events] == [(date(2024, 5, 13), None), (date(2024, 5, 14), None)]
    assert [d for _, _, d in events_of("Митинги прошли 12 мая и 13 мая в Бишкеке.")] == [date(2024, 5, 12), date(2024, 5, 13)]


def test_an_arrest_told_with_its_criminal_case_is_an_arrest_of_its_own_day():
    text = ("В понедельник в Москве задержали активиста Иванова. "
            "В четверг в Москве задержали журналиста Петрова, против него возбуждено уголовное дело.")
    assert [(t, d) for t, _, d in events_of(text)] == [("Arrests", date(2024, 5, 13)), ("Arrests", date(2024, 5, 16))]


def test_shelling_on_two_days_one_sentence_lists_stays_two_events():
    dates = sorted(d for _, _, d in events_of("В понедельник и во вторник ВСУ обстреляли Белгород из РСЗО."))
    assert dates == [date(2024, 5, 13), date(2024, 5, 14)]


def test_an_attack_whose_case_is_an_attempt_on_officers_lives_is_a_clash_with_them():
    text = ("В среду в Назрани неизвестные открыли огонь по патрульной машине, двое погибли. "
            "После нападения возбуждено уголовное дело о посягательстве на жизнь сотрудников полиции.")
    assert [t for t, _, _ in events_of(text)] == ["Armed clash"]
    civilians = "В среду в Назрани неизвестные открыли огонь по прохожим, двое погибли. Возбуждено дело об убийстве."
    assert [t for t, _, _ in events_of(civilians)] == ["Attack"]


def test_a_photo_caption_of_the_blast_site_is_no_second_blast():
    text = ("В понедельник в Кабуле смертник подорвал себя у министерства, погибли шесть человек. "
            "На снимке: место взрыва у министерства в Кабуле.")
    assert [t for t, _, _ in events_of(text)] == ["Suicide bomb"]


def test_grenades_thrown_at_the_place_and_on_the_day_of_a_strike_are_part_of_it():
    text = ("В четверг в Триполи неизвестные с вертолета обстреляли здание министерства. "
            "Затем с вертолета метнули гранату, пострадавших нет.")
    assert [t for t, _, _ in events_of(text)] == ["Air/drone strike"]


def test_an_attack_aimed_at_police_officers_is_an_armed_clash_with_them():
    text = ("Во вторник в Хасавюрте неизвестный напал на полицейского у здания отдела.\n\n"
            "Мужчина открыл огонь из пистолета и ранил сотрудника, после чего скрылся.")
    assert [t for t, _, _ in events_of(text)] == ["Armed clash"]
    text = "Во вторник в Хасавюрте неизвестный открыл огонь по прохожим, ранены двое."
    assert [t for t, _, _ in events_of(text)] == ["Attack"]


def test_what_the_investigation_found_as_it_turned_out_is_part_of_the_attack():
    text = ("В среду в Нальчике неизвестный застрелил главу сельской администрации.\n\n"
            "Как выяснилось в субботу, нападение совершил его бывший охранник.")
    assert [t for t, _, _ in events_of(text)] == ["Attack"]


def test_a_caption_naming_protests_the_body_only_recalls_is_no_protest_of_that_day():
    text = ("Взрыв у здания суда в Гомеле\nПротесты в Белоруссии\n"
            "В среду в Гомеле у здания суда прогремел взрыв, пострадали двое.\n\n"
            "На протяжении последних трех месяцев власти сталкиваются с протестами оппозиции.")
    assert [t for t, _, _ in events_of(text)] == ["Remote explosive/landmine/IED"]
    text = "Протесты в Белоруссии\nВ среду в Гомеле у здания суда прогремел взрыв, пострадали двое."
    assert sorted(t for t, _, _ in events_of(text)) == ["Peaceful protest", "Remote explosive/landmine/IED"]


def test_a_strike_by_ballistic_missiles_on_two_listed_days_is_two_strikes_not_a_finding():
    text = ("Минобороны сообщило об ударах. 18 мая нанесен удар по объектам энергетики Украины. "
            "Также 15 и 16 мая нанесены удары баллистическими ракетами, уничтожены пусковые установки.")
    days = sorted(d for t, _, d in events_of(text) if t == "Shelling/artillery/missile attack")
    assert days == [date(2024, 5, 15), date(2024, 5, 16), date(2024, 5, 18)]


def test_a_speaker_tying_the_attempt_on_a_deputy_to_his_politics_adds_no_attack():
    text = ("В пятницу в Одессе у входа в офис партии взорвалось самодельное взрывное устройство, ранен депутат горсовета. "
            "«Покушение на депутата связано с его политической позицией», — написал лидер партии.")
    assert [e[0] for e in events_of(text)] == ["Remote explosive/landmine/IED"]


def test_the_guards_shots_and_the_intruders_arrest_at_the_scene_are_one_incident():
    text = ("Вооружённый мужчина проник на территорию резиденции президента в Минске.\n"
            "Охрана произвела два выстрела на поражение. Нарушитель ранен в ногу и задержан.\n"
            "По словам представителя службы, охранники открыли огонь после того, как мужчина пригрозил выстрелить.")
    assert [e[0] for e in events_of(text)] == ["Attack"]


def test_a_warning_shot_in_the_air_is_no_attack():
    from tests.detect.test_triggers import triggers

    assert triggers("Полицейский произвёл предупредительный выстрел в воздух.") == []
    assert triggers("Охранник произвёл выстрел в воздух.") == []
