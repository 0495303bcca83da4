// Accept a request (mentor) once its message has been read: POST /mentorships/{id}/accept.
import { moveMentorship } from '../lib/api.mjs'
import { formatDate } from '../lib/dom.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors } from '../lib/messages.mjs'
import { DONE_MESSAGES, showMoveError } from '../lib/mentorship-moves.mjs'
import { fillOtherName, loadMentorship } from '../lib/one-mentorship.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'
import { setFlash } from '../lib/session.mjs'

const STATES = ['loading', 'not-open', 'accept-form']

startPage()

async function main () {
  const mentorship = await loadMentorship(STATES)
  if (!mentorship) return
  if (!(mentorship.can || []).includes('accept')) return showOnly(['not-open'], STATES)
  const name = fillOtherName(mentorship)
  const id = encodeURIComponent(mentorship.mentorship_id)
  setPageHeading('accept-heading', `Accept ${name}’s request`)
  const message = mentorship.request_message
  document.getElementById('request-message').textContent = message ? message.body : 'They did not write a message.'
  document.getElementById('request-sent').textContent = message ? `Sent on ${formatDate(message.sent_at, { time: true })}` : ''
  document.getElementById('profile-link').href = `/people?id=${encodeURIComponent(mentorship.other.user_id || '')}`
  document.getElementById('decline-instead').href = `/mentoring/decline?id=${id}`
  showOnly(['accept-form'], STATES)
  onSubmit(document.getElementById('accept-form'), async () => {
    clearErrors()
    try {
      await moveMentorship(mentorship.mentorship_id, 'accept')
    } catch (error) {
      return showMoveError(error)
    }
    setFlash('success', DONE_MESSAGES.accept(name))
    leavePage(`/conversation?id=${id}`)
  })
}

main()
