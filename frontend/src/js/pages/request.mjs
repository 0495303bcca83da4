// Ask someone to mentor you: a message, then POST /mentorships, then the confirmation page.
import site from '../../data/site.json'
import { ApiError, getProfile, requestMentor } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { firstName } from '../lib/dom.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'

const STATES = ['loading', 'not-found', 'request-form']
const MAX_LENGTH = site.limits.message

startPage()

const form = document.getElementById('request-form')
const mentorId = new URLSearchParams(window.location.search).get('mentor')

function showNotFound () {
  setPageHeading('request-heading', 'Person not found')
  showOnly(['not-found'], STATES)
}

async function send (name) {
  const message = form.elements.message.value.trim()
  if (!message) return showErrors([{ controlId: 'message', text: `Enter a message to ${name}` }])
  if (message.length > MAX_LENGTH) return showErrors([{ controlId: 'message', text: `Your message must be ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` }])
  clearErrors()
  try {
    const mentorship = await requestMentor(mentorId, message)
    leavePage(`/request/sent?id=${encodeURIComponent(mentorship.mentorship_id)}`)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 404) return showNotFound()
    // 409: not available, a request already open, or too many waiting. The API says which, plainly.
    if (error.status === 409) return showErrors([{ text: error.message }])
    if (error.status === 400 && error.fields.message) return showErrors([{ controlId: 'message', text: `Enter a message to ${name}, using ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` }])
    if (error.status === 400) return showErrors([{ text: error.message }])
    showProblem()
  }
}

async function main () {
  if (!mentorId) return showNotFound()
  await requireAccessToken()
  let profile
  try {
    profile = await getProfile(mentorId)
  } catch (error) {
    if (error.status === 404) return showNotFound()
    showOnly([], STATES)
    return showProblem()
  }
  const name = profile.display_name || 'this person'
  setPageHeading('request-heading', `Ask ${name} to mentor you`)
  document.querySelectorAll('[data-first-name]').forEach((element) => { element.textContent = firstName(name) })
  showOnly(['request-form'], STATES)
  onSubmit(form, () => send(firstName(name)))
}

main()
