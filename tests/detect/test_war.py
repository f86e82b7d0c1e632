"""War reporting (ANNOTATION.md): strikes, interceptions, ground fighting, counts and non-events,
on short reports written for the tests in the manner of either side's summaries and posts."""
from datetime import date

import pytest

from svodka.detect.triggers import detect
from svodka.model import Document
from svodka.pipeline import extract
from tests.helpers import lemmatised

PUBLISHED = date(2024, 11, 20)


def kinds(text):
    return [t.kind for t in detect(lemmatised(text)).triggers if t.modality == "actual"]


def events(text):
    doc = extract(Document("war", text, PUBLISHED))
    return [e for e in doc.events if e.modality == "actual"]


def types(text):
    return [(e.event_type, e.sub_event_type) for e in events(text)]


AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
DISRUPTED = ("Strategic developments", "Disrupted weapons use")
CLASH = ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Российские военные поразили пункт управления ВСУ в Харьковской области.", SHELLING),
        ("Артиллеристы нанесли удар по позициям противника под Курском.", SHELLING),
        ("Украинские войска ударили ракетами по депо в Донецке.", SHELLING),
        ("В Курске прогремели взрывы после атаки дронов.", AIR),
        ("Ракетный удар по Одессе повредил здания в порту.", SHELLING),
        ("По объектам энергетики в Киеве нанесён удар.", SHELLING),
        ("Атаке беспилотников подверглась Брянская область.", AIR),
        ("В Харьковской области уничтожены склады боеприпасов.", SHELLING),
        ("Вражеский дрон сбросил взрывное устройство на автомобиль в Горловке.", AIR),
        ("Авиация нанесла удар ФАБами по опорному пункту в Волчанске.", AIR),
        ("Самолеты ВВС Ирака уничтожили склад и группу боевиков в провинции Анбар.", AIR),
        ("Вертолеты армии атаковали колонну боевиков у Идлиба.", AIR),
        ("Самолеты ВВС Сирии уничтожили реактивную систему залпового огня у Хамы.", AIR),
        ("Удар нанесен в районе аэродрома в Николаевской области, там прогремел взрыв.", SHELLING),
    ],
)
def test_a_remote_strike_in_any_phrasing_and_voice_is_one_strike(text, expected):
    assert types(text) == [expected]


def test_a_hit_told_as_a_landing_stands_with_its_casualties():
    assert types("Ночью в Белгороде был прилёт по промзоне, пострадали двое.") == [SHELLING]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Беспилотники нанесли удар по нефтебазе в Брянске.", AIR),
        ("Ударные дроны «Герань» поразили подстанцию в Харьковской области.", AIR),
        ("Барражирующий боеприпас «Ланцет» поразил зрк в Херсонской области.", AIR),
        ("ВКС нанесли удар по скоплению техники у Курахово.", AIR),
        ("РСЗО «Град» нанесли удар по позициям у Горловки.", SHELLING),
        ("Ракетой «Искандер» нанесён удар по пункту дислокации в Николаевской области.", SHELLING),
        ("Противник нанёс удар по Сумам ракетами HIMARS.", SHELLING),
        ("Корабли нанесли удар ракетами «Калибр» по аэродрому в Хмельницкой области.", SHELLING),
    ],
)
def test_a_strike_takes_its_sub_type_from_its_means(text, expected):
    assert types(text) == [expected]


def test_a_blow_with_a_knife_is_no_remote_strike():
    assert types("В Самаре мужчина нанёс соседу удар ножом по голове.") == []


