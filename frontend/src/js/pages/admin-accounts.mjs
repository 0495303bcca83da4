// Find a person (administrators): GET /admin/users?q=, each result a link to who they are.
import { ApiError, findPeople } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { standingTag } from '../lib/admin-people.mjs'
import { el } from '../lib/dom.mjs'
import { showErrors, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { GRADE_LABELS } from '../lib/profile-format.mjs'

const STATES = ['loading', 'not-admin', 'find-person']

startPage()

function row (person) {
  const cell = (content) => el('td', { class: 'govuk-table__cell' }, content)
  const name = person.display_name || 'No profile yet'
  return el('tr', { class: 'govuk-table__row' },
    cell([el('a', { class: 'govuk-link', href: `/admin/person?id=${encodeURIComponent(person.user_id)}` }, name),
      person.email ? el('span', { class: 'govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0' }, person.email) : null]),
    cell(person.organisation ? person.organisation.name : 'Not given'),
    cell(GRADE_LABELS[person.grade] || person.grade || 'Not given'),
    cell(standingTag(person.state)))
}

async function find (typed) {
  const reply = await findPeople(typed)
  const people = Array.isArray(reply.people) ? reply.people : []
  document.getElementById('people-body').replaceChildren(...people.map(row))
  document.getElementById('people-table-wrapper').hidden = !people.length
  document.getElementById('results-heading').textContent = people.length
    ? `${people.length} ${people.length === 1 ? 'person' : 'people'} found for “${typed}”`
    : `Nobody found for “${typed}”. Check the spelling, or try their email address.`
  document.getElementById('results').hidden = false
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  showOnly(['find-person'], STATES)
  const typed = (new URLSearchParams(window.location.search).get('q') || '').trim()
  document.getElementById('q').value = typed
  if (!typed) return
  if (typed.length < 2) return showErrors([{ controlId: 'q', text: 'Enter at least 2 characters of their name or email address' }])
  try {
    await find(typed)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    if (error instanceof ApiError && error.status === 400) return showErrors([{ controlId: 'q', text: 'Enter at least 2 characters of their name or email address' }])
    showProblem()
  }
}

main()
