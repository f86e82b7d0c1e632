import { allEvents, getJSON, query } from './api.js';
import { clear, el } from './dom.js';
import { renderEvent } from './event_page.js';
import { setLanguage, t, typeName, currentLanguage } from './i18n.js';
import { createMap, showEvents, tilesUrl, useTiles } from './map.js';
import { renderTable } from './table.js';
import { drawTimeline } from './timeline.js';
import { knownTypes, typeColour } from './types.js';

const LANGUAGE_KEY = 'svodka.lang';
const state = { events: [], total: 0, range: null, sort: { key: 'date', descending: true } };
const $ = (selector) => document.querySelector(selector);
let map = null;

function filters() {
  const form = new FormData($('#filters'));
  return Object.fromEntries([...form.entries()].map(([name, value]) => [name, value.trim()]));
}

// The form's filters, narrowed to the period brushed on the timeline.
function currentFilter() {
  return { ...filters(), since: state.range?.[0], until: state.range?.[1] };
}

function visibleEvents() {
  if (!state.range) return state.events;
  return state.events.filter((e) => e.date && e.date >= state.range[0] && e.date <= state.range[1]);
}

function renderOverview({ fit = false } = {}) {
  const visible = visibleEvents();
  showEvents(map, visible, { fit });
  drawTimeline($('#timeline-chart'), state.events, state.range, (range) => {
    state.range = range;
    renderOverview();
  });
  renderLegend();
  renderTable($('#events'), visible, state.sort, (sort) => {
    state.sort = sort;
    renderOverview();
  });
  $('#table-count').textContent = t('shown', Math.min(visible.length, 1000), state.range ? visible.length : state.total);
  $('#range').textContent = state.range ? `${state.range[0]} — ${state.range[1]}` : '';
  $('#clear-range').hidden = !state.range;
  for (const format of ['acled', 'geojson']) {
    $(`#export-${format}`).href = `/api/export?${query({ format, ...currentFilter() })}`;
  }
}

function renderLegend() {
  clear($('#legend')).append(...knownTypes(state.events).map((type) => {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = typeColour(type);
    return el('span', { className: 'legend-item' }, swatch, typeName(type));
  }));
}

async function loadEvents() {
  try {
    const { events, total } = await allEvents(filters());
    Object.assign(state, { events, total, range: null });
    renderOverview({ fit: true });
  } catch (error) {
    Object.assign(state, { events: [], total: 0, range: null });
    renderOverview();
    $('#table-count').textContent = error.message;
    $('#table-count').className = 'error';
    return;
  }
  $('#table-count').className = '';
}

async function fillChoices() {
  const [types, places, sources] = await Promise.all([
    getJSON('/api/aggregates', { by: 'type' }), getJSON('/api/places'), getJSON('/api/sources'),
  ]);
  const options = (select, values, label = (v) => v) => $(select).append(
    ...values.map((value) => el('option', { value, textContent: label(value) })));
  options('select[name=type]', types.map((row) => row.key), typeName);
  options('select[name=country]', [...new Set(places.map((p) => p.country).filter(Boolean))].sort());
  options('select[name=source]', sources.map((s) => s.name).filter(Boolean));
  options('#place-names', [...new Set(places.map((p) => p.name))]);
}

async function showRoute() {
  const match = location.hash.match(/^#\/event\/(.+)$/);
  $('#overview').hidden = Boolean(match);
  $('#event-page').hidden = !match;
  if (!match) {
    map.map.invalidateSize();
    return;
  }
  const page = clear($('#event-page'));
  page.append(el('p', { textContent: t('loading') }));
  try {
    renderEvent(page, await getJSON(`/api/events/${match[1]}`));
  } catch (error) {
    clear(page).append(el('a', { href: '#/', textContent: t('back') }), el('p', { className: 'error', textContent: `${t('notFound')}: ${error.message}` }));
  }
  window.scrollTo(0, 0);
}

function switchLanguage(code) {
  localStorage.setItem(LANGUAGE_KEY, code);
  setLanguage(code);
  $('#language').textContent = code === 'ru' ? 'EN' : 'RU';
  for (const option of document.querySelectorAll('select[name=type] option[value]:not([value=""])')) {
    option.textContent = typeName(option.value);
  }
  renderOverview();
  if (location.hash.startsWith('#/event/')) showRoute();
}

async function start() {
  const info = await getJSON('/api/info');
  setLanguage(localStorage.getItem(LANGUAGE_KEY) || info.language);
  $('#language').textContent = currentLanguage() === 'ru' ? 'EN' : 'RU';
  map = createMap($('#map'));
  let typing = null;
  $('#filters').addEventListener('input', (change) => {
    clearTimeout(typing);
    typing = setTimeout(loadEvents, change.target.tagName === 'SELECT' ? 0 : 300);
  });
  $('#filters').addEventListener('submit', (submit) => submit.preventDefault());
  $('#clear-range').onclick = () => {
    state.range = null;
    renderOverview();
  };
  $('#language').onclick = () => switchLanguage(currentLanguage() === 'ru' ? 'en' : 'ru');
  $('#tiles').onclick = () => {
    const url = prompt(t('tilesPrompt'), tilesUrl());
    if (url !== null) useTiles(map, url.trim());
  };
  window.addEventListener('hashchange', showRoute);
  window.addEventListener('resize', () => renderOverview());
  await Promise.all([fillChoices(), loadEvents()]);
  await showRoute();
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  document.body.prepend(el('p', { className: 'error', textContent: error.message }));
});