def test_a_strike_told_without_and_with_its_means_the_same_day_is_one_strike_of_those_means():
    text = "В результате удара по Купянску погибли два человека. Прокуратура уточнила, что это был авиаудар по Купянску, еще один человек ранен."
    found = events(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [AIR]
    assert (found[0].fatalities.min, found[0].fatalities.max) == (2, 2)


@pytest.mark.parametrize(
    "text",
    [
        "Над Брянской областью сбиты 14 беспилотников.",
        "ПВО перехватила ракеты над Севастополем.",
        "Средствами ПВО уничтожен БПЛА над Курской областью.",
        "Силами ПВО в Раменском округе отражена атака беспилотника, летевшего на Москву.",
        "Пять вражеских БПЛА уничтожены силами ПВО над Брянской областью, пострадавших нет.",
        "Истребители ВВС Польши сбили беспилотник над Люблином.",
        "Самолёт ВКС уничтожил беспилотник над Белгородской областью.",
    ],
)
def test_a_downing_with_no_harm_on_the_ground_is_a_disrupted_weapons_use(text):
    assert types(text) == [DISRUPTED]


def test_drones_downed_are_no_count_of_people():
    (event,) = events("ПВО уничтожила ночью 10 БПЛА в Ростовской области.")
    assert event.fatalities is None and event.injured is None


def test_debris_that_damages_a_house_is_a_strike_there():
    assert types("Обломки сбитого БПЛА повредили дом в Подольске.") == [AIR]


def test_debris_whose_fall_wounds_someone_told_in_the_next_sentence_is_a_strike():
    found = events("Обломки беспилотника упали во двор частного дома в Славянске-на-Кубани. Пострадала хозяйка дома.")
    assert [(e.event_type, e.sub_event_type) for e in found] == [AIR]
    assert (found[0].injured.min, found[0].injured.max) == (1, 1)


def test_the_missiles_downed_in_an_attack_that_got_through_are_part_of_that_attack():
    assert types("Противник нанёс удар ракетами ATACMS по аэродрому в Курске, семь ракет были сбиты.") == [SHELLING]


@pytest.mark.parametrize(
    "text",
    [
        "В районе Часова Яра идут бои.",
        "Бои за Торецк продолжаются.",
        "Штурм Угледара продолжается.",
        "Подразделения отразили три атаки противника у Покровска.",
        "Украинские военные отбили контратаку у Курахово.",
        "Группа украинских военных сдалась в плен в Курской области.",
        "Российские войска продвинулись в районе Курахово.",
    ],
)
def test_ground_fighting_is_an_armed_clash(text):
    assert types(text) == [CLASH]


@pytest.mark.parametrize(
    "text",
    [
        "Российская армия освободила населённый пункт Новая Ильинка в ДНР.",
        "Российские войска взяли под контроль Новую Ильинку в ДНР.",
        "ВС РФ освободили село Новоивановка в Курской области.",
    ],
)
def test_a_place_taken_is_a_battle(text):
    assert types(text) == [CLASH]


def test_civilians_wounded_in_a_shelling_are_its_injured():
    (event,) = events("В Белгороде ранены трое мирных жителей после обстрела.")
    assert (event.injured.min, event.injured.max) == (3, 3)


def test_servicemen_killed_are_a_fatalities_interval():
    (event,) = events("На курском направлении в бою у села Плёхово уничтожено до 40 военнослужащих противника.")
    assert event.event_type == "Battles"
    assert (event.fatalities.min, event.fatalities.max) == (1, 40)


def test_equipment_destroyed_is_no_count():
    found = events("У села Плёхово идут бои, уничтожены 5 танков противника.")
    assert [e.fatalities for e in found] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Эксперт прокомментировал удары ATACMS по России.",
        "Байден разрешил удары ATACMS вглубь России.",
        "Губернатор опроверг сообщения о прилёте в Белгороде.",
        "В Херсоне продолжается разминирование территории.",
        "Армия провела учения с ракетными ударами по условному противнику.",
        "В Киеве введены графики отключений после ударов по энергетике.",
        "США передали Украине ракеты ATACMS.",
        "Сайт университета подвергся хакерской атаке.",
        "Рейс задержан: прилёт самолёта перенесли на утро.",
    ],
)
def test_what_only_comments_on_or_surrounds_the_fighting_is_no_actual_event(text):
    assert types(text) == []


def test_an_attack_told_with_its_weapons_is_a_strike_and_without_them_a_ground_assault():
    assert types("Противник атаковал ракетами Storm Shadow аэродром в Севастополе.") == [SHELLING]
    assert types("Противник атаковал у Курахово, бои продолжаются.") == [CLASH]


@pytest.mark.parametrize(
    "text",
    [
        "Экономический кризис серьёзно ударил по курсу евро в Париже.",
        "Учёные продвинулись в понимании процессов внутри нейтронных звёзд.",
        "Под бой курантов в Москве загадывают желания.",
        "Самолёт совершил жёсткую посадку в аэропорту прилёта в Анталье.",
        "Геймер вызвал владельца провайдера на бой в Марселе.",
    ],
)
def test_figures_of_speech_and_flights_are_no_war(text):
    assert types(text) == []


