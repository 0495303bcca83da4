import { safeNextPath, sessionCall } from '../lib/auth.mjs'
import { checkEmail } from '../lib/checks.mjs'
import { describeSignInError } from '../lib/cognito-messages.mjs'
import { clearErrors, showErrors } from '../lib/messages.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { redeemPendingInvitation } from '../lib/invitation.mjs'
import { offerLinkedIn } from '../lib/linkedin.mjs'
import { startPage } from '../lib/page.mjs'
import { getPendingEmail, saveSession, setFlash, setPendingEmail } from '../lib/session.mjs'

startPage()

const form = document.getElementById('sign-in-form')
const codeForm = document.getElementById('code-form')
let challenge = null // Cognito's challenge, kept in memory only: { name, session }
let email = ''
const next = safeNextPath(new URLSearchParams(window.location.search).get('next'))
if (getPendingEmail() && !form.elements.email.value) form.elements.email.value = getPendingEmail()
offerLinkedIn({ next })

async function signedIn (reply) {
  saveSession(reply.body)
  setPendingEmail(null)
  // Joining through an invitation link: redeem it now, before the profile is created.
  await redeemPendingInvitation()
  leavePage(next)
}

async function askForCode (asked) {
  challenge = asked
  form.hidden = true
  codeForm.hidden = false
  if (challenge.name === 'MFA_SETUP' && !challenge.secret) {
    const started = await sessionCall('POST', '/session/challenge', { body: { email, ...challenge } })
    if (started.status !== 200 || !started.body.challenge) return showErrors([describeSignInError(started.status, '')])
    challenge = started.body.challenge
  }
  document.getElementById('setup-key').hidden = !challenge.secret
  document.getElementById('setup-key-value').textContent = challenge.secret || ''
  codeForm.elements.code.focus()
}

onSubmit(codeForm, async () => {
  const code = codeForm.elements.code.value.replace(/\s+/g, '')
  if (!/^[0-9]{6}$/.test(code)) return showErrors([{ controlId: 'code', text: 'Enter the 6-digit code from your authenticator app' }])
  clearErrors()
  const reply = await sessionCall('POST', '/session/challenge',
    { body: { email, name: challenge.name, session: challenge.session, code } }).catch(() => ({ status: 0, body: null }))
  if (reply.status === 200 && reply.body.challenge) return askForCode(reply.body.challenge)
  if (reply.status !== 200) {
    const errorCode = reply.body && reply.body.error ? reply.body.error.code : ''
    if (errorCode === 'code_not_correct') return showErrors([{ controlId: 'code', text: 'The code is not correct. Enter the code your app shows now' }])
    return showErrors([describeSignInError(reply.status, errorCode)])
  }
  await signedIn(reply)
})

onSubmit(form, async () => {
  email = form.elements.email.value.trim()
  const password = form.elements.password.value
  const errors = [
    { controlId: 'email', text: checkEmail(email) },
    { controlId: 'password', text: password ? null : 'Enter your password' }
  ].filter((error) => error.text)
  if (errors.length) return showErrors(errors)

  clearErrors()
  const reply = await sessionCall('POST', '/session', { body: { email, password } })
    .catch(() => ({ status: 0, body: null }))
  if (reply.status !== 200) {
    const code = reply.body && reply.body.error ? reply.body.error.code : ''
    if (code === 'not_confirmed') {
      setPendingEmail(email)
      setFlash('important', 'You need to confirm your email address before you can sign in. Enter the code we sent you, or send a new code.')
      leavePage('/verify')
      return
    }
    if (code === 'sign_in_failed') setPendingEmail(email) // "Forgotten your password?" starts with it
    return showErrors([describeSignInError(reply.status, code)])
  }
  if (reply.body.challenge) return askForCode(reply.body.challenge)
  await signedIn(reply)
})

