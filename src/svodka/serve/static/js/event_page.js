import { clear, el, safeHref } from './dom.js';
import { kindName, slotName, subTypeName, t, typeName, verificationName } from './i18n.js';
import { interval } from './types.js';

// The kind that colours a stretch of text covered by several pieces of evidence.
const PRIORITY = ['count', 'place', 'date', 'source', 'actor', 'trigger', 'sentence'];
const SLOTS = ['fatalities', 'injured', 'arrested', 'crowd'];

export function renderEvent(container, event) {
  clear(container).append(
    el('a', { href: '#/', className: 'back', textContent: t('back') }),
    el('h1', {}, `${typeName(event.event_type)} — ${subTypeName(event.sub_event_type)}`),
    facts(event),
    section(t('sources'), sourceTree(event.sources)),
    section(t('claims'), claimsTable(event.claims)),
    section(t('labels'), labelsTable(event.reports)),
    ...event.reports.map(report),
  );
}

function section(title, ...content) {
  return el('section', { className: 'panel' }, el('h2', { textContent: title }), ...content);
}

function facts(event) {
  const place = event.location ?? {};
  const rows = [
    [t('date'), eventDate(event)],
    [t('location'), [place.name, place.admin1, place.country].filter(Boolean).join(', ') || '—'],
    ...SLOTS.filter((slot) => event[slot]).map((slot) => [
      t(slot), interval(event[slot].min, event[slot].max) + (slot === 'fatalities' ? ` (${t('acled')}: ${event[slot].acled})` : ''),
    ]),
    [t('outlets'), event.outlets.join(', ')],
    [t('confidence'), event.confidence ?? '—'],
    ...(event.event_id_cnty ? [[t('eventId'), `${event.event_id_cnty} (${t('revision')} ${event.revision})`]] : []),
    ...(event.verification ? [[t('verification'), verificationName(event.verification)]] : []),
  ];
  return el('dl', { className: 'facts' }, rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, String(value))]));
}

// An undated event says why; a day taken from the publication says so.
function eventDate(event) {
  if (!event.date) return t('undated');
  return event.time_precision === 2 ? `${event.date} (${t('fromPublication')})` : event.date;
}

function outletName(outlet) {
  return outlet || t('noOutlet');
}

function sourceName(chain, unnamed = []) {
  return chain.length ? chain.join(' → ') : unnamed.length ? unnamed.join(', ') : t('noNamedSource');
}

// Outlet, then who it cites, then whom they cite: one level of the list per link of the chain.
function sourceTree(sources) {
  const byOutlet = new Map();
  for (const source of sources) {
    const outlet = outletName(source.outlet);
    if (!byOutlet.has(outlet)) byOutlet.set(outlet, []);
    byOutlet.get(outlet).push(source.chain);
  }
  const nested = (chain) => (chain.length
    ? el('ul', {}, el('li', {}, chain[0], chain.length > 1 ? nested(chain.slice(1)) : null))
    : el('ul', {}, el('li', { className: 'muted', textContent: t('noNamedSource') })));
  return el('ul', { className: 'source-tree' },
    [...byOutlet.entries()].map(([outlet, chains]) => el('li', {}, el('strong', {}, outlet), chains.map(nested))));
}

function claimsTable(claims) {
  const column = (c) => `${outletName(c.outlet)}: ${sourceName(c.chain, c.source?.unnamed)}`;
  const columns = [...new Set(claims.map(column))];
  const slots = SLOTS.filter((slot) => claims.some((c) => c.slot === slot));
  if (!slots.length) return el('p', { className: 'muted', textContent: '—' });
  const cell = (slot, name) => {
    const said = claims.filter((c) => c.slot === slot && column(c) === name);
    return el('td', {}, said.map((c) => el('div', {},
      el('strong', {}, interval(c.min, c.max)), ` «${c.text ?? ''}»`,
      c.distanced ? ` (${t('distanced')})` : '', c.verification ? ` [${verificationName(c.verification)}]` : '')));
  };
  return el('table', { className: 'side-by-side claims' },
    el('thead', {}, el('tr', {}, el('th', {}, t('slot')), columns.map((column) => el('th', {}, column)))),
    el('tbody', {}, slots.map((slot) => el('tr', {}, el('th', {}, slotName(slot)), columns.map((name) => cell(slot, name))))));
}

function labelsTable(reports) {
  const labels = reports.flatMap((r) => r.event.labels.map((label) => ({
    ...label, column: `${outletName(r.document.source)}: ${sourceName(label.source)}`,
  })));
  if (!labels.length) return el('p', { className: 'muted', textContent: '—' });
  const columns = [...new Set(labels.map((l) => l.column))];
  const categories = [...new Set(labels.map((l) => l.category ?? t('noCategory')))];
  return el('table', { className: 'side-by-side labels' },
    el('thead', {}, el('tr', {}, el('th', {}, t('category')), columns.map((column) => el('th', {}, column)))),
    el('tbody', {}, categories.map((category) => el('tr', {}, el('th', {}, category), columns.map((column) => el('td', {},
      [...new Set(labels.filter((l) => l.column === column && (l.category ?? t('noCategory')) === category).map((l) => l.label))].join('; ')))))));
}

function report(item) {
  const { document: doc } = item;
  const href = safeHref(doc.url);
  return el('article', { className: 'panel report', dataset: { document: doc.key } },
    el('h2', {}, `${t('report')}: ${outletName(doc.source)}`, doc.published ? `, ${doc.published}` : ''),
    doc.title ? el('p', { className: 'title', textContent: doc.title }) : null,
    href ? el('p', {}, el('a', { href, textContent: doc.url, rel: 'noopener noreferrer', target: '_blank' })) : null,
    legend(),
    highlighted(item.text, item.spans));
}

function legend() {
  return el('p', { className: 'legend' }, PRIORITY.map((kind) => el('mark', { className: `ev ev-${kind}`, textContent: kindName(kind) })));
}

// Offsets count code points, as Python does; Array.from splits the text the same way.
export function highlighted(text, spans) {
  const characters = Array.from(text);
  const clamp = (offset) => Math.max(0, Math.min(characters.length, offset));
  const cuts = [...new Set([0, characters.length, ...spans.flatMap((s) => [clamp(s.start), clamp(s.end)])])].sort((a, b) => a - b);
  const body = el('div', { className: 'document-text' });
  for (let i = 0; i < cuts.length - 1; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const starting = spans.filter((s) => s.start === start && s.kind !== 'sentence');
    for (const kind of new Set(starting.map((s) => s.kind))) {
      const labels = starting.filter((s) => s.kind === kind).map((s) => s.label);
      body.append(el('span', { className: `tag tag-${kind}`, textContent: kindName(kind), title: labels.join('; ') }));
    }
    const piece = characters.slice(start, end).join('');
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    if (!covering.length) {
      body.append(piece);
      continue;
    }
    const kinds = [...new Set(covering.map((s) => s.kind))].sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
    body.append(el('mark', {
      className: `ev ev-${kinds[0]}`,
      textContent: piece,
      title: covering.filter((s) => s.label).map((s) => `${kindName(s.kind)}: ${s.label}`).join('\n'),
      dataset: { kinds: kinds.join(' ') },
    }));
  }
  return body;
}
