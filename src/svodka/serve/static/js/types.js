// One colour per ACLED event type, on the map, the timeline and the table.
const COLOURS = {
  Protests: '#1f77b4',
  Riots: '#ff7f0e',
  Battles: '#d62728',
  'Explosions/Remote violence': '#9467bd',
  'Violence against civilians': '#8c564b',
  'Strategic developments': '#2ca02c',
};
const OTHER = '#7f7f7f';

export function typeColour(eventType) {
  return COLOURS[eventType] ?? OTHER;
}

export function knownTypes(events) {
  const present = new Set(events.map((event) => event.event_type));
  return [...Object.keys(COLOURS).filter((type) => present.has(type)),
    ...[...present].filter((type) => !(type in COLOURS)).sort()];
}

export function interval(low, high) {
  if (low === null || low === undefined) return '';
  if (high === low) return String(low);
  if (high === null || high === undefined) return `≥${low}`;
  return `${low}–${high}`;
}
