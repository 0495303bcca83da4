// Forgotten password, step 2: the code and a new password (Cognito ConfirmForgotPassword), then the
// person is signed in with it through the API's session (POST /session), as on the sign-in page.
import { safeNextPath, sessionCall } from '../lib/auth.mjs'
import { checkCode, checkEmail, checkNewPassword, cleanCode } from '../lib/checks.mjs'
import { confirmForgotPassword, forgotPassword } from '../lib/cognito.mjs'
import { describeCognitoError } from '../lib/cognito-messages.mjs'
import { isLocalCopy, loadConfig } from '../lib/config.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { redeemPendingInvitation } from '../lib/invitation.mjs'
import { clearErrors, showBanner, showErrors } from '../lib/messages.mjs'
import { startPage } from '../lib/page.mjs'
import { getPendingEmail, saveSession, setFlash, setPendingEmail } from '../lib/session.mjs'

startPage()

const form = document.getElementById('reset-form')
form.hidden = false // shown once this script can handle it (never sent to the server as a page)
const pendingEmail = getPendingEmail()
if (pendingEmail) {
  document.getElementById('code-sent-to-email').textContent = pendingEmail
  document.getElementById('code-sent-to').hidden = false
  document.getElementById('email-question').hidden = true
  form.elements.email.value = pendingEmail
}

loadConfig().then((config) => {
  document.getElementById('local-code-notice').hidden = !isLocalCopy(config)
}).catch(() => {})

function showErrorsWithEmail (errors) {
  if (errors.some((error) => error.controlId === 'email')) document.getElementById('email-question').hidden = false
  showErrors(errors)
}

async function signIn (email, password) {
  const reply = await sessionCall('POST', '/session', { body: { email, password } }).catch(() => ({ status: 0, body: null }))
  if (reply.status !== 200 || !reply.body || !reply.body.access_token) {
    // The password is changed, but signing in needs more (an authenticator app's code) or failed.
    setPendingEmail(email)
    setFlash('success', 'Your password has been changed. Sign in with your new password.')
    leavePage('/sign-in')
    return
  }
  saveSession(reply.body)
  setPendingEmail(null)
  await redeemPendingInvitation()
  setFlash('success', 'Your password has been changed and you are signed in')
  leavePage(safeNextPath(new URLSearchParams(window.location.search).get('next')))
}

onSubmit(form, async () => {
  const email = form.elements.email.value.trim()
  const code = cleanCode(form.elements.code.value)
  const password = form.elements.password.value
  const errors = [
    { controlId: 'email', text: checkEmail(email) },
    { controlId: 'code', text: checkCode(code) },
    { controlId: 'password', text: checkNewPassword(password) }
  ].filter((error) => error.text)
  if (errors.length) return showErrorsWithEmail(errors)
  clearErrors()
  try {
    await confirmForgotPassword(email, code, password)
  } catch (failure) {
    return showErrorsWithEmail([describeCognitoError('reset', failure)])
  }
  await signIn(email, password)
})

document.getElementById('resend-button').addEventListener('click', async () => {
  const email = form.elements.email.value.trim()
  const error = checkEmail(email)
  if (error) return showErrorsWithEmail([{ controlId: 'email', text: error }])
  clearErrors()
  try {
    await forgotPassword(email)
    showBanner('success', `If ${email} has an account, we have sent a new code to it.`)
  } catch (failure) {
    showErrorsWithEmail([describeCognitoError('forgotten', failure)])
  }
})
