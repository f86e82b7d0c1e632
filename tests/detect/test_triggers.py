from datetime import date

import pytest

from svodka.detect.triggers import NOT_AN_EVENT, detect, event_classes
from svodka.lexicon import data_rows
from svodka.model import Document
from tests.helpers import lemmatised


def triggers(text):
    doc = detect(lemmatised(text))
    return [(t.kind, t.modality, doc.text[t.start : t.end]) for t in doc.triggers]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("В центре Минска прошел митинг оппозиции.", "protest"),
        ("Сотни протестующих вышли на улицы.", "protest"),
        ("Рабочие завода объявили забастовку.", "protest"),
        ("Полиция разогнала собравшихся водометами.", "intervention"),
        ("В городе начались массовые беспорядки.", "riot"),
        ("Мародеры разграбили торговый центр.", "looting"),
        ("На окраине села завязалась перестрелка.", "clash"),
        ("Силовики ликвидировали трех боевиков.", "clash"),
        ("Неизвестный открыл стрельбу в торговом центре.", "attack"),
        ("Неизвестный выстрелил в спину политику.", "attack"),
        ("На рынке прогремел взрыв.", "explosion"),
        ("Смертник привел в действие пояс шахида.", "suicide_bomb"),
        ("Город подвергся артиллерийскому обстрелу.", "shelling"),
        ("Авиаудар пришелся по жилому кварталу.", "airstrike"),
        ("Ночью беспилотник атаковал нефтебазу.", "airstrike"),
        ("В регионе ввели комендантский час.", "emergency"),
        ("Президент обратился за помощью к ОДКБ.", "foreign_troops"),
        ("Полиция задержала оппозиционного политика в аэропорту.", "arrest"),
        ("Саперы обезвредили самодельное взрывное устройство.", "disrupted_weapons"),
        ("Саперы обнаружили взрывное устройство в подвале.", "disrupted_weapons"),
        ("При обыске в квартире нашли схрон с гранатами и патронами.", "disrupted_weapons"),
        ("Силовики обнаружили тайник с оружием в лесу под Нальчиком.", "disrupted_weapons"),
        ("У задержанного дома оказался оружейный схрон.", "disrupted_weapons"),
        ("Мужчина зарубил соседа топором.", "attack"),
    ],
)
def test_each_class_has_a_trigger(text, kind):
    assert kind in [k for k, _, _ in triggers(text)]


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Оппозиция намерена провести митинг в субботу.", "planned"),
        ("Активисты пригрозили устроить забастовку.", "threatened"),
        ("В МВД опровергли сообщения о перестрелке.", "denied"),
        ("Если власти не уступят, начнется забастовка.", "hypothetical"),
        ("Митинг пройдет в воскресенье.", "planned"),
        ("Митинг прошел в воскресенье.", "actual"),
        ("В рамках расследования терактов в Самаре полиция провела обыски.", "background"),
        ("Подозреваемый в причастности к взрыву на вокзале дает показания.", "background"),
        ("Организатор нападения на пост ДПС объявлен в розыск.", "background"),
        ("Профсоюз пообещал устроить забастовку.", "planned"),
        ("Аэропорт закрыт из-за угрозы атаки беспилотников.", "threatened"),
        ("С начала войны в результате обстрелов погибли тысячи человек.", "background"),
        ("Потенциально это ведет к насилию и беспорядкам.", "hypothetical"),
        ("На совещании обсуждали вопросы, связанные с беспорядками в Самаре.", "background"),
        ("Шествие обошлось без происшествий и задержаний.", "actual"),
        ("Министр призвал нанести ответный удар по боевикам.", "planned"),
        ("Несмотря на аресты, активисты продолжают работу.", "background"),
        ("Прокуроры хотят арестовать бывшего министра.", "planned"),
    ],
)
def test_modality_of_the_clause(text, modality):
    found = triggers(text)
    assert found and found[0][1] == modality


@pytest.mark.parametrize(
    "text, event",
    [
        ("Задержан фигурант уголовного дела о стрельбе в кафе.", "стрельбе"),
        ("Задержанный признался в убийстве журналиста.", "убийстве"),
        ("Протесты провалились, заявил министр, говоря о митингах оппозиции.", "митингах"),
        ("Блогера задержали за канал, через который курировали протесты в республике.", "протесты"),
        ("Предполагаемый участник нападения на редакцию задержан в среду.", "нападения"),
    ],
)
def test_an_event_named_by_a_case_or_a_confession_is_background(text, event):
    assert [modality for _, modality, found in triggers(text) if found == event] == ["background"]


