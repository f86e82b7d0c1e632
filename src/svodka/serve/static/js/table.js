import { clear, el } from './dom.js';
import { subTypeName, t, typeName } from './i18n.js';
import { interval, typeColour } from './types.js';

const MOST_ROWS = 1000;
const COLUMNS = [
  { key: 'date', value: (e) => e.date ?? '' },
  { key: 'type', value: (e) => typeName(e.event_type) },
  { key: 'subType', value: (e) => subTypeName(e.sub_event_type) },
  { key: 'location', value: (e) => e.location ?? '' },
  { key: 'country', value: (e) => e.country ?? '' },
  { key: 'fatalities', value: (e) => e.fatalities_acled ?? -1, show: (e) => interval(e.fatalities_min, e.fatalities_max) },
  { key: 'reports', value: (e) => e.reports },
  { key: 'outlets', value: (e) => e.outlets.join(', ') },
];

function sortEvents(events, sort) {
  const column = COLUMNS.find((c) => c.key === sort.key);
  const sign = sort.descending ? -1 : 1;
  return [...events].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    return sign * (typeof x === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

export function renderTable(table, events, sort, onSort) {
  const header = clear(table.tHead.rows[0]);
  for (const column of COLUMNS) {
    const arrow = column.key === sort.key ? (sort.descending ? ' ▼' : ' ▲') : '';
    const cell = el('th', { textContent: t(column.key) + arrow, dataset: { key: column.key }, tabIndex: 0 });
    cell.onclick = () => onSort({ key: column.key, descending: column.key === sort.key ? !sort.descending : false });
    header.append(cell);
  }
  const rows = sortEvents(events, sort).slice(0, MOST_ROWS).map((event) => {
    const row = el('tr', { dataset: { id: event.id } });
    for (const column of COLUMNS) {
      const text = String((column.show ?? column.value)(event));
      if (column.key === 'date') {
        row.append(el('td', {}, el('a', { href: `#/event/${encodeURIComponent(event.id)}`, textContent: text || '—' })));
      } else if (column.key === 'type') {
        const swatch = el('span', { className: 'swatch' });
        swatch.style.background = typeColour(event.event_type);
        row.append(el('td', {}, swatch, text));
      } else {
        row.append(el('td', { textContent: text }));
      }
    }
    return row;
  });
  clear(table.tBodies[0]).append(...rows);
}
