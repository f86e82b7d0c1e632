export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  return search.toString();
}

export async function getJSON(path, parameters = {}) {
  const search = query(parameters);
  const response = await fetch(search ? `${path}?${search}` : path);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || body.detail || `${response.status} ${path}`);
  }
  return response.json();
}

const PAGE = 500;
const MOST = 20000; // events the browser loads for one filter

export async function allEvents(filters) {
  const events = [];
  let total = 0;
  do {
    const page = await getJSON('/api/events', { ...filters, limit: PAGE, offset: events.length });
    total = page.total;
    events.push(...page.events);
    if (!page.events.length) break;
  } while (events.length < Math.min(total, MOST));
  return { events, total };
}
