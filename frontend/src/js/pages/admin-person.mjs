// Who someone is (administrators), the reports about them, and the way to suspend or reinstate.
import { ApiError, getPerson } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { personLink, whoTheyAre } from '../lib/admin-people.mjs'
import { el, formatDate } from '../lib/dom.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'

const STATES = ['loading', 'not-admin', 'not-found', 'person']

startPage()

function reportItem (report) {
  return el('li', { class: 'app-tag-list__item' },
    el('div', {},
      el('p', { class: 'govuk-body govuk-!-margin-bottom-1 app-quoted-message' }, report.reason || 'No reason kept'),
      el('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' },
        `Reported on ${formatDate(report.created_at, { time: true })} by `, personLink(report.reporter))))
}

function standingAction (person) {
  const suspended = person.state === 'suspended'
  const change = suspended ? 'reinstate' : 'suspend'
  return el('div', {},
    el('p', { class: 'govuk-body' }, suspended
      ? 'Their account is suspended: they cannot sign in and are not suggested to anyone.'
      : 'Their account is active.'),
    el('a', {
      href: `/admin/person/standing?id=${encodeURIComponent(person.user_id)}&change=${change}`,
      role: 'button',
      draggable: 'false',
      class: `govuk-button${suspended ? ' govuk-button--secondary' : ' govuk-button--warning'}`,
      'data-module': 'govuk-button'
    }, suspended ? 'Reinstate account' : 'Suspend account'))
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  const userId = new URLSearchParams(window.location.search).get('id') || ''
  if (!userId) return showOnly(['not-found'], STATES)
  let person
  try {
    person = await getPerson(userId)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return showOnly(['not-found'], STATES)
    showOnly([], STATES)
    return showProblem()
  }
  setPageHeading('person-heading', person.display_name || person.email || 'Person')
  document.getElementById('person-summary').replaceChildren(whoTheyAre(person))
  const reports = Array.isArray(person.reports) ? person.reports : []
  document.getElementById('reports-heading').textContent = `Reports about them (${reports.length})`
  document.getElementById('reports-list').replaceChildren(...reports.map(reportItem))
  document.getElementById('no-reports').hidden = reports.length > 0
  document.getElementById('standing-action').replaceChildren(standingAction(person))
  showOnly(['person'], STATES)
}

main()
