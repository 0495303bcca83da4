// Pages about one mentorship (?id=<mentorship_id>): load it, and put the other person's name
// in the page.
import { getMentorship } from './api.mjs'
import { requireAccessToken } from './auth.mjs'
import { showProblem } from './messages.mjs'
import { showOnly } from './page.mjs'

export function mentorshipIdFromAddress () {
  return new URLSearchParams(window.location.search).get('id') || ''
}

/**
 * The mentorship (GET /mentorships/{id}), or null once the page shows why not:
 * the "not-open" state for a missing id or one that is not mine, a problem for anything else.
 */
export async function loadMentorship (states) {
  const mentorshipId = mentorshipIdFromAddress()
  if (!mentorshipId) {
    showOnly(['not-open'], states)
    return null
  }
  await requireAccessToken()
  try {
    return await getMentorship(mentorshipId)
  } catch (error) {
    if (error.status === 404) showOnly(['not-open'], states)
    else {
      showOnly([], states)
      showProblem()
    }
    return null
  }
}

/** Fills every [data-other-name] element with their name. */
export function fillOtherName (mentorship) {
  const name = (mentorship.other && mentorship.other.display_name) || 'them'
  document.querySelectorAll('[data-other-name]').forEach((element) => { element.textContent = name })
  return name
}
