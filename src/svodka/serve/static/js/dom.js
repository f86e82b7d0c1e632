// Every element is built here: strings become text nodes, never markup.
export function el(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'dataset') Object.assign(element.dataset, value);
    else element[name] = value;
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

// A link only for web addresses: a stored URL could be "javascript:...".
export function safeHref(url) {
  return /^https?:\/\//i.test(url || '') ? url : null;
}
