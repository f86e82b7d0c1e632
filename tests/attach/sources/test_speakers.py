"""Who speaks: speech verbs, according phrases, relays, roles, anaphora, correspondents, unnamed sources, signatures."""
import pytest

from svodka.attach.sources.speakers import find_attributions

from .conftest import chains, only


# ---------------------------------------------------------------- speech verbs


def test_post_verbal_body_with_genitive_name(build):
    doc = build("В Бишкеке задержаны 12 человек, сообщило МВД Киргизии.")
    a = only(doc)
    assert a.chain == ["МВД Киргизии"]
    assert doc.span_text(a.evidence) == "сообщило МВД Киргизии"
    assert a.sentences == [0] and not a.unnamed


def test_plural_role_subject_is_put_in_nominative_lowercase(build):
    doc = build("Сторонники оппозиции заявили о фальсификации выборов.")
    a = only(doc)
    assert a.chain == ["сторонники оппозиции"]
    assert doc.span_text(a.evidence) == "Сторонники оппозиции заявили"


def test_reference_before_the_verb_and_the_outlet_after_it(build):
    doc = build("Ночью у здания парламента задержаны 50 человек, со ссылкой на МВД сообщил телеканал «Имеди».")
    a = only(doc)
    assert a.chain == ["МВД", "Имеди"]
    assert doc.span_text(a.evidence) == "со ссылкой на МВД сообщил телеканал «Имеди»"


def test_a_negated_speech_verb_names_no_source(build):
    doc = build("Число пострадавших среди демонстрантов полиция не сообщает.")
    assert find_attributions(doc) == []


def test_a_statement_made_names_who_made_it(build):
    doc = build("Такое заявление сделал пресс-секретарь группировки Ахмад Рашид.")
    assert chains(doc) == [["Ахмад Рашид"]]


def test_coming_out_with_a_statement_names_who_did(build):
    doc = build("С заявлением выступило МВД Киргизии.")
    assert chains(doc) == [["МВД Киргизии"]]


def test_making_or_coming_out_with_no_statement_names_no_source(build):
    doc = build("Полиция сделала всё возможное, протестующие выступили против реформы.")
    assert find_attributions(doc) == []


def test_present_tense_relay_verb_with_agency(build):
    doc = build("Протестующие перекрыли трассу у въезда в город, передает ТАСС.")
    a = only(doc)
    assert a.chain == ["ТАСС"]
    assert doc.span_text(a.evidence) == "передает ТАСС"


def test_relay_verb_without_outlet_or_speech_is_no_attribution(build):
    doc = build("Полицейский передал задержанного конвою.")
    assert find_attributions(doc) == []


def test_confirmed_by_a_ministry_inflected_outlet_name(build):
    doc = build("Гибель двух человек подтвердил Интерфаксу источник в спасательных службах.")
    a = only(doc)
    assert a.chain == ["источник в спасательных службах", "Интерфакс"]
    assert a.unnamed
    assert doc.span_text(a.evidence) == "подтвердил Интерфаксу источник в спасательных службах"


def test_headline_subject(build):
    doc = build('Полиция Бишкека сообщила о "десятках" задержанных\nВечером на площади собрались люди.')
    a = only(doc)
    assert a.chain == ["Полиция Бишкека"]
    assert a.sentences == [0]
    assert doc.span_text(a.evidence) == "Полиция Бишкека сообщила"


def test_feminine_and_masculine_verb_forms(build):
    doc = build("Об обстреле рассказала жительница села. О разрушениях также рассказал староста.")
    assert chains(doc) == [["жительница села"], ["староста"]]


# ---------------------------------------------------------------- according phrases


def test_po_dannym_with_organisation(build):
    doc = build("По данным Минздрава, в больницы доставлены 40 человек.")
    a = only(doc)
    assert a.chain == ["Минздрав"]
    assert doc.span_text(a.evidence) == "По данным Минздрава"


def test_po_slovam_role_phrase_in_nominative(build):
    doc = build("По словам главы областной военной администрации, обстрел продолжался два часа.")
    a = only(doc)
    assert a.chain == ["глава областной военной администрации"]
    assert doc.span_text(a.evidence) == "По словам главы областной военной администрации"


# ---------------------------------------------------------------- relays


def test_outlet_citing_outlet_post_verbal(build):
    doc = build("Акция прошла у здания суда, сообщает «Медуза» со ссылкой на ОВД-Инфо.")
    a = only(doc)
    assert a.chain == ["ОВД-Инфо", "Медуза"]
    assert doc.span_text(a.evidence) == "сообщает «Медуза» со ссылкой на ОВД-Инфо"


