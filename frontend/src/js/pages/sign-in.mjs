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
const next = safeNextPath(new URLSearchParams(window.location.search).get('next'))
if (getPendingEmail() && !form.elements.email.value) form.elements.email.value = getPendingEmail()
offerLinkedIn({ next })

onSubmit(form, async () => {
  const email = form.elements.email.value.trim()
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
    return showErrors([describeSignInError(reply.status, code)])
  }
  saveSession(reply.body)
  setPendingEmail(null)
  // Joining through an invitation link: redeem it now, before the profile is created.
  await redeemPendingInvitation()
  leavePage(next)
})