def test_a_battle_of_a_past_war_and_its_leftover_shell_are_no_news():
    assert types("Кафе стоит на месте ожесточённых боёв времён Корейской войны.") == []
    assert types("В Брянске саперы обнаружили снаряд времён Великой Отечественной войны.") == []


def test_blows_dealt_with_no_means_told_are_no_remote_strike():
    assert types("В Самаре он нанёс потерпевшему несколько ударов, мужчина госпитализирован.") == []


def test_an_arrival_by_air_is_no_hit():
    assert "Explosions/Remote violence" not in [t for t, _ in types("По прилёту в Сургут женщину задержали полицейские.")]


def test_drones_destroyed_by_air_defence_are_downed_not_striking():
    assert types("32 беспилотника уничтожили этим утром силы ПВО в Подмосковье.") == [DISRUPTED]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Пять человек погибли при попадании ракеты в жилой дом в Шебекино.", SHELLING),
        ("В Сумах баллистическая ракета попала в многоквартирный дом, погибли шесть человек.", SHELLING),
        ("В Глухове дрон обрушил подъезд пятиэтажки.", AIR),
        ("Глава пресс-службы погиб при ударе ВВС по зданию в центре Бейрута.", AIR),
        ("Атаки дальнобойными ракетами на Рыльск начались днём.", SHELLING),
    ],
)
def test_a_hit_told_by_what_hit_the_target_is_a_strike_of_those_means(text, expected):
    assert types(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Оккупанты сбросили КАБы на Купянск.", AIR),
        ("Ударными беспилотниками нанесено поражение живой силе противника в районе Волчанска.", AIR),
        ("Артиллерией нанесено поражение живой силе и технике в районе Курахово.", SHELLING),
        ("Россияне атаковали дронами Никопольский район.", AIR),
        ("С начала суток под Покровском произошло 40 боевых столкновений.", CLASH),
        ("Под Покровском оккупанты пытались прорвать оборону.", CLASH),
    ],
)
def test_the_other_sides_summaries_read_alike(text, expected):
    assert types(text) == [expected]


def test_a_strategic_defeat_is_no_strike():
    assert types("Запад стремится нанести поражение России на поле боя.") == []


def test_debris_with_no_damage_told_is_only_the_downing():
    text = "Силами ПВО в Раменском округе сбит беспилотник. На месте падения обломков, по предварительным данным, разрушений и пострадавших нет."
    assert types(text) == [DISRUPTED]


def test_a_fall_is_debris_only_when_a_drone_or_missile_falls():
    assert types("В Печатниках от падения дерева пострадала женщина.") == []


def test_debris_of_a_missile_that_sets_fire_is_a_missile_attack():
    assert types("Упавшие фрагменты ракеты вызвали пожар на складе в Брянской области.") == [SHELLING]


@pytest.mark.parametrize(
    "text",
    [
        "Байден разрешил Украине использовать американские ракеты дальнего радиуса действия для ударов по территории России.",
        "Украина имеет право наносить удары по территории России французскими ракетами, заявил министр.",
        "Шольц не готов выдавать разрешение использовать немецкое оружие для ударов по целям в глубине России.",
    ],
)
def test_leave_to_strike_is_no_strike(text):
    assert types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Команда из Казани заняла второе место среди городов России.",
        "Покупатель может взять посылку в пункте выдачи в Москве.",
    ],
)
def test_places_won_in_peace_are_no_territory_taken(text):
    assert types(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Армия нанесла массированный удар высокоточным оружием по объектам энергетики в Киеве.", SHELLING),
        ("После атаки ВСУ на Белгород ранены двое мирных жителей.", SHELLING),
        ("В Сумах прилетело в жилой дом, ранены трое.", SHELLING),
        ("Противник пытался прорваться, атаки на позиции у Торецка отбиты.", CLASH),
    ],
)
def test_strikes_told_by_their_manner_or_by_who_attacked(text, expected):
    assert types(text) == [expected]