def test_outlet_citing_press_office_pre_verbal(build):
    doc = build("РИА Новости со ссылкой на пресс-службу МЧС сообщали о двух пострадавших.")
    a = only(doc)
    assert a.chain == ["МЧС", "РИА Новости"]
    assert doc.span_text(a.evidence) == "РИА Новости со ссылкой на пресс-службу МЧС сообщали"


def test_unnamed_outlets_citing_ministry(build):
    doc = build("Ряд СМИ со ссылкой на пресс-службу МВД Казахстана сообщали о восьми погибших.")
    a = only(doc)
    assert a.chain == ["МВД Казахстана", "ряд СМИ"]
    assert a.unnamed


def test_told_tv_channel_then_quoted_by_another_outlet(build):
    doc = build(
        'В Актау задержаны 40 человек, сообщила телеканалу "Хабар 24" представитель полиции '
        'области Асель Нурланова. "Задержанные дают показания", – цитирует ее "Vласть".'
    )
    first, second = find_attributions(doc)
    assert first.chain == ["Асель Нурланова", "Хабар 24"]
    assert doc.span_text(first.evidence) == (
        'сообщила телеканалу "Хабар 24" представитель полиции области Асель Нурланова'
    )
    assert second.chain == ["Асель Нурланова", "Хабар 24", "Vласть"]
    assert doc.span_text(second.evidence) == 'цитирует ее "Vласть"'
    assert second.sentences == [1]


def test_statement_of_body_relayed_by_radio_service(build):
    doc = build(
        "Комендатура Актау сообщила о введении режима ЧП.\n"
        '"Ситуация под контролем. Прошу сохранять спокойствие", – приводит заявление комендатуры '
        "Казахская редакция Радио Свобода (Радио Азаттык)."
    )
    first, second = find_attributions(doc)
    assert first.chain == ["Комендатура Актау"]
    assert second.chain == ["Комендатура Актау", "Радио Азаттык"]
    assert doc.span_text(second.evidence) == (
        "приводит заявление комендатуры Казахская редакция Радио Свобода (Радио Азаттык)"
    )
    assert second.sentences == [1, 2]


# ---------------------------------------------------------------- speakers named by role


def test_press_office_gives_the_body(build):
    doc = build("Пресс-служба МВД Казахстана сообщила о задержании 200 человек.")
    a = only(doc)
    assert a.chain == ["МВД Казахстана"]
    assert doc.span_text(a.evidence) == "МВД Казахстана сообщила"


# ---------------------------------------------------------------- anaphora


def test_surname_alone_is_the_full_name_seen_earlier(build):
    doc = build(
        "Лидер движения Мухтар Аблязов заявил о начале протестов.\n"
        "Аблязов добавил, что акции пройдут в пяти городах."
    )
    assert chains(doc) == [["Мухтар Аблязов"], ["Мухтар Аблязов"]]


def test_personal_pronoun_refers_to_last_person(build):
    doc = build(
        "Журналистов задержали у здания акимата, рассказала правозащитница Айгерим Тлеуова. "
        "Позже она сообщила об их освобождении."
    )
    first, second = find_attributions(doc)
    assert second.chain == ["Айгерим Тлеуова"]
    assert doc.span_text(second.evidence) == "она сообщила"
    assert second.sentences == [1]


def test_coordinated_verb_keeps_the_speaker(build):
    doc = build("В штабе заявили о нападении и подчеркнули, что потерь нет.")
    assert chains(doc) == [["Штаб"], ["Штаб"]]


def test_speaker_of_main_clause_for_subordinate_verb(build):
    doc = build("Так высказался министр Роман Скляр, когда сообщал о потерях.")
    assert chains(doc) == [["Роман Скляр"]]


# ---------------------------------------------------------------- unnamed


def test_local_media_relaying_a_named_source(build):
    doc = build("По информации местных СМИ, акция продолжается.")
    a = only(doc)
    assert a.chain == ["местные СМИ"] and a.unnamed


# ---------------------------------------------------------------- bodies and coordination


def test_according_phrase_with_adjective_and_count_noun(build):
    doc = build("По предварительным данным мэрии Омска, пришли 500 человек. По подсчётам правозащитников, задержаны 40.")
    assert chains(doc) == [["Мэрия Омска"], ["правозащитники"]]
    first = find_attributions(doc)[0]
    assert doc.span_text(first.evidence) == "По предварительным данным мэрии Омска"


