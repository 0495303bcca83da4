// Building page content in the browser. Everything from the API goes in as text (text nodes,
// textContent, attribute values), never as HTML.

/**
 * el('a', { class: 'govuk-link', href }, 'text', otherNode) -> an element.
 * attrs: attribute values (null, undefined and false leave the attribute out; true sets it empty);
 * children: strings (added as text), nodes, or arrays of them; null and false are skipped.
 */
export function el (tag, attrs = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
  append(element, children)
  return element
}

function append (parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(parent, child)
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
}

/** Text a screen reader reads but nobody sees, for example to make "Accept" say whose request. */
export function hiddenText (text) {
  return el('span', { class: 'govuk-visually-hidden' }, text)
}

/** A GOV.UK tag: colour is one of govuk-frontend's tag colours ("green", "grey", ...) or ''. */
export function govukTag (text, colour = '') {
  return el('strong', { class: `govuk-tag${colour ? ` govuk-tag--${colour}` : ''}` }, text)
}

/** A GOV.UK summary list: rows [{ key, value (text or node), hidden? }]. */
export function summaryList (rows, attrs = {}) {
  return el('dl', { class: 'govuk-summary-list', ...attrs },
    rows.filter((row) => !row.hidden).map((row) => el('div', { class: 'govuk-summary-list__row' },
      el('dt', { class: 'govuk-summary-list__key' }, row.key),
      el('dd', { class: 'govuk-summary-list__value' }, row.value))))
}

/** "1 May 2026" (and "at 9:30am" with time: true), in UK time, from an ISO 8601 string. */
export function formatDate (iso, { time = false } = {}) {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
  if (!time) return day
  const clock = date.toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' })
  return `${day} at ${clock.replace(/\s/g, '').toLowerCase()}`
}

/** The first word of a name, for "Ask Ben to mentor you". */
export function firstName (displayName) {
  return String(displayName || '').trim().split(/\s+/)[0] || 'them'
}