def test_a_weapon_told_outweighs_the_manner_of_the_strike():
    assert types("Армия нанесла массированный удар дронами по объектам энергетики в Киеве.") == [AIR]


def test_an_attack_expected_is_not_actual():
    assert types("В Киеве ожидают мощную атаку России в ответ на удары западным оружием.") == []


@pytest.mark.parametrize(
    "text",
    [
        "В Херсонской области саперы уничтожили 200 снарядов, оставшихся после боёв.",
        "На стройке в Курске нашли неразорвавшуюся авиабомбу.",
    ],
)
def test_ordnance_cleared_after_the_fighting_is_no_event(text):
    assert types(text) == []


def test_attacks_stopped_are_a_battle():
    assert types("Силы обороны остановили 15 атак противника под Покровском.") == [CLASH]


def test_debris_that_fell_with_no_victims_or_damage_listed_is_only_the_downing():
    text = "БПЛА сбит утром над Ростовской областью, обломки упали на территорию детского сада, пострадавших и разрушений нет."
    assert types(text) == [DISRUPTED]


@pytest.mark.parametrize(
    "text",
    [
        "Власти Подмосковья призвали жителей не выкладывать видео с работой ПВО.",
        "Украинские беспилотники чуть не сбили пассажирский самолёт над Москвой.",
        "Чтобы отразить такую атаку, нужна слаженная работа комплексов ПВО.",
    ],
)
def test_what_nearly_or_would_happen_is_no_event(text):
    assert types(text) == []


def test_what_is_told_as_not_having_happened_does_not_shape_the_event_beside_it():
    assert types("Митинг в Москве прошел без задержаний.") == [("Protests", "Peaceful protest")]


def test_troops_killed_by_a_strike_are_its_toll_not_a_battle():
    (event,) = events("Ударом «Искандера» по пункту дислокации в Николаевской области уничтожено до 40 военнослужащих противника.")
    assert (event.event_type, event.sub_event_type) == SHELLING
    assert (event.fatalities.min, event.fatalities.max) == (1, 40)


def test_a_munition_detonating_that_wounds_someone_is_a_strike():
    assert types("В Белгороде в результате детонации боеприпаса пострадал мужчина.") == [SHELLING]
    assert types("В Шебекино при детонации дрона ранены двое.") == [AIR]


def test_air_defence_firing_at_drones_is_no_shooting_at_civilians():
    found = types("Каналы сообщают о взрывах в Одессе, предполагая, что это стрельба ПВО по беспилотникам.")
    assert ("Violence against civilians", "Attack") not in found


def test_blasts_heard_after_a_drone_raid_are_that_raid():
    text = "Ночью начался налёт беспилотников на Одессу. Жители сообщают о взрывах в Одессе."
    assert types(text) == [AIR]


def test_drones_neutralised_by_air_defence_are_downed():
    assert types("Силы ПВО обезвредили 30 шахедов над Киевской областью.") == [DISRUPTED]


def test_air_defence_still_at_work_is_no_ground_battle():
    assert ("Battles", "Armed clash") not in types("В Харькове продолжается боевая работа по целям, которые остаются в воздухе.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Противник открыл артиллерийский огонь по Горловке.", SHELLING),
        ("Противник вёл огонь из миномётов по окраинам Донецка.", SHELLING),
        ("У Торецка противник вёл огонь по нашим позициям из стрелкового оружия.", CLASH),
    ],
)
def test_fire_laid_from_guns_is_shelling_and_from_rifles_a_clash(text, expected):
    assert types(text) == [expected]


def test_the_figures_a_downing_lists_by_region_are_no_deaths():
    found = events("ПВО за ночь уничтожила 15 беспилотников: 9 - над Курской областью, 6 - над Брянской областью.")
    # one interception per region, as ANNOTATION.md counts them, and none of them with deaths
    assert [(e.event_type, e.sub_event_type) for e in found] == [DISRUPTED, DISRUPTED]
    assert sorted(e.location.place.name for e in found) == ["Брянская область", "Курская область"]
    assert all(e.fatalities is None for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Полиция сообщила о падении беспилотника в пригороде Бельц.",
        "Военный дрон упал на поле у села Сороки, пострадавших нет.",
        "Под Гродно рухнул беспилотник, сообщили пограничники.",
    ],
)
def test_a_drone_come_down_with_no_harm_is_a_disrupted_weapons_use(text):
    assert types(text) == [DISRUPTED]