@pytest.mark.parametrize(
    "text",
    [
        "В ДТП на трассе погибли три человека.",
        "Фильм о теракте выходит в прокат.",
        "Боксер нокаутировал соперника в первом бою.",
        "Суд приговорил участника беспорядков к пяти годам.",
        "Из-за урагана погибли люди, начались пожары.",
        "Новый респираторный синдром уже убил в Гонконге 10 человек.",
        "Газ взорвался в частном доме на окраине Твери.",
        "После взрыва на АЗС в Казани пострадали двое.",
        "Взорвавшийся газовый баллон повредил гараж.",
        "Охотник случайно застрелил напарника в лесу.",
    ],
)
def test_no_triggers_outside_political_violence(text):
    assert triggers(text) == []


def test_an_event_noun_after_without_did_not_happen_but_a_verb_after_it_did():
    assert triggers("Шествие обошлось без происшествий и задержаний.") == [
        ("protest", "actual", "Шествие"),
        ("arrest", "denied", "задержаний"),
    ]
    assert triggers("Без объяснения причин полиция задержала двоих активистов.") == [("arrest", "actual", "задержала")]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Утром снайпер застрелил нападавшего.", ("clash", "actual", "застрелил нападавшего")),
        ("Полицейские у вокзала застрелили вооруженного мужчину.", ("clash", "actual", "Полицейские у вокзала застрелили")),
    ],
)
def test_security_forces_killing_an_attacker_is_an_armed_clash(text, found):
    assert triggers(text) == [found]


def test_a_demonstration_with_demands_is_a_firm_protest_trigger():
    assert triggers("В столице прошли демонстрации с требованием отставки мэра.") == [
        ("protest", "actual", "демонстрации с требованием")
    ]


def test_capitalised_abbreviations_keep_their_letters():
    assert ("emergency", "actual", "режим КТО") in triggers("В районе действует режим КТО.")


def test_every_trigger_class_is_defined():
    classes = event_classes()
    for row in data_rows("detect/triggers.tsv"):
        assert row[1].strip() in classes or row[1].strip() == NOT_AN_EVENT, row


@pytest.mark.parametrize(
    "text",
    [
        "Рейс Москва — Сочи задерживают из-за тумана.",
        "Суд снял арест с имущества компании.",
        "Чиновники похитили 13 млрд рублей бюджетных средств.",
        "Разгон до 100 км/ч занимает 7 секунд.",
        "Пожарные ликвидировали возгорание на складе.",
        "Новый вкус обещает взрыв эмоций.",
        "Вселенная возникла после Большого взрыва.",
        "Банкоматы задерживают карты иностранных банков.",
        "Счета компании арестованы.",
        "Регулятор своей ставкой разгоняет инфляцию.",
        "Активист вышел на свободу после 15 суток административного ареста.",
        "В субботу были арестованы, соответственно, на 10 и 15 суток два активиста.",
        "Приставы арестовали машину должника.",
        "Активиста отправили под домашний арест до 5 января.",
        "Правительство одобрило поставку армии противопехотных мин.",
        "Учитель нашел у школьника устройство для курения.",
    ],
)
def test_phrases_that_are_not_events_mask_their_trigger_words(text):
    assert triggers(text) == []


def test_a_film_review_yields_no_triggers_even_where_a_sentence_names_violence():
    review = (
        "Новый фильм режиссера выходит в прокат в четверг. "
        "Герой картины расследует теракт в метро. "
        "Актеры сыграли убедительно, а сериал по мотивам фильма уже снимается."
    )
    assert triggers(review) == []
    assert triggers("Новый фильм выходит в прокат. В центре города прошел митинг. Полиция задержала десять человек. Шествие продолжилось. Акция завершилась.") != []


def test_a_dispersal_and_a_fire_on_a_rallys_participants_are_excessive_force():
    assert triggers("Полиция открыла огонь по участникам митинга у здания акимата.")[0][:2] == ("excessive_force", "actual")


def test_smashing_a_building_is_property_destruction():
    assert triggers("Неизвестные разгромили здание городской администрации.") == [
        ("looting", "actual", "разгромили здание")
    ]


def test_a_sentence_repeated_word_for_word_is_not_a_second_mention():
    found = triggers("**В Бишкеке прошел митинг**\nВ Бишкеке прошел митинг. Полиция наблюдала.")
    assert found == [("protest", "actual", "митинг")]


def test_animals_attacking_are_no_event():
    assert triggers("Стая косаток напала на дельфина у берегов Норвегии.") == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Протестующие забрасывают полицию камнями.", "забрасывают полицию камнями"),
        ("Протестующие у мэрии бросили коктейль Молотова.", "Протестующие у мэрии бросили"),
        ("Демонстранты у парламента сломали ворота.", "Демонстранты у парламента сломали"),
        ("Толпа обстреливает спецназ и полицию петардами.", "обстреливает спецназ и полицию петардами"),
        ("На проспекте выстроили баррикады из мусорных баков.", "выстроили баррикады"),
        ("Оппозиция устроила столкновения у здания правительства.", "устроила столкновения"),
    ],
)
def test_demonstrators_throwing_missiles_building_barricades_or_breaking_in_are_a_riot(text, found):
    assert ("riot", "actual", found) in triggers(text)


