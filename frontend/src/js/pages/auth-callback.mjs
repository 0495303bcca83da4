// The callback of Continue with LinkedIn: hands the code and its PKCE verifier to the API, which
// makes the session; retries once after Cognito's first-sign-in-after-linking error; says
// clearly when the sign-up gate refuses. A new person goes on to create their profile, with the
// name LinkedIn gave already filled in (the profile form reads it from the session).
import { ApiError, getMyProfile } from '../lib/api.mjs'
import { safeNextPath, sessionCall } from '../lib/auth.mjs'
import { leavePage } from '../lib/forms.mjs'
import { redeemPendingInvitation } from '../lib/invitation.mjs'
import { continueWithLinkedIn, readCallback, rememberHostedSession, shouldRetry, triggerMessage } from '../lib/linkedin.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { saveSession, setPendingInvitation } from '../lib/session.mjs'

const STATES = ['loading', 'refused', 'failed']
const TRY_AGAIN = 'We could not finish signing you in with LinkedIn. Try again.'

startPage()

function show (state, heading, text) {
  document.getElementById('callback-heading').textContent = heading
  document.title = `${heading} – ${document.title.split(' – ').slice(1).join(' – ')}`
  document.getElementById(`${state}-text`).textContent = text
  showOnly([state], STATES)
  document.getElementById('callback-heading').setAttribute('tabindex', '-1')
  document.getElementById('callback-heading').focus()
}

const refuse = (text) => show('refused', 'You cannot use Mentor Match with this LinkedIn account', text)
const fail = (text = TRY_AGAIN) => show('failed', 'You are not signed in', text)

async function afterSignIn (next) {
  await redeemPendingInvitation() // a person who already had an account joins through the link too
  try {
    await getMyProfile()
    leavePage(safeNextPath(next))
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return leavePage('/profile/new/name')
    leavePage('/profile')
  }
}

async function main () {
  const outcome = await readCallback()
  if (!outcome) return fail('This sign-in has already been used or has expired. Sign in again.')
  if (shouldRetry(outcome)) return continueWithLinkedIn({ next: outcome.data.next, retried: true })
  if (outcome.error === 'access_denied') return fail('You did not finish signing in with LinkedIn.')
  if (outcome.error && /user is disabled/i.test(outcome.description)) {
    return fail('Your account has been suspended. Contact the Mentor Match team.')
  }
  if (outcome.error) {
    const message = triggerMessage(outcome.description)
    return message ? refuse(message) : fail()
  }
  const reply = await sessionCall('POST', '/session/oauth', {
    body: { code: outcome.code, code_verifier: outcome.codeVerifier, redirect_uri: outcome.redirectUri, invitation: outcome.data.invitation || '' }
  }).catch(() => ({ status: 0, body: null }))
  rememberHostedSession() // signing out ends the LinkedIn session at the hosted endpoints too
  const error = reply.body && reply.body.error
  if (reply.status === 200) {
    saveSession(reply.body)
    return afterSignIn(outcome.data.next)
  }
  if (reply.status === 403 && error && error.code === 'sign_up_not_allowed') {
    setPendingInvitation(null)
    return refuse(error.message)
  }
  return fail()
}

main()
