// End a mentorship (either side): optional private feedback, then a confirmation step, then
// POST /mentorships/{id}/end.
import site from '../../data/site.json'
import { moveMentorship } from '../lib/api.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors } from '../lib/messages.mjs'
import { DONE_MESSAGES, showMoveError } from '../lib/mentorship-moves.mjs'
import { fillOtherName, loadMentorship } from '../lib/one-mentorship.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'
import { setFlash } from '../lib/session.mjs'

const STATES = ['loading', 'not-open', 'feedback-form', 'confirm-form']
const MAX_LENGTH = site.limits.message

startPage()

function showStep (step, heading) {
  clearErrors()
  setPageHeading('end-heading', heading)
  showOnly([step], STATES)
}

async function main () {
  const mentorship = await loadMentorship(STATES)
  if (!mentorship) return
  if (!(mentorship.can || []).includes('end')) return showOnly(['not-open'], STATES)
  const name = fillOtherName(mentorship)
  const feedbackForm = document.getElementById('feedback-form')
  const confirmForm = document.getElementById('confirm-form')
  const feedback = () => feedbackForm.elements.feedback.value.trim()
  showStep('feedback-form', `End mentoring with ${name}`)

  onSubmit(feedbackForm, () => {
    if (feedback().length > MAX_LENGTH) {
      return showErrors([{ controlId: 'feedback', text: `Your feedback must be ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` }])
    }
    document.getElementById('feedback-copy').textContent = feedback()
    document.getElementById('feedback-check').hidden = !feedback()
    showStep('confirm-form', `Are you sure you want to end mentoring with ${name}?`)
    document.getElementById('end-heading').focus()
  })

  document.getElementById('change-feedback').addEventListener('click', () => {
    showStep('feedback-form', `End mentoring with ${name}`)
    feedbackForm.elements.feedback.focus()
  })

  onSubmit(confirmForm, async () => {
    try {
      await moveMentorship(mentorship.mentorship_id, 'end', feedback() ? { feedback: feedback() } : {})
    } catch (error) {
      return showMoveError(error)
    }
    setFlash('success', DONE_MESSAGES.end(name))
    leavePage('/mentoring')
  })
}

main()
