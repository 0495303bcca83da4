// Confirmation after a request: names the person asked (GET /mentorships/{id}).
import { getMentorship } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { startPage } from '../lib/page.mjs'

startPage()

async function main () {
  const mentorshipId = new URLSearchParams(window.location.search).get('id')
  if (!mentorshipId) return
  await requireAccessToken()
  try {
    const mentorship = await getMentorship(mentorshipId)
    const name = mentorship.other.display_name
    document.getElementById('sent-to').textContent = `We have sent your request to ${name}`
    document.querySelectorAll('[data-other-name]').forEach((element) => { element.textContent = name })
  } catch {
    // The general wording already on the page is still true.
  }
}

main()
