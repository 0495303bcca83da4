// Find a mentor: GET /mentors with the form's choices (kept in the address), a page at a time.
import { ApiError, apiRequest, getOrganisations } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { el, firstName, summaryList } from '../lib/dom.mjs'
import { showProblem, showErrors } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { GRADE_LABELS } from '../lib/profile-format.mjs'

const STATES = ['loading', 'no-profile', 'results']
const FIELDS = ['skill', 'organisation', 'location', 'grade']
const form = document.getElementById('search-form')
const list = document.getElementById('mentor-list')
let shown = 0
let cursor = null

startPage()

function choices () {
  const params = new URLSearchParams(window.location.search)
  return Object.fromEntries(FIELDS.map((name) => [name, (params.get(name) || '').trim()]).filter(([, value]) => value))
}

function fillForm (chosen) {
  for (const name of FIELDS) if (form.elements[name]) form.elements[name].value = chosen[name] || ''
}

async function fillOrganisations (chosen) {
  const reply = await getOrganisations().catch(() => ({ organisations: [] }))
  const organisations = (reply.organisations || []).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  const select = form.elements.organisation
  select.replaceChildren(new Option('Any organisation', ''), ...organisations.map((org) => new Option(org.name, org.id)))
  select.value = chosen.organisation || ''
}

function mentorCard (mentor, index) {
  const name = mentor.display_name || 'Name not given'
  const helps = Array.isArray(mentor.can_help_with) ? mentor.can_help_with : []
  const offered = Array.isArray(mentor.skills_offered) ? mentor.skills_offered : []
  return el('li', { class: 'app-match', 'data-user-id': mentor.user_id },
    el('div', { class: 'govuk-summary-card' },
      el('div', { class: 'govuk-summary-card__title-wrapper' },
        el('h3', { class: 'govuk-summary-card__title', id: `mentor-${index}-name`, tabindex: '-1' },
          el('a', { class: 'govuk-link', href: `/people?id=${encodeURIComponent(mentor.user_id)}` }, name)),
        el('ul', { class: 'govuk-summary-card__actions' },
          el('li', { class: 'govuk-summary-card__action' },
            el('a', { class: 'govuk-link', href: `/request?mentor=${encodeURIComponent(mentor.user_id)}` }, `Ask ${firstName(name)} to mentor you`)))),
      el('div', { class: 'govuk-summary-card__content' },
        summaryList([
          { key: 'Can help you with', value: helps.length ? helps.join(', ') : 'None of the skills you want to develop' },
          { key: 'Skills they offer', value: offered.length ? offered.join(', ') : 'None listed' },
          { key: 'Job title', value: mentor.job_title || 'Not given' },
          { key: 'Department', value: mentor.department || 'Not given' },
          { key: 'Grade', value: GRADE_LABELS[mentor.grade] || mentor.grade || 'Not given' },
          { key: 'Location', value: mentor.location || 'Not given' }
        ]))))
}

function query (chosen) {
  const params = new URLSearchParams(chosen)
  if (cursor) params.set('cursor', cursor)
  const text = params.toString()
  return `/mentors${text ? `?${text}` : ''}`
}

async function loadPage (chosen) {
  const reply = await apiRequest('GET', query(chosen))
  const mentors = Array.isArray(reply.mentors) ? reply.mentors : []
  const first = shown
  list.append(...mentors.map((mentor, index) => mentorCard(mentor, first + index)))
  shown += mentors.length
  cursor = reply.next_cursor || null
  document.getElementById('more').hidden = !cursor
  document.getElementById('no-results').hidden = shown > 0 || Boolean(cursor)
  document.getElementById('results-heading').textContent = shown === 1 ? '1 mentor' : `${shown} mentors${cursor ? ' so far' : ''}`
  return mentors.length
}

async function main () {
  const chosen = choices()
  fillForm(chosen)
  await requireAccessToken()
  await fillOrganisations(chosen)
  try {
    await loadPage(chosen)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return showOnly(['no-profile'], STATES)
    showOnly([], STATES)
    if (error instanceof ApiError && error.status === 400) return showErrors([{ text: 'Check your search: each answer must be shorter, or chosen from its list' }])
    return showProblem()
  }
  showOnly(['results'], STATES)
  document.getElementById('more-button').addEventListener('click', async () => {
    const before = shown
    try {
      const added = await loadPage(chosen)
      document.getElementById('results-status').textContent = `${added} more mentors shown`
      document.getElementById(`mentor-${before}-name`)?.focus()
    } catch {
      showProblem()
    }
  })
}

main()
