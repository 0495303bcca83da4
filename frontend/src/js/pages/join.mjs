// The invitation landing page: check the code (public), keep it for sign-up and sign-in.
import { ApiError, checkInvitation } from '../lib/api.mjs'
import { formatDate } from '../lib/dom.mjs'
import { INVITATION_NOT_VALID_REASON, TOO_MANY_TRIES } from '../lib/invitation.mjs'
import { offerLinkedIn } from '../lib/linkedin.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'
import { setPendingInvitation } from '../lib/session.mjs'

const STATES = ['loading', 'not-valid', 'invitation']

startPage()

function showNotValid (text) {
  setPendingInvitation(null)
  setPageHeading('join-heading', 'This invitation link is not valid')
  document.getElementById('not-valid-text').textContent = text
  showOnly(['not-valid'], STATES)
}

async function main () {
  const code = (new URLSearchParams(window.location.search).get('code') || '').trim()
  if (!code) return showNotValid(INVITATION_NOT_VALID_REASON)
  let invitation
  try {
    invitation = await checkInvitation(code)
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) return showNotValid(TOO_MANY_TRIES)
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) return showNotValid(INVITATION_NOT_VALID_REASON)
    showOnly([], STATES)
    return showProblem()
  }
  const name = (invitation.organisation && invitation.organisation.name) || 'your organisation'
  setPendingInvitation({ code, organisationName: name })
  setPageHeading('join-heading', `Join ${name} on Mentor Match`)
  document.getElementById('organisation-name').textContent = name
  document.querySelectorAll('[data-organisation-name]').forEach((element) => { element.textContent = name })
  const expires = formatDate(invitation.expires_at)
  document.getElementById('expires').textContent = expires ? `This invitation link works until ${expires}.` : ''
  showOnly(['invitation'], STATES)
  offerLinkedIn({ next: '/profile/new' })
}

main()