def test_a_drone_found_fallen_in_a_strike_is_no_second_event():
    assert types("Дрон атаковал завод в Ижевске. Позже на территории нашли упавший дрон.") == [AIR]


def test_a_hit_by_an_fpv_drone_is_an_air_strike():
    assert types("Опубликованы кадры уничтожения расчета миномета в Харьковской области прямым попаданием FPV-дрона.") == [AIR]


@pytest.mark.parametrize(
    "text",
    [
        "В Новороссийске продолжается отражение комбинированной атаки ВСУ, в районе порта сбито два беспилотника.",
        "Атака ВСУ на Новороссийск отражена, над морем были сбиты две ракеты, сообщил мэр.",
    ],
)
def test_an_air_attack_told_as_repelled_with_its_weapons_downed_is_a_disrupted_weapons_use(text):
    assert types(text) == [DISRUPTED]


def test_a_ground_attack_on_positions_told_as_repelled_is_a_clash():
    assert types("Атака противника на позиции у села Ивановка отражена.") == [CLASH]


def test_a_tally_of_a_week_or_a_month_is_no_event():
    assert types("Средства ПВО сбили за неделю 12 ракет ATACMS, сообщило Минобороны.") == []
    assert types("За прошедший месяц над Белгородской областью уничтожено 300 беспилотников.") == []


OVERTAKE = ("Battles", "Non-state actor overtakes territory")
REGAIN = ("Battles", "Government regains territory")


@pytest.mark.parametrize(
    "text",
    [
        "Боевики заняли Хаму, сообщают местные СМИ.",
        "Повстанцы взяли под контроль аэропорт Дейр-эз-Зора.",
        "Город Идлиб перешёл под контроль вооружённой оппозиции.",
        "Город Хама захватили повстанцы, сообщают местные СМИ.",
        "Аэропорт Дейр-эз-Зора заняли боевики.",
    ],
)
def test_an_armed_group_taking_a_place_overtakes_territory(text):
    assert types(text) == [OVERTAKE]


def test_a_place_taken_by_fighters_dates_by_its_own_clause_not_by_the_month_the_next_one_recalls():
    found = events("Город Хама захватили повстанцы — в сентябре они вели переговоры с соседями.")
    assert [((e.event_type, e.sub_event_type), e.date) for e in found] == [(OVERTAKE, PUBLISHED)]


def test_soldiers_capturing_fighters_take_no_territory():
    assert OVERTAKE not in types("Под Идлибом военные захватили в плен боевиков.")


def test_government_forces_taking_a_place_back_regain_territory():
    assert types("Правительственные войска вернули контроль над несколькими сёлами в провинции Хама.") == [REGAIN]


def test_fighters_seizing_hostages_take_no_territory():
    assert ("Violence against civilians", "Abduction/forced disappearance") in types(
        "В Дамаске боевики захватили заложников в здании банка.")
    assert OVERTAKE not in types("В Дамаске боевики захватили заложников в здании банка.")


def test_drones_told_destroyed_region_by_region_are_no_deaths():
    found = events("Минувшей ночью перехвачены и уничтожены 12 БПЛА: 8 уничтожены над Курской областью, 4 - над Брянской.")
    assert {(e.event_type, e.sub_event_type) for e in found} == {DISRUPTED}
    assert all(e.fatalities is None for e in found)


def test_a_truce_taking_effect_is_an_agreement():
    assert types("В секторе Газа вступил в силу режим прекращения огня, одобренный обеими сторонами.") == [
        ("Strategic developments", "Agreement")]


def test_drones_launched_at_a_target_are_an_air_strike():
    assert types("Хуситы заявили, что запустили беспилотники по военным объектам в Эйлате.") == [AIR]


def test_mines_handed_over_are_no_event():
    assert types("Вашингтон одобрил передачу Украине противопехотных мин.") == []


def test_missiles_partly_downed_and_partly_on_target_are_one_strike_with_no_deaths_from_the_downed_figure():
    (e,) = extract(Document("t", "Ночью три ракеты были уничтожены, а две достигли цели.", date(2024, 12, 1))).events
    assert (e.sub_event_type, e.fatalities) == ("Shelling/artillery/missile attack", None)


