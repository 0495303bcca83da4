import { checkCode, checkEmail, cleanCode } from '../lib/checks.mjs'
import { confirmSignUp, resendConfirmationCode } from '../lib/cognito.mjs'
import { describeCognitoError } from '../lib/cognito-messages.mjs'
import { isLocalCopy, loadConfig } from '../lib/config.mjs'
import { clearErrors, showBanner, showErrors } from '../lib/messages.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { startPage } from '../lib/page.mjs'
import { getPendingEmail, setFlash, setPendingEmail } from '../lib/session.mjs'

startPage()

const form = document.getElementById('verify-form')
const pendingEmail = getPendingEmail()

if (pendingEmail) {
  // We know who this is: say where the code went and ask for the code alone.
  document.getElementById('code-sent-to-email').textContent = pendingEmail
  document.getElementById('code-sent-to').hidden = false
  document.getElementById('code-sent-generic').hidden = true
  document.getElementById('email-question').hidden = true
  form.elements.email.value = pendingEmail
}

loadConfig().then((config) => {
  document.getElementById('local-code-notice').hidden = !isLocalCopy(config)
}).catch(() => {})

function currentEmail () {
  return form.elements.email.value.trim()
}

/** Errors about the email address are shown on the email question, made visible if it was hidden. */
function showErrorsWithEmail (errors) {
  if (errors.some((error) => error.controlId === 'email')) document.getElementById('email-question').hidden = false
  showErrors(errors)
}

onSubmit(form, async () => {
  const email = currentEmail()
  const code = cleanCode(form.elements.code.value)
  const errors = [
    { controlId: 'email', text: checkEmail(email) },
    { controlId: 'code', text: checkCode(code) }
  ].filter((error) => error.text)
  if (errors.length) return showErrorsWithEmail(errors)

  clearErrors()
  try {
    await confirmSignUp(email, code)
    setPendingEmail(email)
    setFlash('success', 'Your email address has been confirmed. Sign in to continue.')
    leavePage('/sign-in')
  } catch (error) {
    if (error.type === 'NotAuthorizedException') {
      // Cognito says this when the account is already confirmed.
      setFlash('important', 'Your email address is already confirmed. Sign in to continue.')
      leavePage('/sign-in')
      return
    }
    showErrorsWithEmail([describeCognitoError('confirm', error)])
  }
})

document.getElementById('resend-button').addEventListener('click', async () => {
  const email = currentEmail()
  const emailError = checkEmail(email)
  if (emailError) return showErrorsWithEmail([{ controlId: 'email', text: emailError }])
  clearErrors()
  try {
    await resendConfirmationCode(email)
    showBanner('success', `We have sent a new code to ${email}.`)
  } catch (error) {
    showErrorsWithEmail([describeCognitoError('confirm', error)])
  }
})
