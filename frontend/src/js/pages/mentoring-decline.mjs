// Decline a request (mentor), with an optional reason: POST /mentorships/{id}/decline.
import site from '../../data/site.json'
import { moveMentorship } from '../lib/api.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors } from '../lib/messages.mjs'
import { DONE_MESSAGES, showMoveError } from '../lib/mentorship-moves.mjs'
import { fillOtherName, loadMentorship } from '../lib/one-mentorship.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'
import { setFlash } from '../lib/session.mjs'

const STATES = ['loading', 'not-open', 'decline-form']
const MAX_LENGTH = site.limits.reason

startPage()

async function main () {
  const mentorship = await loadMentorship(STATES)
  if (!mentorship) return
  if (!(mentorship.can || []).includes('decline')) return showOnly(['not-open'], STATES)
  const name = fillOtherName(mentorship)
  setPageHeading('decline-heading', `Decline ${name}’s request`)
  showOnly(['decline-form'], STATES)
  const form = document.getElementById('decline-form')
  onSubmit(form, async () => {
    const reason = form.elements.reason.value.trim()
    if (reason.length > MAX_LENGTH) {
      return showErrors([{ controlId: 'reason', text: `Your reason must be ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` }])
    }
    clearErrors()
    try {
      await moveMentorship(mentorship.mentorship_id, 'decline', reason ? { reason } : {})
    } catch (error) {
      return showMoveError(error)
    }
    setFlash('success', DONE_MESSAGES.decline(name))
    leavePage('/mentoring')
  })
}

main()
