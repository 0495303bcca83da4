// Withdraw a request (mentee) after "are you sure?": POST /mentorships/{id}/withdraw.
import { moveMentorship } from '../lib/api.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors } from '../lib/messages.mjs'
import { DONE_MESSAGES, showMoveError } from '../lib/mentorship-moves.mjs'
import { fillOtherName, loadMentorship } from '../lib/one-mentorship.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'
import { setFlash } from '../lib/session.mjs'

const STATES = ['loading', 'not-open', 'withdraw-form']

startPage()

async function main () {
  const mentorship = await loadMentorship(STATES)
  if (!mentorship) return
  if (!(mentorship.can || []).includes('withdraw')) return showOnly(['not-open'], STATES)
  const name = fillOtherName(mentorship)
  setPageHeading('withdraw-heading', `Are you sure you want to withdraw your request to ${name}?`)
  showOnly(['withdraw-form'], STATES)
  onSubmit(document.getElementById('withdraw-form'), async () => {
    clearErrors()
    try {
      await moveMentorship(mentorship.mentorship_id, 'withdraw')
    } catch (error) {
      return showMoveError(error)
    }
    setFlash('success', DONE_MESSAGES.withdraw(name))
    leavePage('/mentoring')
  })
}

main()