def test_fireworks_at_a_celebration_are_no_riot():
    assert triggers("В День города над набережной запустили праздничный салют.") == []


@pytest.mark.parametrize(
    "text",
    [
        "В Твери горит квартира на девятом этаже. Соседи слышали звук, похожий на взрыв.",
        "Момент взрыва на химическом заводе. Предварительно, хлопок произошел при проведении работ на трубопроводе.",
        "Пожар в жилом комплексе в Казани. Очевидцы говорят, что перед этим слышали взрыв.",
        "В Грозном взорвалась заправка.",
        "Вожатый показывал детям химический опыт, и произошел взрыв.",
    ],
)
def test_an_explosion_with_no_weapon_in_a_text_that_tells_a_fire_or_an_accident_is_an_accident(text):
    assert triggers(text) == []


def test_a_firm_strike_stands_beside_the_fire_it_caused_but_a_regime_against_a_storm_does_not():
    assert triggers("После атаки беспилотника на нефтебазу начался пожар.") == [("airstrike", "actual", "атаки беспилотника")]
    assert triggers("В городе ввели режим ЧС из-за сильного снегопада.") == []


def test_an_explosion_told_with_a_strike_is_kept_though_the_text_tells_a_fire():
    assert [k for k, _, _ in triggers("Ночью дроны атаковали Курск. Прогремел взрыв. Начался пожар.")] == ["airstrike", "explosion"]


@pytest.mark.parametrize(
    "text",
    [
        "Охранник попросил посетителя выйти на улицу.",
        "Рейсы на вылет и на прилет задержаны.",
        "Бывшего чиновника арестовали на два месяца.",
        "Полиция ликвидировала в порту преступную группировку контрабандистов.",
        "Пакет военной помощи включает снаряды для РСЗО.",
        "Журналисты смоделировали ядерный удар по столице.",
        "Тринадцать собак напали на прохожего.",
        "Сбежавшие из вольера обезьяны напали на полицейский участок.",
        "Генерал заявил, что никакой подсчет не отвечает количеству выпущенных армией ракет и дронов.",
    ],
)
def test_phrases_that_look_like_events_but_are_not(text):
    from svodka.pipeline import extract

    assert extract(Document("t", text, date(2024, 12, 1))).events == []


def test_going_out_into_the_street_is_a_protest_only_with_a_crowd_counted():
    from svodka.pipeline import extract

    assert [(t.kind, t.weight) for t in detect(lemmatised("Жители вышли на улицы.")).triggers] == [("protest", 0.6)]
    (e,) = extract(Document("t", "Тысячи человек вышли на улицы Тбилиси.", date(2024, 12, 1))).events
    assert (e.sub_event_type, e.crowd.min) == ("Peaceful protest", 1000)


def test_an_attack_named_in_a_charge_is_background():
    assert triggers("Подросткам предъявлено обвинение в совершении террористического акта.") == [
        ("attack", "background", "террористического акта")
    ]


@pytest.mark.parametrize("text", ["Напарник открыл по агрессору огонь.", "Полицейский открыл огонь по нападавшему."])
def test_opening_fire_on_the_attacker_is_an_armed_clash(text):
    assert [k for k, _, _ in triggers(text)] == ["clash"]


def test_a_raid_of_shahed_drones_is_an_air_strike():
    assert triggers("Налет шахедов на Одессу продолжается.") == [("airstrike", "actual", "Налет шахедов")]


@pytest.mark.parametrize(
    "text, sub_event_type",
    [
        ("Авиация нанесла удар по складу боеприпасов под Идлибом.", "Air/drone strike"),
        # no means named: a missile attack (ANNOTATION.md, War reporting)
        ("Удар был нанесен по нефтебазе в Калужской области.", "Shelling/artillery/missile attack"),
    ],
)
def test_a_strike_someone_delivered_stands_alone_of_the_sub_type_of_its_means(text, sub_event_type):
    from svodka.pipeline import extract

    (e,) = extract(Document("t", text, date(2024, 12, 1))).events
    assert e.sub_event_type == sub_event_type and e.modality == "actual"