def test_according_phrase_in_brackets_names_no_one(build):
    doc = build("Собрались около тысячи человек (по разным данным) или больше.")
    assert find_attributions(doc) == []


# ---------------------------------------------------------------- issue 3: wider reach


def test_impersonal_said_in_a_statement_names_its_author(build):
    doc = build("В городе Тарск задержаны трое активистов, говорится в сообщении ТАСС.")
    a = only(doc)
    assert a.chain == ["ТАСС"]
    assert doc.span_text(a.evidence) == "говорится в сообщении ТАСС"


def test_a_name_repeated_in_brackets_does_not_cut_off_the_speaker(build):
    text = "Глава администрации района Ахмад Шариф (Ahmad Sharif) сказал, что при обстреле погибли двое."
    doc = build(text)
    a = only(doc)
    assert a.chain == ["Ахмад Шариф (Ahmad Sharif)"]
    assert doc.span_text(a.evidence).startswith("Ахмад Шариф (Ahmad Sharif)")
    assert doc.span_text(a.evidence).endswith("сказал")


# ---------------------------------------------------------------- governors and heads by name and office


def test_a_telegram_channel_is_where_a_body_speaks_not_who(build):
    assert chains(build("В Telegram-канале Минобороны сообщили об ударе.")) == [["Минобороны России"]]
    assert chains(build("Telegram-канал Baza сообщает о взрыве.")) == [["Baza"]]


def test_people_tied_to_a_country_or_a_body_and_a_movement_named_by_its_members_are_named(build):
    assert not only(build("Израильские военные заявили об ударе.")).unnamed
    assert not only(build("Сторонники оппозиции заявили о фальсификации выборов.")).unnamed
    assert chains(build("Талибы заявили об ударе.")) == [["Талибан"]]


# ---------------------------------------------------------------- a post signed with a dash and a name


def test_a_signature_line_speaks_for_the_lines_before_it(build):
    doc = build("Ещё восемь беспилотников сбили ПВО в Коломне.\n\nСпециалисты работают на месте.\n\n— Собянин.")
    a = only(doc)
    assert a.chain == ["Собянин"] and a.sentences == [0, 1]


@pytest.mark.parametrize("text, chain", [
    ("Ночью беспилотник атаковал Курск, ранены трое — Хинштейн", ["Хинштейн"]),
    ("Сбиты 12 беспилотников — МО РФ", ["Минобороны России"]),
    ("В Киеве прогремели взрывы — Reuters", ["Reuters"]),
])
def test_a_post_signed_at_its_end_is_said_by_the_signer(build, text, chain):
    assert chains(build(text)) == [chain]


@pytest.mark.parametrize("text", [
    "В списке погибших — Иван Петров.",
    "Погиб один человек — Иван Петров.",
    "В городе прогремели взрывы — местные власти.",
    "Он был там — в мэрии.",
])
def test_a_name_after_a_dash_that_signs_nothing_is_no_source(build, text):
    assert chains(build(text)) == []


def test_a_signature_with_a_reference_gives_the_body_referred_to(build):
    doc = build("Минобороны Японии приказало армии быть готовой к отражению атаки — Reuters со ссылкой на ведомство")
    assert chains(doc) == [["Минобороны Японии", "Reuters"]]


def test_a_line_opened_by_a_name_and_a_colon_is_said_by_that_name(build):
    doc = build("Минобороны РФ: подразделения нанесли удар по позициям ВСУ. Уничтожено до 40 военнослужащих.")
    a = only(doc)
    assert a.chain == ["Минобороны России"] and a.sentences == [0, 1]
    assert chains(build("Песков: Кремль не комментирует удары по Белгороду.")) == [["Песков"]]
    assert chains(build("Reuters: в Киеве прогремели взрывы.")) == [["Reuters"]]


@pytest.mark.parametrize("text", ["Видео: последствия удара по Белгороду.", "Белгород: погибли двое.", "Итог: задержаны пятеро."])
def test_a_caption_or_a_place_before_a_colon_is_no_speaker(build, text):
    assert chains(build(text)) == []


