// Block or report someone: POST /blocks and/or POST /reports, then the confirmation page.
import site from '../../data/site.json'
import { ApiError, blockPerson, getProfile, reportPerson } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'

const STATES = ['loading', 'not-found', 'report-form']
const MAX_LENGTH = site.limits.reason

startPage()

const params = new URLSearchParams(window.location.search)
const userId = params.get('user')
const mentorshipId = params.get('mentorship')
const form = document.getElementById('report-form')

function check (name) {
  const block = form.elements.block.checked
  const report = form.elements.report.checked
  const reason = form.elements.reason.value.trim()
  const errors = []
  if (!block && !report) errors.push({ controlId: 'block', text: `Select if you want to block or report ${name}` })
  if (report && !reason) errors.push({ controlId: 'reason', text: 'Enter what happened' })
  if (report && reason.length > MAX_LENGTH) errors.push({ controlId: 'reason', text: `What happened must be ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` })
  return { errors, block, report, reason }
}

async function submit (name) {
  const { errors, block, report, reason } = check(name)
  if (errors.length) return showErrors(errors)
  clearErrors()
  try {
    if (report) await reportPerson(mentorshipId ? { mentorship_id: mentorshipId } : { user_id: userId }, reason)
    if (block) await blockPerson(userId)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return showOnly(['not-found'], STATES)
    if (error instanceof ApiError && error.status === 400) return showErrors([{ text: error.message }])
    return showProblem()
  }
  const done = new URLSearchParams()
  if (block) done.set('blocked', '1')
  if (report) done.set('reported', '1')
  leavePage(`/report/done?${done}`)
}

async function main () {
  if (!userId) return showOnly(['not-found'], STATES)
  await requireAccessToken()
  let profile
  try {
    profile = await getProfile(userId)
  } catch (error) {
    if (error.status === 404) return showOnly(['not-found'], STATES)
    showOnly([], STATES)
    return showProblem()
  }
  const name = profile.display_name || 'this person'
  setPageHeading('report-heading', `Block or report ${name}`)
  form.querySelector('label[for="block"]').textContent = `Block ${name}`
  form.querySelector('label[for="report"]').textContent = `Report ${name} to the Mentor Match team`
  if (mentorshipId) document.getElementById('cancel-link').href = `/conversation?id=${encodeURIComponent(mentorshipId)}`
  else document.getElementById('cancel-link').href = `/people?id=${encodeURIComponent(userId)}`
  showOnly(['report-form'], STATES)
  onSubmit(form, () => submit(name))
}

main()
