// Reports (administrators): the last 90 days, newest first, each linked to the people involved.
import { ApiError, getReports } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { personLink } from '../lib/admin-people.mjs'
import { el, formatDate } from '../lib/dom.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'not-admin', 'reports']

startPage()

function row (report) {
  const cell = (content) => el('td', { class: 'govuk-table__cell' }, content)
  return el('tr', { class: 'govuk-table__row' },
    cell(formatDate(report.created_at, { time: true })),
    cell(personLink(report.reported)),
    cell(personLink(report.reporter)),
    cell(el('span', { class: 'app-quoted-message' }, report.reason || 'Not kept (the person reported has left)')))
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  try {
    const reports = (await getReports(90)).reports || []
    document.getElementById('reports-body').replaceChildren(...reports.map(row))
    document.getElementById('reports-table-wrapper').hidden = !reports.length
    document.getElementById('no-reports').hidden = reports.length > 0
    showOnly(['reports'], STATES)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    showOnly([], STATES)
    showProblem()
  }
}

main()
