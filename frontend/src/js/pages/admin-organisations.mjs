// Organisations (administrators): the whole list, with a link to change each one.
import { ApiError, getAllOrganisations } from '../lib/api.mjs'
import { KIND_LABELS, requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { el, govukTag, hiddenText } from '../lib/dom.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'not-admin', 'organisation-admin']

startPage()

function row (organisation) {
  const cell = (content) => el('td', { class: 'govuk-table__cell' }, content)
  const name = organisation.abbreviation ? `${organisation.name} (${organisation.abbreviation})` : organisation.name
  const domains = organisation.domains && organisation.domains.length
    ? el('ul', { class: 'govuk-list govuk-!-margin-bottom-0' }, organisation.domains.map((domain) => el('li', {}, domain)))
    : 'None'
  return el('tr', { class: 'govuk-table__row' },
    cell(name),
    cell(KIND_LABELS[organisation.kind] || organisation.kind),
    cell(domains),
    cell(organisation.active === false ? govukTag('Closed', 'grey') : govukTag('Open', 'green')),
    cell(el('a', { class: 'govuk-link', href: `/admin/organisation?id=${encodeURIComponent(organisation.id)}` }, 'Change', hiddenText(` ${organisation.name}`))))
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  try {
    const organisations = ((await getAllOrganisations()).organisations || [])
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    document.getElementById('organisations-body').replaceChildren(...organisations.map(row))
    document.getElementById('organisation-count').textContent = `${organisations.length} organisations`
    showOnly(['organisation-admin'], STATES)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    showOnly([], STATES)
    showProblem()
  }
}

main()
