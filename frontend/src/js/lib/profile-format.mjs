// How profile values read on the page.
import grades from '../../data/grades.json'

export const GRADE_LABELS = Object.fromEntries(grades.map((grade) => [grade.value, grade.label]))

export const ROLE_LABELS = { mentee: 'Looking for a mentor', mentor: 'Mentor' }
const MY_ROLE_LABELS = { mentee: 'I want a mentor', mentor: 'I want to mentor other people' }

const NOT_GIVEN = 'Not given'

function textNode (text) {
  return document.createTextNode(text)
}

function bulletList (items) {
  const list = document.createElement('ul')
  list.className = 'govuk-list'
  for (const item of items) {
    const li = document.createElement('li')
    li.textContent = item
    list.append(li)
  }
  return list
}

function paragraphs (text) {
  const fragment = document.createDocumentFragment()
  for (const chunk of String(text).split(/\n\s*\n/)) {
    if (!chunk.trim()) continue
    const p = document.createElement('p')
    p.className = 'govuk-body'
    p.textContent = chunk.trim()
    fragment.append(p)
  }
  return fragment
}

/** One DOM node showing a profile field's value; organisations maps id -> name. */
export function formatField (name, profile, { organisations = {}, own = true } = {}) {
  const value = profile[name]
  switch (name) {
    case 'organisation_id':
      return textNode(profile.organisation_name || organisations[value] || value || NOT_GIVEN)
    case 'grade':
      return textNode(GRADE_LABELS[value] || value || NOT_GIVEN)
    case 'roles': {
      const labels = own ? MY_ROLE_LABELS : ROLE_LABELS
      const roles = Array.isArray(value) ? value.map((role) => labels[role] || role) : []
      return roles.length ? bulletList(roles) : textNode(NOT_GIVEN)
    }
    case 'accepting_requests':
      return textNode(value ? 'Yes' : 'No')
    case 'mentor_capacity':
      return textNode(value === undefined || value === null ? NOT_GIVEN : String(value))
    case 'bio':
      return value ? paragraphs(value) : textNode(NOT_GIVEN)
    default:
      if (Array.isArray(value)) return value.length ? bulletList(value) : textNode('None added')
      return textNode(value ? String(value) : NOT_GIVEN)
  }
}

/** Fills every [data-field] element inside root. */
export function fillFields (root, profile, options) {
  root.querySelectorAll('[data-field]').forEach((element) => {
    element.replaceChildren(formatField(element.dataset.field, profile, options))
  })
}

export function organisationNames (organisations) {
  return Object.fromEntries((organisations || []).map((organisation) => [organisation.id, organisation.name]))
}
