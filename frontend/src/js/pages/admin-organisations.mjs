// Organisations (administrators): the whole list, filtered as you type (name, abbreviation or email
// domain; open or closed), with a link to change each one.
import { ApiError, getAllOrganisations } from '../lib/api.mjs'
import { KIND_LABELS, requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { el, govukTag, hiddenText } from '../lib/dom.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'not-admin', 'organisation-admin']

startPage()

/** True when an organisation passes the filters: the text in its name, abbreviation or a domain. */
function passes (organisation, text, status) {
  const wanted = text.trim().toLocaleLowerCase('en-GB')
  const open = organisation.active !== false
  if ((status === 'open' && !open) || (status === 'closed' && open)) return false
  if (!wanted) return true
  return [organisation.name, organisation.abbreviation || '', ...(organisation.domains || [])]
    .some((value) => String(value).toLocaleLowerCase('en-GB').includes(wanted))
}

function applyFilters (organisations, rows) {
  const text = document.getElementById('organisation-filter').value
  const status = document.getElementById('status-filter').value
  let shown = 0
  organisations.forEach((organisation, index) => {
    const visible = passes(organisation, text, status)
    rows[index].hidden = !visible
    if (visible) shown += 1
  })
  document.getElementById('organisation-count').textContent = shown === organisations.length
    ? `${organisations.length} organisations`
    : `Showing ${shown} of ${organisations.length} organisations`
}

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
    const rows = organisations.map(row)
    document.getElementById('organisations-body').replaceChildren(...rows)
    const filter = () => applyFilters(organisations, rows)
    document.getElementById('organisation-filter').addEventListener('input', filter)
    document.getElementById('status-filter').addEventListener('change', filter)
    filter()
    showOnly(['organisation-admin'], STATES)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    showOnly([], STATES)
    showProblem()
  }
}

main()