@pytest.mark.parametrize("text, name", [
    ("Как следует из сводки Генштаба ВСУ, удар нанесён ночью.", "Генштаб ВСУ"),
    ("Согласно сводке Генштаба ВСУ, погибли трое.", "Генштаб ВСУ"),
    ("В сводке Минобороны России говорится, что уничтожены 30 военнослужащих.", "Минобороны России"),
])
def test_a_daily_summary_is_said_by_its_body(build, text, name):
    assert chains(build(text)) == [[name]]


# ---------------------------------------------------------------- round 2: spelling and non-speakers


def test_according_phrase_followed_by_a_time_names_no_one(build):
    doc = build("По информации на данном этапе, в результате нападения ранены три человека.")
    assert chains(doc) == []
    doc = build("По данным на утро, в результате нападения ранены три человека.")
    assert chains(doc) == []


def test_a_legal_gloss_in_brackets_ends_the_speaker(build):
    doc = build("По данным «Радио Свобода» (объявлено в России нежелательной организацией), задержаны 12 человек.")
    assert only(doc).chain == ["Радио Свобода"]


def test_according_phrase_followed_by_the_clause_names_no_one(build):
    assert chains(build("По некоторым данным нападавший проник на сцену с поддельным пропуском.")) == []
    assert chains(build("По данным Минздрава, нападавший проник на сцену.")) == [["Минздрав"]]


def test_a_speaker_telling_an_intent_is_no_source_of_the_sentence(build):
    doc = build("Президент заявил о своем намерении уволить главу компании после столкновений с полицией.")
    assert chains(doc) == []
    assert chains(build("МВД заявило о задержании 12 человек.")) == [["МВД"]]


def test_ob_etom_closing_a_paragraph_sources_its_earlier_sentences(build):
    doc = build(
        "Взрыв в Махачкале\n\n"
        "В Махачкале прогремел взрыв у здания суда. Ранены три человека. "
        "Об этом сообщает ТАСС.\n\n"
        "Позже в городе прошел митинг."
    )
    a = only(doc)
    assert a.chain == ["ТАСС"] and a.sentences == [1, 2, 3]


@pytest.mark.parametrize("text, chain", [
    ("Полиция Амстердама отчиталась о задержании 62 человек.", ["Полиция Амстердама"]),
    ("МВД Грузии отчитывается о 40 задержанных.", ["МВД Грузии"]),
    ("Губернатор доложил о двух раненых.", ["губернатор"]),
])
def test_reporting_verbs_attribute(build, text, chain):
    assert [a.chain for a in find_attributions(build(text))] == [chain]


def test_bare_according_to_the_statement_points_back_at_its_speaker(build):
    doc = build(
        "Ночью армия атаковала север страны 40 дронами, заявили Сухопутные силы ВСУ.\n"
        "Согласно заявлению, над Сумской областью сбиты 25 дронов."
    )
    assert chains(doc) == [["Сухопутные силы ВСУ"], ["Сухопутные силы ВСУ"]]
    assert 1 in find_attributions(doc)[1].sentences


def test_according_to_preliminary_data_points_back_at_no_one(build):
    doc = build(
        "Ночью армия атаковала север страны 40 дронами, заявили Сухопутные силы ВСУ.\n"
        "По предварительным данным, над Сумской областью сбиты 25 дронов."
    )
    assert chains(doc) == [["Сухопутные силы ВСУ"]]


def test_intercepted_radio_talk_is_an_unnamed_source(build):
    a = only(build("По данным радиоперехвата, противник отходит от Торецка."))
    assert a.unnamed and a.chain == ["радиоперехват"]


def test_bare_governor_is_the_governor_of_the_region_named_before(build):
    a = only(build("Над Тамбовской областью уничтожены три беспилотника, сообщил губернатор."))
    assert a.chain == ["губернатор Тамбовской области"] and not a.unnamed


def test_bare_governor_with_no_region_named_stays_unnamed(build):
    a = only(build("Три беспилотника уничтожены, сообщил губернатор."))
    assert a.unnamed


def test_of_two_names_side_by_side_the_second_is_the_speakers(build):
    # "пресс-секретаря губернатора Ивана Смирнова Петра Козлова": the governor, then his press secretary
    a = only(build("По словам пресс-секретаря губернатора Ивана Смирнова Петра Козлова, в акции участвовали 300 человек."))
    assert a.chain == ["Пётр Козлов"]


def test_bare_governor_of_a_city_that_is_a_region_is_that_citys_governor(build):
    # Севастополь, Москва, Санкт-Петербург have governors of their own: no "область" to name them
    a = only(build("В Севастополе над морем сбиты две ракеты, сообщил губернатор."))
    assert a.chain == ["губернатор Севастополя"] and not a.unnamed


