// /mentorships?id=<mentorship_id> (the address in our emails) -> /conversation?id=<mentorship_id>.
import { startPage } from '../lib/page.mjs'

const mentorshipId = new URLSearchParams(window.location.search).get('id')
if (mentorshipId) {
  window.location.replace(`/conversation?id=${encodeURIComponent(mentorshipId)}`)
} else {
  startPage()
}