@pytest.mark.parametrize(
    "text", ["Новые пошлины нанесли удар по экономике страны.", "Скандал нанес серьезный удар по репутации компании."]
)
def test_a_blow_to_the_economy_or_a_reputation_is_a_figure_of_speech(text):
    assert triggers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "В кафе на юге города после ссоры посетитель застрелил официанта. Стрелка задержали.",
        "В электричке между пассажирами случился конфликт, мужчина ударил попутчика ножом. Нападавшего задержали.",
        "Грабитель напал на пенсионерку в подземном переходе и отнял сумку. Полиция задержала подозреваемого.",
        "Пьяный мужчина зарезал сожительницу в квартире на окраине города.",
        "Двое водителей не смогли разъехаться во дворе, один из них открыл стрельбу по машине другого.",
        "Мужчину избили и похитили из-за долга в два миллиона рублей.",
        "Во дворе жилого комплекса одна компания молодых людей убегала от другой, которая открыла огонь.",
    ],
)
def test_a_private_crime_with_no_political_side_is_no_event(text):
    assert triggers(text) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("После ссоры с охраной боевики открыли стрельбу по посетителям кафе.", "attack"),
        ("Пьяный мужчина напал с ножом на журналиста у здания редакции.", "attack"),
        ("Неизвестный открыл стрельбу в торговом центре, погибли пять человек.", "attack"),
        ("Водитель застрелил полицейского на посту ДПС после ссоры с сослуживцами из военной части.", "attack"),
    ],
)
def test_a_political_side_or_no_motive_keeps_the_act(text, kind):
    assert kind in {k for k, _, _ in triggers(text)}


def test_an_arrest_told_alone_needs_a_political_side():
    assert triggers("В Подмосковье полиция задержала двух подростков.") == []
    assert [k for k, _, _ in triggers("В Подмосковье полиция задержала двух активистов.")] == ["arrest"]
    # the arrest of a gunman with no motive told stays, as part of his attack
    assert {k for k, _, _ in triggers("Стрелок открыл огонь в школе, его задержали.")} >= {"attack", "arrest"}


@pytest.mark.parametrize(
    "text",
    [
        "Сотрудники ФСБ задержали мужчину по подозрению в подготовке теракта.",
        "Полиция задержала двоих, они подозреваются в нападении на пост полиции.",
        "Задержаны четверо сторонников ИГИЛ, готовивших взрыв на вокзале.",
    ],
)
def test_an_arrest_on_suspicion_is_an_arrest_and_the_act_suspected_is_not_actual(text):
    found = triggers(text)
    assert ("arrest", "actual") in {(k, m) for k, m, _ in found}
    assert all(m != "actual" for k, m, _ in found if k != "arrest"), found


@pytest.mark.parametrize(
    "text",
    [
        "Напомним, в торговом центре города прогремел взрыв.",
        "Ранее в Махачкале боевики обстреляли пост полиции.",
        "Прежде протестующие уже забрасывали полицию камнями.",
    ],
)
def test_a_sentence_recalling_an_undated_incident_is_background(text):
    assert [m for _, m, _ in triggers(text)] and all(m == "background" for _, m, _ in triggers(text))


def test_a_recalled_incident_with_a_day_is_left_to_the_thirty_days_rule():
    doc = detect(lemmatised("Напомним, 2 ноября в Махачкале боевики обстреляли пост полиции.", date(2024, 11, 6)))
    assert [t.modality for t in doc.triggers] == ["actual"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Стрельба стала самой кровавой в истории штата, превзойдя стрельбу в Лас-Вегасе.", "attack"),
        ("Нынешний кризис, как и погромы в столице год назад, начался с повышения цен.", "riot"),
        ("После мартовских терактов в Брюсселе в стране действуют усиленные меры безопасности.", "attack"),
    ],
)
def test_an_incident_compared_with_or_named_by_its_month_is_background(text, kind):
    assert (kind, "background") in {(k, m) for k, m, _ in triggers(text)}


def test_hostage_taking_is_an_abduction():
    assert ("abduction", "actual") in {(k, m) for k, m, _ in triggers("Боевики захватили заложников в здании школы.")}


@pytest.mark.parametrize(
    "text",
    [
        "За три месяца протестов в стране погибли 40 человек.",
        "С начала протестов полиция задержала более тысячи человек.",
    ],
)
def test_a_recap_of_a_period_is_no_event_of_its_own(text):
    found = triggers(text)
    assert found and all(m == "background" for _, m, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "«Мы живем с вами в режиме КТО, к сожалению», — сказал чиновник.",
        "В рамках режима КТО на улицах проверяют документы.",
        "В условиях военного положения выборы не проводятся.",
    ],
)
def test_a_regime_in_force_is_no_new_regime(text):
    found = [(k, m) for k, m, _ in triggers(text) if k == "emergency"]
    assert found and all(m == "background" for _, m in found), found


def test_a_regime_declared_now_stays_actual():
    assert [(k, m) for k, m, _ in triggers("Власти ввели режим КТО в трех районах.")] == [("emergency", "actual")]