def test_a_name_right_after_a_body_in_the_nominative_is_the_bodys_place_not_the_speaker(build):
    # NER reads a city's name as a woman's ("Шарлотта"): after "Полиция" it names the police, not a person
    a = only(build("Полиция Шарлотта сообщила о столкновении полицейских с местным жителем."))
    assert a.chain == ["Полиция Шарлотта"] and not a.unnamed


@pytest.mark.parametrize("text, chain", [
    ("Об этом агентству «Интерфакс» рассказали в пресс-службе МВД.", ["МВД", "Интерфакс"]),
    ("Агентство Reuters сообщает со ссылкой на МВД о трёх погибших.", ["МВД", "Reuters"]),
    ("Об этом ТАСС рассказал Иван Петров.", ["Иван Петров", "ТАСС"]),
])
def test_an_outlet_before_the_verb_relays_the_speaker_named_after_it(build, text, chain):
    assert only(build(text)).chain == chain


def test_a_person_after_the_verb_in_an_oblique_case_is_not_the_outlets_speaker(build):
    a = only(build("Агентство Reuters сообщило о задержании комментатора Ивана Петрова в Махачкале."))
    assert a.chain == ["Reuters"]


def test_a_signature_line_of_an_office_and_a_surname_is_that_persons(build):
    doc = build("После атаки дронов загорелись два дома в посёлке Сосновка.\n\n— губернатор Воробьёв.")
    assert chains(doc) == [["Воробьёв"]]


def test_a_signature_naming_only_a_kind_of_outlet_names_no_one(build):
    assert chains(build("Самолёты нанесли два удара по пригороду Бейрута, — СМИ.")) == []


@pytest.mark.parametrize("text, chain", [
    ("Боевики «Хезболлы» заявили, что запустили беспилотники по Хайфе.", ["боевики «Хезболлы»"]),
    ("Активисты «Мемориала» сообщили о задержаниях в Казани.", ["активисты «Мемориала»"]),
])
def test_a_group_of_people_of_a_body_named_in_quotes_in_the_genitive_is_no_unnamed_source(build, text, chain):
    a = only(build(text))
    assert a.chain == chain and not a.unnamed


def test_what_was_said_from_a_named_speaker_after_the_verb_puts_that_speaker_first(build):
    a = only(build("Курская областная администрация подтвердила информацию от мэра Курска о двух погибших."))
    assert a.chain == ["мэр Курска", "Курская областная администрация"]


def test_what_was_said_from_an_unnamed_speaker_adds_no_name(build):
    a = only(build("Полиция подтвердила информацию от очевидцев о двух погибших."))
    assert a.chain == ["Полиция"]


def test_a_city_body_is_the_body_of_the_city_its_sentence_names(build):
    a = only(build("В Омске, по данным городской полиции, задержаны трое участников драки."))
    assert a.chain == ["Городская полиция Омска"] and not a.unnamed


def test_a_city_body_with_no_city_named_keeps_its_words(build):
    a = only(build("По данным городской полиции, задержаны трое участников драки."))
    assert a.chain == ["Городская полиция"]


def test_a_paragraph_opened_by_this_same_information_speaks_for_the_paragraph_before(build):
    doc = build(
        "Бывшего министра задержали в среду. Его поместили в здание штаба армии.\n\n"
        "Ранее эту же информацию сообщил представитель партии «Свобода»."
    )
    [a] = find_attributions(doc)
    assert a.chain == ["Свобода"] and a.sentences == [0, 1, 2]


@pytest.mark.parametrize("text, chain", [
    ("Представитель МВД, который прибыл на место, сообщил, что погибли двое.", ["представитель МВД"]),
    ("Врачи городской больницы Твери, куда доставили раненых, сразу подтвердили, что их состояние тяжёлое.",
     ["врачи городской больницы Твери"]),
])
def test_the_speaker_before_a_relative_clause_closing_before_the_verb_is_its_subject(build, text, chain):
    assert only(build(text)).chain == chain


def test_bare_authorities_are_an_unnamed_source_and_a_regions_are_named(build):
    a = only(build("Со слов властей, дрон атаковал многоэтажку."))
    assert a.unnamed == ["власти"]
    a = only(build("По данным властей Брянской области, дрон атаковал многоэтажку."))
    assert a.chain == ["Власти Брянской области"] and not a.unnamed