def test_a_goal_reached_is_no_strike_on_its_own():
    assert extract(Document("t", "Санкции достигли своей цели, заявил министр.", date(2024, 12, 1))).events == []


def test_a_strike_told_as_tried_and_downed_is_only_the_interception():
    text = "Противник пытался атаковать Тулу беспилотниками. Все дроны сбиты силами ПВО над Алексином."
    events = extract(Document("t", text, date(2024, 12, 1))).events
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_a_strike_told_as_tried_that_did_harm_stands():
    text = "Противник пытался атаковать Тулу беспилотниками. Беспилотники атаковали нефтебазу, начался пожар."
    events = extract(Document("t", text, date(2024, 12, 1))).events
    assert "Air/drone strike" in [e.sub_event_type for e in events]


def test_regions_given_an_equal_share_each_are_an_interception_of_their_own():
    text = ("ПВО за ночь сбила 30 беспилотников: 12 над Ростовской областью, 8 - над Белгородской "
            "и по 2 – над Курской, Брянской и Тульской областями, сообщило Минобороны.")
    assert sorted(e.location.place.name for e in events(text)) == [
        "Белгородская область", "Брянская область", "Курская область", "Ростовская область", "Тульская область"]


def test_a_downing_in_one_oblast_s_capital_keeps_the_other_oblasts_downings_apart():
    text = ("Два украинских беспилотника сбиты над Курском, пострадавших нет.\n\n"
            "Всего за сутки ПВО уничтожили 25 дронов: 10 в Курской области, 9 — в Белгородской, шесть — в Орловской.")
    found = events(text)
    assert {(e.event_type, e.sub_event_type) for e in found} == {DISRUPTED}
    places = {e.location.place.name for e in found}
    assert {"Белгородская область", "Орловская область"} <= places
    assert places & {"Курск", "Курская область"}


@pytest.mark.parametrize(
    "text",
    [
        "В планах у армии полностью освободить Кураховку и Жуково.",
        "Перед штурмовыми отрядами стоит задача взять Курахово до конца месяца.",
    ],
)
def test_a_place_the_army_aims_to_take_is_no_place_taken(text):
    assert types(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Ukrainian usage writes the drones' abbreviation in mixed case
        ("Враг атаковал Сумы ударными БпЛА, погиб мужчина, сообщил глава ОВА.", [AIR]),
        # the General Staff's summaries tell a hit by its noun
        ("Генштаб ВСУ подтвердил поражение склада боеприпасов в Торопце.", [SHELLING]),
        ("Генштаб ВСУ сообщил о поражении нефтебазы в Феодосии.", [SHELLING]),
        ("Сборная потерпела поражение от команды из Торопца.", []),
    ],
)
def test_a_strike_in_the_ukrainian_side_s_words(text, expected):
    assert types(text) == expected


def test_a_blow_told_straight_at_a_town_is_a_strike_there_and_a_blow_something_became_is_none():
    assert types("Начальник ОВА сообщил об ударе по Харькову.") == [SHELLING]
    assert types("Отставка мэра стала ударом по Алматы.") == []
    assert types("Новые санкции стали ударом по России.") == []


def test_attempts_to_push_back_units_near_listed_villages_are_a_clash_at_each_village_not_at_the_direction():
    text = ("На Покровском направлении агрессор 35 раз пытался вытеснить наши подразделения в районах "
            "населённых пунктов Мирноград, Новотроицкое и Лысовка, сообщил Генштаб ВСУ.")
    found = events(text)
    assert {(e.event_type, e.sub_event_type) for e in found} == {CLASH}
    assert [e.location.place.name for e in found] == ["Мирноград", "Новотроицкое", "Лысовка"]
    assert types("Конкуренты пытались вытеснить компанию с рынка.") == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("Бои идут в районе Торецка.", "Торецк"),
        ("Бои в районе Торецка продолжаются, сообщил Генштаб ВСУ.", "Торецк"),
        ("Бои идут под Курском.", "Курск"),
        ("Ожесточённые бои на окраине Торецка не стихают.", "Торецк"),
    ],
)
def test_fighting_told_with_where_it_goes_on_is_a_clash_there(text, place):
    found = events(text)
    assert [(e.event_type, e.sub_event_type, e.location.place.name) for e in found] == [(*CLASH, place)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ВСУ оставили Угледар, сообщили в штабе группировки.", [CLASH]),
        ("Армия оставила позиции у Торецка.", [CLASH]),
        ("Солдаты самовольно покинули позиции и ушли домой.", []),  # deserting is no battle
        ("Премьер оставил пост.", []),
    ],
)
def test_a_place_given_up_is_a_battle(text, expected):
    assert types(text) == expected