def test_fans_fighting_at_a_match_are_mob_violence_though_the_text_is_about_sport():
    text = ("Трагедия на футбольном матче в столице. Во время игры судья назначил спорный пенальти. "
            "На поле выбежали болельщики, началась драка. В давке и столкновениях погибли десятки человек.")
    assert "mob" in {k for k, _, _ in triggers(text)}


def test_a_match_report_still_tells_no_event():
    text = "Нападающий расстрелял ворота соперника. Матч завершился разгромом хозяев. Турнир продолжится в пятницу."
    assert triggers(text) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Боевики сбили из переносного зенитного ракетного комплекса вертолет федеральных сил.", "clash"),
        ("Вертолет был сбит над горным селом, погибли трое членов экипажа.", "clash"),
        ("Военные обстреляли с вертолета колонну беженцев.", "airstrike"),
    ],
)
def test_an_aircraft_downed_or_firing_is_an_act(text, kind):
    assert kind in {k for k, _, _ in triggers(text)}


def test_a_post_about_the_second_world_war_tells_no_event():
    text = ("Сегодня 85 лет с начала Второй мировой войны. Подборка статей на эту тему. "
            "Почему стратегические бомбардировки не переломили ход Второй мировой? "
            "Главные загадки Великой Отечественной. "
            "Штурм Берлина: напрасные жертвы или спасенные жизни?")
    assert triggers(text) == []


def test_a_fuel_tank_blast_is_an_accident():
    assert triggers("Момент взрыва цистерны с топливом на окраине города попал на видео.") == []


def test_an_ordinary_criminal_case_is_a_private_crime():
    text = ("Тело похищенной женщины нашли в лесополосе. Возбуждено дело об убийстве, "
            "совершённом группой лиц по предварительному сговору.")
    assert [k for k, m, _ in triggers(text) if m != "background"] == []


def test_blaming_instigators_reports_no_riot():
    assert triggers("Сенатор назвал западных политиков подстрекателями беспорядков.") == [
        ("riot", "background", "беспорядков")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Возбуждено дело по ч. 2 ст. 105 (покушение на убийство двух лиц).",
        "Следователи возбудили дело по статье «Убийство».",
    ],
)
def test_the_name_of_a_criminal_code_article_is_no_act(text):
    found = triggers(text)
    assert found and all(m == "background" for _, m, _ in found), found


def test_a_bracketed_aside_that_is_no_article_stays_an_act():
    assert ("death", "actual") in {(k, m) for k, m, _ in triggers("Боевики напали на пост (погибли двое полицейских).")}


def test_an_arrest_beside_only_the_article_it_is_made_under_is_still_alone():
    assert [k for k, m, _ in triggers("Дело возбуждено по статье «Убийство». Полиция задержала подозреваемого.")
            if m != "background"] == []


def test_sexual_violence_is_an_event_only_with_a_political_side():
    assert triggers("Массажист изнасиловал клиентку в салоне на окраине города.") == []
    assert ("sexual_violence", "actual") in {
        (k, m) for k, m, _ in triggers("Военные похищают женщин и насилуют их, изнасилования идут в лагерях.")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Злоумышленники напали на женщину у подъезда и отобрали у неё 200 тысяч рублей.",
        "Подросток зарубил мать топором в деревенском доме.",
        "Стрельба в центре города произошла после конфликта в кафе, участники скрылись.",
        "Пантера напала на ребёнка в цирке.",
    ],
)
def test_more_private_crimes_and_mishaps_are_no_event(text):
    assert [k for k, m, _ in triggers(text) if m != "background"] == []


def test_a_gunman_killing_a_father_and_son_is_not_a_domestic_crime():
    text = "Через несколько часов стрелок убил двух человек — отца и сына — у автосалона."
    assert "killing" in {k for k, _, _ in triggers(text)}


def test_a_cinema_is_a_place_not_a_film():
    text = "Неизвестный напал с молотком на посетителей кинотеатра. Полиция открыла огонь, нападавший ранен."
    assert "attack" in {k for k, _, _ in triggers(text)}
    assert triggers("Новый фильм о теракте выходит в прокат. Режиссер снимал сцены взрывов в кинотеатре.") == []


def test_a_brawl_is_mob_violence_between_communities_and_crime_between_teenagers():
    communal = "Из-за ссоры у заправки произошла массовая драка между жителями селений Верхнее и Нижнее, погибли семь человек."
    assert "mob" in {k for k, _, _ in triggers(communal)}
    private = "После массовой драки в торговом центре арестовали подростка, он стал инициатором конфликта."
    assert [k for k, m, _ in triggers(private) if m != "background"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Открытое горение на складе ликвидировано, никто не пострадал.",
        "Собака загрызла домработницу на участке загородного дома.",
        "Женщина напала с ножом на свою спящую дочь после ночного кошмара.",
        "Бизнесмена застрелили из-за разногласий с компаньоном, стрелок скрылся.",
    ],
)
def test_a_fire_put_out_an_animal_a_family_or_a_business_row_is_no_event(text):
    assert [k for k, m, _ in triggers(text) if m != "background"] == []


