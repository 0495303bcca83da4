// Usage figures (administrators): GET /admin/stats, one row per organisation, then the totals.
import { ApiError, getUsageStats } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { el, formatDate } from '../lib/dom.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'not-admin', 'usage']
const NUMBERS = ['people', 'mentors', 'mentees', 'open_requests', 'accepted_requests']

startPage()

function number (value) {
  return typeof value === 'number' ? value.toLocaleString('en-GB') : '0'
}

function rate (value) {
  return typeof value === 'number' ? `${Math.round(value * 100)}%` : 'No answers yet'
}

function hours (value) {
  if (typeof value !== 'number') return 'No answers yet'
  if (value < 48) return `${Math.round(value * 10) / 10} hours`
  return `${Math.round(value / 24)} days`
}

function row (figures, { total = false } = {}) {
  const cell = (text) => el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, total ? el('strong', {}, text) : text)
  return el('tr', { class: 'govuk-table__row' },
    el('th', { scope: 'row', class: 'govuk-table__header' }, figures.name || figures.organisation_id || 'Unknown'),
    NUMBERS.map((key) => cell(number(figures[key]))),
    cell(rate(figures.acceptance_rate)),
    cell(hours(figures.median_hours_to_first_answer)),
    cell(number(figures.reports_received)))
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  let stats
  try {
    stats = await getUsageStats()
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    showOnly([], STATES)
    return showProblem()
  }
  const rows = (stats.organisations || []).map((figures) => row(figures))
  if (stats.totals) rows.push(row({ ...stats.totals, name: 'All organisations' }, { total: true }))
  document.getElementById('usage-body').replaceChildren(...rows)
  const when = formatDate(stats.generated_at, { time: true })
  document.getElementById('generated-at').textContent = when ? `Figures at ${when}.` : ''
  showOnly(['usage'], STATES)
}

main()