def test_blasts_heard_in_a_town_of_ukraine_are_a_strike_and_one_blast_may_be_a_bomb():
    assert types("В Харькове прогремели взрывы, сообщил мэр.") == [SHELLING]
    assert types("В Харькове прогремели взрывы. Город атаковали дроны.") == [AIR]
    assert types("В Киеве у подъезда прогремел взрыв.") == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def test_a_drone_found_where_it_came_down_is_a_disrupted_weapons_use_and_its_district_names_its_town():
    found = events("В воскресенье в Каушанском районе Молдавии был найден российский беспилотник.")
    assert [(e.event_type, e.sub_event_type, e.location.place.name) for e in found] == [(*DISRUPTED, "Каушаны")]
    assert types("Полиция обнаружила склад с дронами.") == []


def test_an_air_raid_alert_over_an_attack_is_no_strike():
    assert types("В Курске объявлена воздушная тревога из-за атаки беспилотников.") == []


def test_blasts_heard_while_air_defence_works_are_the_interception():
    text = "Вечером в Брянске прогремели взрывы. Над городом сработала система ПВО, о пострадавших не сообщается."
    assert types(text) == [DISRUPTED]


def test_an_opinion_on_striking_is_no_strike():
    assert types("Министр считает бессмысленным наносить удары крылатыми ракетами по мелким целям.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Колонны переправились через реку на восточный берег, а затем начали освобождать Купянск.",
        "Ночью десант форсировал реку у Херсона.",
        "Боевики в четверг совершили крупную атаку на севере провинции Хама.",
    ],
)
def test_fighting_begun_a_river_crossed_or_an_attack_carried_out_is_a_battle(text):
    assert types(text) == [CLASH]


def test_names_listed_after_a_region_word_are_each_a_region():
    places = [(e.location.place.name, e.location.place.precision) for e in events("Бои идут в провинциях Хама и Латакия.")]
    assert places == [("Хама", "admin1"), ("Латакия", "admin1")]


def test_a_village_taken_under_control_lies_at_the_front():
    [event] = events("Российские войска взяли под контроль населённый пункт Ильинка, сообщили в Минобороны.")
    assert event.location.place.country == "UA"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Днём в Сумах было несколько прилётов, повреждены склады.", SHELLING),
        ("Артиллеристы накрыли огнём колонну противника у Работино.", SHELLING),
        ("Трое мирных жителей погибли в Белгородской области после удара ВСУ.", SHELLING),
    ],
)
def test_hits_counted_fire_that_covers_a_target_and_a_blow_named_by_its_side_are_strikes(text, expected):
    assert types(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Занят и зачищается хутор Веселый в Харьковской области.",
        "В Харьковской области началось освобождение Зелёного Гая.",
        "У села Ивановка под контроль ВС России перешло около 10 гектаров.",
    ],
)
def test_a_place_occupied_a_liberation_begun_and_ground_passed_to_the_army_are_battles(text):
    assert types(text) == [CLASH]


def test_a_village_taken_is_the_place_of_its_capture_not_the_town_the_attack_then_goes_on():
    (event,) = events("В Курской области российские войска освободили село Плёхово, теперь противник отходит к своим позициям в Судже.")
    assert event.location.place.name == "Плёхово"


def test_a_village_named_with_its_district_is_placed_at_the_district_s_town_not_the_oblast_centre():
    (event,) = events("Штурмовики заняли посёлок Новый Путь в Глушковском районе Курской области.")
    place = event.location.place
    assert place.name == "Новый Путь"
    assert abs(place.lat - 51.34) < 0.1 and abs(place.lon - 34.64) < 0.1  # Глушково, not Курск