def test_small_arms_fire_is_no_shelling():
    assert [k for k, _, _ in triggers("Боевики обстреляли из автомата машину полиции на трассе.")] == ["attack"]
    assert "shelling" in {k for k, _, _ in triggers("Армия обстреляла город из РСЗО.")}


def test_a_cordon_beside_a_brawl_tells_no_political_event():
    text = "Так выглядит ресторан после стрельбы. Официанты убирают последствия драки, заведение оцеплено."
    assert [k for k, m, _ in triggers(text) if k != "intervention" and m != "background"] == []


def test_an_official_arrested_for_a_bribe_is_no_arrests_event_but_an_attack_on_one_is_political():
    assert [k for k, m, _ in triggers("Министра транспорта области задержали за взятку в ресторане. Его задержали с поличным.")
            if m != "background"] == []
    assert "attack" in {k for k, _, _ in triggers("Неизвестный стрелял в помощника депутата через окно, тот ранен.")}


def test_an_earlier_report_of_the_incident_is_no_recalled_incident():
    doc = detect(lemmatised("Ранее Следственный комитет сообщал о 13 погибших при стрельбе в колледже.", date(2024, 11, 6)))
    assert "actual" in {t.modality for t in doc.triggers}


def test_a_reference_word_governs_an_event_noun_not_a_verb():
    found = {(k, m) for k, m, _ in triggers("Глава полиции сообщил, что стрелок открыл огонь в магазине, а подозреваемый задержан.")}
    assert ("arrest", "actual") in found


def test_a_strike_on_a_war_memorial_today_is_news():
    text = "Беспилотник атаковал мемориал Великой Отечественной войны в центре города. Пострадавших нет."
    assert "airstrike" in {k for k, _, _ in triggers(text)}


def test_a_drone_strike_on_a_stadium_during_a_match_is_news():
    assert "airstrike" in {k for k, _, _ in triggers("Во время футбольного матча беспилотник атаковал стадион, ранены трое.")}


@pytest.mark.parametrize(
    "text",
    [
        "Мещанский суд заочно арестовал прокурора Международного уголовного суда.",
        "Судью арестовали заочно по делу о незаконном задержании.",
        "Депутаты приняли закон о порядке работы судов во время военного положения.",
        "Ограничения действуют на период чрезвычайного положения.",
    ],
)
def test_a_ruling_in_absentia_and_a_regime_named_as_a_period_are_no_event(text):
    assert [k for k, m, _ in triggers(text) if m == "actual"] == []


def kinds_of_events(text):
    from svodka.pipeline import extract
    doc = extract(Document("t", text, date(2024, 11, 20)))
    return [e.sub_event_type for e in doc.events if e.modality == "actual"]


def test_an_incendiary_thrown_by_two_men_is_property_destruction_and_by_protesters_a_riot():
    assert kinds_of_events("Двое подростков бросили коктейль Молотова в окно военкомата в Твери.") == ["Looting/property destruction"]
    assert kinds_of_events("На митинге в Ереване в полицейских полетели коктейли Молотова.") == ["Violent demonstration"]


def test_a_fire_set_at_a_railway_by_order_of_handlers_is_property_destruction():
    assert kinds_of_events("В Самаре подросток по заданию кураторов поджёг релейный шкаф на железной дороге.") == ["Looting/property destruction"]


@pytest.mark.parametrize(
    "text",
    [
        "Генштаб Тайваня привёл армию в состояние полной боевой готовности.",
        "Министр обороны Сербии приказал войскам быть готовыми к любому развитию событий, резервистам явиться в части.",
    ],
)
def test_armed_forces_put_on_alert_are_an_emergency_measure(text):
    assert kinds_of_events(text) == ["Other"]


def test_a_readiness_check_is_an_exercise():
    assert kinds_of_events("В Центральном военном округе началась внезапная проверка боевой готовности войск.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Посольство России в Норвегии в третий раз подверглось вандализму, сообщили в дипмиссии.",
        "Неизвестные облили краской памятник советским воинам в Праге.",
    ],
)
def test_an_embassy_or_a_monument_defaced_is_property_destruction(text):
    assert kinds_of_events(text) == ["Looting/property destruction"]


def test_a_neighbours_car_splashed_with_paint_is_no_event():
    assert kinds_of_events("Вандалы облили краской машину соседа в Уфе.") == []


