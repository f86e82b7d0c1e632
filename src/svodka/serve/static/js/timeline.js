// Events per day, stacked by type, as SVG; dragging across it selects a period.
import { typeName } from './i18n.js';
import { knownTypes, typeColour } from './types.js';

const NS = 'http://www.w3.org/2000/svg';
const HEIGHT = 120;
const AXIS = 18; // pixels under the bars for the dates
const LEFT = 28; // pixels left of the bars for the scale
const DAY = 86400000;

function svgElement(tag, attributes = {}, text = null) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== null) element.textContent = text;
  return element;
}

function daysBetween(first, last) {
  const days = [];
  for (let time = Date.parse(first); time <= Date.parse(last); time += DAY) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

export function drawTimeline(svg, events, range, onBrush) {
  svg.replaceChildren();
  const width = svg.clientWidth || 800;
  svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
  const dated = events.filter((event) => event.date);
  if (!dated.length) return;
  const dates = dated.map((event) => event.date).sort();
  const days = daysBetween(dates[0], dates[dates.length - 1]);
  const index = new Map(days.map((day, i) => [day, i]));
  const types = knownTypes(dated);
  const counts = days.map(() => new Map());
  for (const event of dated) {
    const day = counts[index.get(event.date)];
    day.set(event.event_type, (day.get(event.event_type) || 0) + 1);
  }
  const highest = Math.max(...counts.map((day) => [...day.values()].reduce((a, b) => a + b, 0)));
  const step = (width - LEFT) / days.length;
  const scale = (HEIGHT - AXIS - 4) / highest;
  const xOf = (i) => LEFT + i * step;

  days.forEach((day, i) => {
    let top = HEIGHT - AXIS;
    const inRange = !range || (day >= range[0] && day <= range[1]);
    for (const type of types) {
      const count = counts[i].get(type);
      if (!count) continue;
      top -= count * scale;
      const bar = svgElement('rect', {
        x: xOf(i), y: top, width: Math.max(1, step - 1), height: count * scale,
        fill: typeColour(type), opacity: inRange ? 1 : 0.3, class: 'bar', 'data-day': day,
      });
      bar.append(svgElement('title', {}, `${day} · ${typeName(type)}: ${count}`));
      svg.append(bar);
    }
  });
  svg.append(svgElement('text', { x: 2, y: 12, class: 'axis' }, String(highest)));
  svg.append(svgElement('text', { x: LEFT, y: HEIGHT - 4, class: 'axis' }, days[0]));
  svg.append(svgElement('text', { x: width - 2, y: HEIGHT - 4, class: 'axis', 'text-anchor': 'end' }, days[days.length - 1]));
  if (range) {
    const from = Math.max(0, index.get(range[0]) ?? 0);
    const to = index.get(range[1]) ?? days.length - 1;
    svg.append(svgElement('rect', {
      x: xOf(from), y: 0, width: (to - from + 1) * step, height: HEIGHT - AXIS, class: 'selection',
    }));
  }
  brush(svg, days, xOf, step, onBrush);
}

function brush(svg, days, xOf, step, onBrush) {
  const dayAt = (x) => Math.min(days.length - 1, Math.max(0, Math.floor((x - xOf(0)) / step)));
  const localX = (pointer) => pointer.clientX - svg.getBoundingClientRect().left;
  let start = null;
  let band = null;
  svg.onpointerdown = (pointer) => {
    start = localX(pointer);
    svg.setPointerCapture(pointer.pointerId);
    band = svgElement('rect', { x: start, y: 0, width: 0, height: HEIGHT - AXIS, class: 'selection' });
    svg.append(band);
  };
  svg.onpointermove = (pointer) => {
    if (start === null) return;
    const x = localX(pointer);
    band.setAttribute('x', Math.min(start, x));
    band.setAttribute('width', Math.abs(x - start));
  };
  svg.onpointerup = (pointer) => {
    if (start === null) return;
    const [low, high] = [start, localX(pointer)].sort((a, b) => a - b);
    start = null;
    onBrush([days[dayAt(low)], days[dayAt(high)]]);
  };
}
