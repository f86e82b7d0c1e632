const TEXT = {
  ru: {
    search: 'Поиск по текстам', place: 'Место', allTypes: 'Все типы', allCountries: 'Все страны',
    allSources: 'Все источники', exportAcled: 'ACLED CSV', exportGeojson: 'GeoJSON', tiles: 'Подложка',
    tilesPrompt: 'Адрес тайлов, например https://tile.example.org/{z}/{x}/{y}.png (пусто — без подложки)',
    timeline: 'События по дням (выделите период мышью)', clearRange: 'Сбросить период',
    shown: (shown, total) => `Показано событий: ${shown} из ${total}`,
    date: 'Дата', type: 'Тип', subType: 'Подтип', location: 'Место', country: 'Страна', fatalities: 'Погибшие',
    reports: 'Сообщения', outlets: 'Издания', back: '← К карте', loading: 'Загрузка…', notFound: 'Событие не найдено',
    injured: 'Раненые', arrested: 'Задержанные', crowd: 'Участники', confidence: 'Уверенность',
    verification: 'Проверка', acled: 'ACLED', sources: 'Цепочки источников', claims: 'Утверждения источников',
    labels: 'Как источники называют участников', report: 'Сообщение', noNamedSource: '(источник не назван)',
    slot: 'Показатель', category: 'Категория', distanced: 'с оговоркой', more: 'ещё',
    eventId: 'Номер события', revision: 'версия', noOutlet: 'издание не указано', noCategory: 'без категории', fromPublication: 'по дате публикации',
    undated: 'не установлена: в текстах нет даты события, а дата публикации неизвестна',
    verifications: { unconfirmed: 'не подтверждено', disputed: 'оспаривается' },
    kind: { place: 'место', date: 'дата', count: 'число', source: 'источник', actor: 'участник',
            trigger: 'триггер', sentence: 'предложение' },
    slots: { fatalities: 'погибшие', injured: 'раненые', arrested: 'задержанные', crowd: 'участники' },
    types: {
      Protests: 'Протесты', Riots: 'Беспорядки', Battles: 'Боевые столкновения',
      'Explosions/Remote violence': 'Взрывы / дистанционное насилие',
      'Violence against civilians': 'Насилие против мирных жителей',
      'Strategic developments': 'Стратегические события',
    },
    subTypes: {
      'Armed clash': 'Вооружённое столкновение', 'Government regains territory': 'Власти возвращают территорию',
      'Non-state actor overtakes territory': 'Негосударственная сторона захватывает территорию',
      'Chemical weapon': 'Химическое оружие', 'Air/drone strike': 'Авиа- или дроноудар', 'Suicide bomb': 'Взрыв смертника',
      'Shelling/artillery/missile attack': 'Обстрел: артиллерия, ракеты',
      'Remote explosive/landmine/IED': 'Взрывное устройство, мина, СВУ', Grenade: 'Граната',
      'Sexual violence': 'Сексуальное насилие', Attack: 'Нападение',
      'Abduction/forced disappearance': 'Похищение, насильственное исчезновение',
      'Peaceful protest': 'Мирный протест', 'Protest with intervention': 'Протест с вмешательством властей',
      'Excessive force against protesters': 'Чрезмерная сила против протестующих',
      'Violent demonstration': 'Насильственная демонстрация', 'Mob violence': 'Насилие толпы',
      Agreement: 'Соглашение', Arrests: 'Аресты', 'Change to group/activity': 'Перемены в группе или её деятельности',
      'Disrupted weapons use': 'Предотвращённое применение оружия',
      'Headquarters or base established': 'Создание штаба или базы',
      'Looting/property destruction': 'Мародёрство, уничтожение имущества',
      'Non-violent transfer of territory': 'Ненасильственная передача территории', Other: 'Другое',
    },
  },
  en: {
    search: 'Search the texts', place: 'Place', allTypes: 'All types', allCountries: 'All countries',
    allSources: 'All sources', exportAcled: 'ACLED CSV', exportGeojson: 'GeoJSON', tiles: 'Tiles',
    tilesPrompt: 'Tile URL, e.g. https://tile.example.org/{z}/{x}/{y}.png (empty: no tiles)',
    timeline: 'Events per day (drag to select a period)', clearRange: 'Clear period',
    shown: (shown, total) => `${shown} of ${total} events shown`,
    date: 'Date', type: 'Type', subType: 'Sub-type', location: 'Place', country: 'Country', fatalities: 'Fatalities',
    reports: 'Reports', outlets: 'Outlets', back: '← Back to the map', loading: 'Loading…', notFound: 'No such event',
    injured: 'Injured', arrested: 'Arrested', crowd: 'Crowd', confidence: 'Confidence',
    verification: 'Verification', acled: 'ACLED', sources: 'Source chains', claims: 'Claims by source',
    labels: 'How each source names the actors', report: 'Report', noNamedSource: '(no named source)',
    slot: 'Figure', category: 'Category', distanced: 'distanced', more: 'more',
    eventId: 'Event id', revision: 'revision', noOutlet: 'outlet not given', noCategory: 'no category', fromPublication: 'from the publication date',
    undated: 'unknown: the texts give no date for the event and the publication date is not known',
    verifications: {},
    kind: { place: 'place', date: 'date', count: 'count', source: 'source', actor: 'actor',
            trigger: 'trigger', sentence: 'sentence' },
    slots: { fatalities: 'fatalities', injured: 'injured', arrested: 'arrested', crowd: 'crowd' },
    types: {},
    subTypes: {},
  },
};

let language = 'ru';

export function setLanguage(code) {
  language = TEXT[code] ? code : 'ru';
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-placeholder]')) {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  }
}

export function currentLanguage() {
  return language;
}

export function t(key, ...values) {
  const entry = TEXT[language][key] ?? TEXT.en[key] ?? key;
  return typeof entry === 'function' ? entry(...values) : entry;
}

export function typeName(eventType) {
  return TEXT[language].types[eventType] ?? eventType;
}

export function subTypeName(subType) {
  return TEXT[language].subTypes[subType] ?? subType;
}

export function verificationName(verification) {
  return t('verifications')[verification] ?? verification;
}

export function kindName(kind) {
  return t('kind')[kind] ?? kind;
}

export function slotName(slot) {
  return t('slots')[slot] ?? slot;
}