@pytest.mark.parametrize(
    "text",
    [
        # an official who tells of the arrest is no side of it, and an escape from custody is a crime
        "Трое заключённых сбежали из колонии под Саратовом. Двоих беглецов задержали в соседней области, сообщил губернатор.",
        "Полиция задержала двух подростков, сообщил мэр города.",
        # the quarrel's parties going out into the street is no protest beside the crime
        "После ссоры в баре двое посетителей вышли на улицу, где один из них открыл стрельбу.",
    ],
)
def test_a_private_crime_told_by_an_official_or_with_people_going_outside_is_no_event(text):
    assert triggers(text) == []


def test_an_attack_on_an_official_stays_political():
    assert "attack" in {k for k, _, _ in triggers("Неизвестный напал с ножом на мэра города у здания администрации.")}


@pytest.mark.parametrize(
    "text", ["Политик заявил, что страна воюет, потому что на Украину напала Россия.", "Россия напала на Украину почти три года назад."]
)
def test_one_state_attacking_another_is_the_war_told_as_a_cause_not_an_attack(text):
    assert triggers(text) == []


def test_an_attack_on_a_citizen_of_a_country_stays_an_attack():
    assert [k for k, _, _ in triggers("Неизвестный напал на жителя Украины в парке.")] == ["attack"]


@pytest.mark.parametrize(
    "text",
    ["В сирийском Идлибе антиправительственные войска захватили центр города.", "Повстанческие отряды взяли под контроль аэропорт Хамы."],
)
def test_forces_named_by_their_side_taking_a_place_overtake_territory(text):
    assert [k for k, _, _ in triggers(text)] == ["overtake"]


def test_a_speaker_before_a_gathering_is_a_rally_beside_a_firm_protest_of_the_text():
    from svodka.pipeline import extract

    text = ("В Праге прошел митинг в поддержку политзаключенных. Тем временем в Вене перед собравшимися "
            "выступил известный писатель.")
    events = extract(Document("t", text, date(2024, 12, 1))).events
    assert sorted(e.location.place.name for e in events) == ["Вена", "Прага"]
    # alone, a speech before those gathered is no protest: a ceremony, a concert
    assert extract(Document("t", "В Вене перед собравшимися выступил известный писатель.", date(2024, 12, 1))).events == []


@pytest.mark.parametrize(
    "text",
    [
        "Газовый баллон взорвался в кафе на окраине Самары, пострадали трое посетителей.",
        "Вейп взорвался в кармане у студента в Казани.",
        "Причиной взрыва в частном доме стала неисправная газовая колонка, хозяйка пострадала.",
        "Молния убила туриста на горной тропе.",
        "Удар молнии по группе отдыхающих на пляже ранил четверых.",
    ],
)
def test_household_blasts_told_thing_first_and_lightning_are_no_events(text):
    from svodka.pipeline import extract

    assert extract(Document("t", text, date(2024, 12, 1))).events == []


@pytest.mark.parametrize(
    "text",
    [
        "Водитель выстрелил в соседа по парковке за замечание о громкой музыке.",
        "Серийный убийца задержан в Омске. Он убил пятерых женщин.",
        "Маньяк напал на девушку в лесопарке Омска.",
        "Воришка напал на пенсионерку в метро.",
        "Мужчина напал на пассажирку метро, чтобы присвоить её сумку.",
        "Контрабандист напал на водителя грузовика.",
        "Кот убил своего хозяина в Тверской области.",
        "Рекламный щит, сорванный сильным ветром, убил прохожего.",
        "Ответ чиновника просто убил читателей.",
    ],
)
def test_crime_over_a_remark_serial_killers_petty_thieves_pets_wind_and_figures_of_speech_are_no_events(text):
    from svodka.pipeline import extract

    assert extract(Document("t", text, date(2024, 12, 1))).events == []


def test_a_stranger_stabbing_shoppers_stays_an_attack():
    from svodka.pipeline import extract

    (e,) = extract(Document("t", "Неадекватный мужчина с ножом напал на покупателей в торговом центре Казани, ранены трое.",
                            date(2024, 12, 1))).events
    assert e.sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "У входа в бар подрались несколько мужчин, затем один из них открыл стрельбу из травматического пистолета.",
        "Во дворе в Твери неизвестные устроили поножовщину: один из них с ножом напал на прохожего.",
        "Прохожий напал с кулаками на студентку у остановки.",
        "Пенсионера убили в сквере, когда он заступился за соседку.",
    ],
)
def test_a_fight_a_fist_assault_or_a_man_killed_standing_up_for_others_is_private_crime(text):
    assert triggers(text) == []


