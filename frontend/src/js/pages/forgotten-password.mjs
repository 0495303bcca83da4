// Forgotten password, step 1: send a code (Cognito ForgotPassword), then go on to enter it.
import { checkEmail } from '../lib/checks.mjs'
import { forgotPassword } from '../lib/cognito.mjs'
import { describeCognitoError } from '../lib/cognito-messages.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors } from '../lib/messages.mjs'
import { startPage } from '../lib/page.mjs'
import { getPendingEmail, setPendingEmail } from '../lib/session.mjs'

startPage()

const form = document.getElementById('forgotten-form')
form.hidden = false // shown once this script can handle it (never sent to the server as a page)
if (getPendingEmail()) form.elements.email.value = getPendingEmail()

onSubmit(form, async () => {
  const email = form.elements.email.value.trim()
  const error = checkEmail(email)
  if (error) return showErrors([{ controlId: 'email', text: error }])
  clearErrors()
  try {
    await forgotPassword(email)
  } catch (failure) {
    return showErrors([describeCognitoError('forgotten', failure)])
  }
  setPendingEmail(email)
  leavePage('/forgotten-password/reset')
})
