/* global L, topojson */
import { el } from './dom.js';
import { t, typeName } from './i18n.js';
import { typeColour } from './types.js';

const CELL = 48; // pixels: events closer than this on screen share one marker
const TILES_KEY = 'svodka.tiles';
const POPUP_ROWS = 15;

export function createMap(container) {
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([45, 60], 3);
  map.createPane('countries').style.zIndex = 250; // above tiles, below markers
  const view = { map, markers: L.layerGroup().addTo(map), tiles: null, countries: null, events: [] };
  fetch('/static/vendor/countries-110m.json')
    .then((response) => response.json())
    .then((atlas) => {
      view.countries = L.geoJSON(topojson.feature(atlas, atlas.objects.countries), {
        pane: 'countries', interactive: false, style: countryStyle(view),
      }).addTo(map);
    });
  useTiles(view, localStorage.getItem(TILES_KEY));
  map.on('zoomend', () => drawMarkers(view));
  return view;
}

// Tiles only when the user names a tile server: the map must work with no network.
export function useTiles(view, url) {
  if (view.tiles) view.tiles.remove();
  view.tiles = url ? L.tileLayer(url, { maxZoom: 18 }).addTo(view.map) : null;
  if (url) localStorage.setItem(TILES_KEY, url);
  else localStorage.removeItem(TILES_KEY);
  if (view.countries) view.countries.setStyle(countryStyle(view));
}

// Filled land when there is nothing else to see; outlines only over tiles.
function countryStyle(view) {
  return { color: '#8a8a8a', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: view.tiles ? 0 : 1 };
}

export function tilesUrl() {
  return localStorage.getItem(TILES_KEY) || '';
}

export function showEvents(view, events, { fit = false } = {}) {
  view.events = events.filter((event) => event.lat !== null && event.lon !== null);
  if (fit && view.events.length) {
    view.map.fitBounds(L.latLngBounds(view.events.map((e) => [e.lat, e.lon])), { padding: [40, 40], maxZoom: 6, animate: false });
  }
  drawMarkers(view);
}

function drawMarkers(view) {
  view.markers.clearLayers();
  for (const cluster of clusters(view.map, view.events)) {
    const marker = cluster.events.length === 1 ? eventMarker(cluster) : clusterMarker(cluster);
    marker.bindPopup(() => popup(cluster.events));
    marker.addTo(view.markers);
    const element = marker.getElement();
    element.dataset.count = cluster.events.length;
    element.dataset.type = cluster.type;
  }
}

function clusters(map, events) {
  const cells = new Map();
  const zoom = map.getZoom();
  for (const event of events) {
    const point = map.project([event.lat, event.lon], zoom);
    const key = `${Math.floor(point.x / CELL)}:${Math.floor(point.y / CELL)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(event);
  }
  return [...cells.values()].map((members) => ({
    events: members,
    latlng: [mean(members.map((e) => e.lat)), mean(members.map((e) => e.lon))],
    type: mostCommon(members.map((e) => e.event_type)),
    fatalities: members.reduce((sum, e) => sum + (e.fatalities_acled || 0), 0),
  }));
}

function eventMarker(cluster) {
  return L.circleMarker(cluster.latlng, {
    radius: 6 + 2 * Math.sqrt(cluster.fatalities),
    color: '#333', weight: 1, fillColor: typeColour(cluster.type), fillOpacity: 0.85,
  });
}

function clusterMarker(cluster) {
  const size = Math.min(64, 24 + 4 * Math.sqrt(cluster.events.length) + 2 * Math.sqrt(cluster.fatalities));
  const badge = el('div', { className: 'cluster-badge', textContent: String(cluster.events.length) });
  badge.style.background = typeColour(cluster.type);
  badge.style.width = badge.style.height = `${size}px`;
  const icon = L.divIcon({ html: badge, className: 'cluster', iconSize: [size, size] });
  return L.marker(cluster.latlng, { icon });
}

function popup(events) {
  const rows = events.slice(0, POPUP_ROWS).map((event) => el('li', {},
    el('a', { href: `#/event/${encodeURIComponent(event.id)}`, textContent: `${event.date ?? ''} ${event.location ?? ''}` }),
    ` ${typeName(event.event_type)}`,
    event.fatalities_acled ? ` (${t('fatalities')}: ${event.fatalities_acled})` : ''));
  const rest = events.length - POPUP_ROWS;
  return el('div', { className: 'popup' }, el('ul', {}, rows), rest > 0 ? el('p', {}, `+${rest} ${t('more')}`) : null);
}

function mean(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function mostCommon(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