def test_a_market_blown_up_by_news_is_a_figure_of_speech_in_either_order():
    assert triggers("Рынок криптовалют вчера взорвала новость о запуске новой биржи.") == []


def test_an_event_told_only_as_an_unconfirmed_report_is_not_told_as_having_happened():
    text = "Информация о задержании активиста, которую распространили несколько каналов, пока не подтверждается."
    assert triggers(text) == [("arrest", "denied", "задержании")]
    # told as having happened, then doubted: actual (and unconfirmed, attach/sources)
    assert [m for _, m, _ in triggers("Активиста задержали утром. Информация об этом пока не подтверждается.")] == ["actual"]
    assert [m for _, m, _ in triggers("Информация о задержании активиста подтвердилась.")] == ["actual"]


def test_a_court_s_building_fired_at_is_a_place_not_a_court_case():
    assert [k for k, _, _ in triggers("Неизвестные обстреляли здание городского суда из автомата.")] == ["attack"]
    assert [k for k, _, _ in triggers("У здания суда прошел пикет в поддержку журналиста.")] == ["protest"]
    assert triggers("Суд приговорил участника нападения к десяти годам.") == []


def test_grenades_thrown_are_a_grenade_attack_in_the_plural_too():
    assert [k for k, _, _ in triggers("В окно полицейского участка были брошены две гранаты.")] == ["grenade"]


def test_a_thing_stolen_is_no_abduction():
    assert triggers("Вечером грабители похитили автомобиль директора рынка.") == []
    assert [k for k, _, _ in triggers("Угнанный и похищенный у армии вертолет обстрелял казармы.")] == ["airstrike"]
    assert [k for k, _, _ in triggers("Боевики похитили журналиста в пригороде.")] == ["abduction"]


def test_a_tally_over_days_of_protest_is_a_recap_not_an_event():
    assert {m for _, m, _ in triggers("За четыре дня протестов нападениям подверглись 30 журналистов.")} == {"background"}
    assert ("arrest", "actual", "задержала") in triggers("За день до митинга полиция задержала двоих активистов.")


def test_clashes_of_protesters_are_a_riot_whatever_lemma_the_participle_takes():
    assert [k for k, _, _ in triggers("Ночью у парламента прошли столкновения протестующих.")] == ["riot"]


def test_a_road_blocked_with_demands_and_a_rally_in_memory_are_protests():
    assert [k for k, _, _ in triggers("Жители перекрыли трассу у въезда в поселок, требуя ремонта моста.")] == ["protest"]
    assert triggers("Полиция перекрыла движение по проспекту.") == []
    assert [k for k, _, _ in triggers("В Самаре прошла акция в память о погибшем активисте.")][:1] == ["protest"]


def test_a_text_telling_fans_fighting_at_a_match_keeps_what_its_sentences_without_the_game_tell():
    text = ("Матч в Жилине был прерван из-за беспорядков, устроенных болельщиками гостей.\n\n"
            "Судья остановил матч на пятой минуте.\n\n"
            "Накануне в Москве сотни болельщиков провели митинг у здания полиции.")
    kinds = [k for k, _, _ in triggers(text)]
    assert "riot" in kinds and "protest" in kinds


def test_an_official_taking_charge_takes_no_territory():
    assert triggers("Губернатор взял ситуацию на личный контроль.") == []
    assert triggers("Прокуратура взяла расследование под контроль.") == []
    assert [k for k, _, _ in triggers("Армия взяла под контроль город.")] == ["territory"]


def test_what_a_speaker_supposes_a_blast_to_be_is_no_act():
    found = {(k, m) for k, m, _ in triggers("Жители сообщают о взрывах в городе, предполагая, что это стрельба ПВО по беспилотникам.")}
    assert ("explosion", "actual") in found and ("interception", "hypothetical") in found
    assert ("interception", "actual") not in found


def test_an_event_noun_joined_to_one_the_sentence_refers_to_is_referred_to_as_well():
    found = triggers("После прошлогодних терактов в Мадриде, а также серии терактов в Лондоне в Испании усилены меры безопасности.")
    assert [(kind, modality) for kind, modality, _ in found if kind == "attack"] == [("attack", "background"), ("attack", "background")]
    # an act told on its own beside the one recalled stays news
    told = triggers("После прошлогодних терактов в Мадриде вчера неизвестный открыл стрельбу на вокзале.")
    assert ("attack", "actual", "открыл стрельбу") in told


def test_people_detained_at_a_rally_however_it_is_named_tell_a_protest_met_by_the_police():
    assert [kind for kind, _, _ in triggers("У задержанных на акции за честные выборы изъяли телефоны.")] == ["intervention"]
    assert [kind for kind, _, _ in triggers("Двоих студентов задержали в ходе шествия за отставку мэра.")] == ["intervention"]
