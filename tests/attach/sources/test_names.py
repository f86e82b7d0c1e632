"""Person names in the nominative."""


from .conftest import chains, only


def test_a_genitive_name_after_a_role_noun_is_put_in_the_nominative(build):
    doc = build("По словам шерифа округа Колтон Эда Гонзалеса, число пострадавших уточняется.")
    a = only(doc)
    assert a.chain == ["Эд Гонзалес"]
    assert doc.span_text(a.evidence) == "По словам шерифа округа Колтон Эда Гонзалеса"


def test_a_womans_genitive_name_keeps_her_gender(build):
    doc = build("По словам пресс-секретаря губернатора Анны Петровой, задержаны 40 человек.")
    a = only(doc)
    assert a.chain == ["Анна Петрова"]  # the masculine role noun does not make her a man
    assert "Анны Петровой" in doc.span_text(a.evidence)


def test_a_nominative_name_after_a_role_noun_is_left_as_it_is(build):
    doc = build("Глава полиции района Уолтер Грин сообщил, что задержаны двое.")
    assert only(doc).chain == ["Уолтер Грин"]


def test_a_name_with_a_nominative_word_after_an_inanimate_noun_is_the_speaker(build):
    doc = build("Представитель администрации провинции Абдулла Хсрат сказал, что погибли четыре человека.")
    a = only(doc)
    assert a.chain == ["Абдулла Хсрат"]
    assert doc.span_text(a.evidence) == "Абдулла Хсрат сказал"


def test_a_name_in_apposition_to_a_genitive_role_noun_stays_in_the_nominative(build):
    doc = build("Как заявила исполняющая обязанности мэра Ирина Волынская, задержаны трое.")
    a = only(doc)
    assert a.chain == ["Ирина Волынская"]
    assert "Ирина Волынская" in doc.span_text(a.evidence)


def test_an_office_holder_named_after_the_office_and_its_region_is_the_speaker_in_the_nominative(build):
    doc = build("По словам мэра города Сергея Волкова, пострадавших нет.")
    assert chains(doc) == [["Сергей Волков"]]


def test_with_the_words_of_someone_is_an_according_phrase(build):
    doc = build("Со слов мэра города Петра Сидоренко, пострадавших нет.")
    assert chains(doc) in ([["Пётр Сидоренко"]], [["Петр Сидоренко"]])


def test_a_name_beside_a_nominative_role_is_as_written(build):
    a = only(build("Заместитель губернатора провинции Абдул Вали Рахими подтвердил гибель трех человек."))
    assert a.chain == ["Абдул Вали Рахими"]


def test_a_name_in_the_nominative_is_kept_as_written(build):
    # a morphology that does not know the name must not inflect it from its nominative
    a = only(build("Погибли трое, сказал местный депутат Карим Хан."))
    assert a.chain == ["Карим Хан"]
