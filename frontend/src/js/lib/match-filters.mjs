// The filters on the matches page: department, location and grade, chosen with GOV.UK
// checkboxes in a GET form. The choices live in the page's address (?grade=G7&grade=G6), so
// applying them reloads the page; the list itself is filtered here, in the browser.
import grades from '../../data/grades.json'
import { el } from './dom.mjs'
import { GRADE_LABELS } from './profile-format.mjs'

const GRADE_ORDER = grades.map((grade) => grade.value)

export const FILTERS = [
  { name: 'department', legend: 'Department', valueOf: (match) => match.organisation_id || '', labelOf: (match) => match.department || match.organisation_id },
  { name: 'location', legend: 'Location', valueOf: (match) => match.location || '', labelOf: (match) => match.location },
  { name: 'grade', legend: 'Grade', valueOf: (match) => match.grade || '', labelOf: (match) => GRADE_LABELS[match.grade] || match.grade }
]

/** { department: Set, location: Set, grade: Set } from the address. */
export function readChoices (search = window.location.search) {
  const params = new URLSearchParams(search)
  return Object.fromEntries(FILTERS.map((filter) => [filter.name, new Set(params.getAll(filter.name).filter(Boolean))]))
}

/** The matches that pass every filter with a choice (any of its values). */
export function applyChoices (matches, choices) {
  return matches.filter((match) => FILTERS.every((filter) => {
    const wanted = choices[filter.name]
    return !wanted.size || wanted.has(filter.valueOf(match))
  }))
}

/** [{ value, label }] for one filter: the values found in the list, plus any chosen already. */
function optionsFor (filter, matches, chosen) {
  const options = new Map()
  for (const match of matches) {
    const value = filter.valueOf(match)
    if (value && !options.has(value)) options.set(value, filter.labelOf(match))
  }
  for (const value of chosen) if (!options.has(value)) options.set(value, filter.name === 'grade' ? (GRADE_LABELS[value] || value) : value)
  const list = [...options].map(([value, label]) => ({ value, label: String(label || value) }))
  if (filter.name === 'grade') return list.sort((a, b) => GRADE_ORDER.indexOf(a.value) - GRADE_ORDER.indexOf(b.value))
  return list.sort((a, b) => a.label.localeCompare(b.label, 'en-GB'))
}

/** Fills each filter's GOV.UK checkboxes, ticking the chosen ones. */
export function renderOptions (form, matches, choices) {
  for (const filter of FILTERS) {
    const container = form.querySelector(`[data-filter="${filter.name}"]`)
    const items = optionsFor(filter, matches, choices[filter.name]).map((option, index) => {
      const id = `${filter.name}-${index + 1}`
      return el('div', { class: 'govuk-checkboxes__item' },
        el('input', { class: 'govuk-checkboxes__input', id, name: filter.name, type: 'checkbox', value: option.value, checked: choices[filter.name].has(option.value) }),
        el('label', { class: 'govuk-label govuk-checkboxes__label', for: id }, option.label))
    })
    container.replaceChildren(...items)
    container.closest('.govuk-form-group').hidden = items.length === 0
  }
}

/** The address of this page with one choice taken away (for the "remove this filter" tags). */
function withoutChoice (name, value) {
  const params = new URLSearchParams(window.location.search)
  const kept = params.getAll(name).filter((other) => other !== value)
  params.delete(name)
  for (const other of kept) params.append(name, other)
  const query = params.toString()
  return window.location.pathname + (query ? `?${query}` : '')
}

/** MOJ Frontend's "Selected filters": one tag per choice, each a link that removes it. */
export function renderSelected (container, groups, matches, choices) {
  const sections = []
  for (const filter of FILTERS) {
    const chosen = [...choices[filter.name]]
    if (!chosen.length) continue
    const labels = new Map(optionsFor(filter, matches, choices[filter.name]).map((option) => [option.value, option.label]))
    sections.push(
      el('h3', { class: 'govuk-heading-s govuk-!-margin-bottom-0' }, filter.legend),
      el('ul', { class: 'moj-filter-tags' }, chosen.map((value) => el('li', {},
        el('a', { class: 'moj-filter__tag', href: withoutChoice(filter.name, value) },
          el('span', { class: 'govuk-visually-hidden' }, 'Remove this filter'), ` ${labels.get(value) || value}`))))
    )
  }
  groups.replaceChildren(...sections)
  container.hidden = sections.length === 0
}