KHARKIV_ARTICLE = """Россия ударила по Харькову авиабомбами: погибли трое, ранены 17 человек

Вечером 14 ноября российские войска атаковали Харьков управляемыми авиабомбами. Об этом сообщил глава Харьковской ОВА Олег Синегубов.

По его словам, удар пришёлся по Киевскому району города. Повреждены многоэтажный жилой дом, автомобили и объекты гражданской инфраструктуры.

По данным городского головы Игоря Терехова, погибли три человека, еще 17 получили ранения, среди них двое детей. На месте работают спасатели ГСЧС."""


def test_a_ukrainian_outlet_s_article_on_a_strike_on_kharkiv_is_one_air_strike_with_its_dead_and_wounded():
    (event,) = events(KHARKIV_ARTICLE)
    assert (event.event_type, event.sub_event_type) == AIR
    assert event.location.place.name == "Харьков"  # the city's Киевский район, not Киев
    assert event.date == date(2024, 11, 14)
    assert (event.fatalities.min, event.fatalities.max) == (3, 3)
    assert (event.injured.min, event.injured.max) == (17, 17)
    names = {name for s in event.sources for name in s.chain}
    assert {"Олег Синегубов", "Игорь Терехов"} <= names


def test_a_town_attacked_with_guided_bombs_is_a_strike_of_bombs():
    assert types("Днём российские войска атаковали Запорожье управляемыми авиабомбами.") == [AIR]


def test_a_district_of_the_city_told_of_is_no_town_of_its_adjective():
    (event,) = events("В Одессе повреждены дома. Удар пришёлся по Киевскому району города.")
    assert event.location.place.name == "Одесса"


MOD_SUMMARY = """Подразделения группировки войск «Центр» освободили населённый пункт Новоселовка Донецкой Народной Республики, сообщило Министерство обороны РФ.

На Покровском направлении отражены три контратаки штурмовых групп противника в районе населённого пункта Мирноград.

На Купянском направлении подразделения группировки войск «Запад» нанесли поражение живой силе и технике бригады ВСУ в районах населённых пунктов Песчаное и Кругляковка Харьковской области.

На Южно-Донецком направлении российские войска улучшили положение по переднему краю у Великой Новосёлки."""


def test_a_defence_ministry_summary_of_several_directions_is_one_event_at_each_place_it_names():
    found = events(MOD_SUMMARY)
    assert sorted((e.event_type, e.location.place.admin1) for e in found) == [
        ("Battles", "Донецкая область"), ("Battles", "Донецкая область"), ("Battles", "Донецкая область"),
        ("Explosions/Remote violence", "Харьковская область"), ("Explosions/Remote violence", "Харьковская область"),
    ]
    assert {e.location.place.name for e in found} >= {"Новосёловка", "Мирноград", "Песчаное", "Кругляковка"}
    # Великая Новосёлка, which GeoNames knows only as Велика Новосилка
    assert any(abs(e.location.place.lat - 47.84) < 0.1 and abs(e.location.place.lon - 36.83) < 0.1 for e in found)


def test_villages_listed_before_their_region_all_lie_in_it():
    found = events("На Купянском направлении артиллерия поразила живую силу противника в районах населённых пунктов Песчаное и Кругляковка Харьковской области.")
    assert sorted((e.location.place.name, e.location.place.admin1) for e in found) == [("Кругляковка", "Харьковская область"), ("Песчаное", "Харьковская область")]


def test_a_village_told_with_in_and_its_region_is_the_village_of_that_region_not_a_town_elsewhere():
    (event,) = events("Российские войска прорвали оборону противника у села Вишневое в Харьковской области.")
    assert event.location.place.admin1 == "Харьковская область"  # not the town of Kyiv oblast


def test_a_region_that_ends_a_list_of_towns_is_one_more_place_not_theirs():
    found = events("Бойцы бригады погибли в боях под Селидово, Торецком и Курской области.")
    assert {e.location.place.name: e.location.place.admin1 for e in found if e.location.place.precision == "city"} == {
        "Селидово": "Донецкая область", "Торецк": "Донецкая область"}


def test_flights_counted_by_arrival_are_no_hits():
    assert types("В аэропорту Казани задержаны десять рейсов: семь на вылет и три на прилёт.") == []
