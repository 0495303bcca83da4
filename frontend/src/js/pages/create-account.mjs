import { checkSignUp } from '../lib/api.mjs'
import { checkEmail, checkNewPassword } from '../lib/checks.mjs'
import { signUp } from '../lib/cognito.mjs'
import { describeCognitoError } from '../lib/cognito-messages.mjs'
import { clearErrors, showErrors } from '../lib/messages.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { startPage } from '../lib/page.mjs'
import { getPendingInvitation, setFlash, setPendingEmail } from '../lib/session.mjs'

startPage()

const form = document.getElementById('create-account-form')
// Joining through an invitation link (/join): say so, and send its code with the sign-up.
const invitation = getPendingInvitation()
if (invitation) {
  document.querySelectorAll('[data-organisation-name]').forEach((element) => { element.textContent = invitation.organisationName || 'your organisation' })
  document.getElementById('invitation-notice').hidden = false
}

onSubmit(form, async () => {
  const email = form.elements.email.value.trim()
  const password = form.elements.password.value
  const errors = [
    { controlId: 'email', text: checkEmail(email) },
    { controlId: 'password', text: checkNewPassword(password) }
  ].filter((error) => error.text)
  if (errors.length) return showErrors(errors)

  clearErrors()
  // The sign-up gate first (its own page when it says no); an invitation opens the service to any address.
  if (!invitation) {
    try {
      await checkSignUp(email)
    } catch (error) {
      if (error.code === 'sign_up_not_allowed') {
        setPendingEmail(email)
        leavePage('/create-account/not-allowed')
        return
      }
      if (error.status === 400) return showErrors([{ controlId: 'email', text: 'Enter an email address in the correct format, like name@example.gov.uk' }])
      // Anything else: let the sign-up go ahead; the user pool's own gate still applies.
    }
  }
  try {
    const result = await signUp(email, password, { invitationCode: invitation ? invitation.code : '' })
    setPendingEmail(email)
    if (result.UserConfirmed) {
      setFlash('success', 'Your account has been created. Sign in to continue.')
      leavePage('/sign-in')
    } else {
      leavePage('/verify')
    }
  } catch (error) {
    // An account already, with a password or opened through LinkedIn (the PreSignUp trigger refuses
    // a password sign-up for it, saying to continue with LinkedIn).
    const throughLinkedIn = error.type === 'UserLambdaValidationException' && /continue with linkedin/i.test(error.message || '')
    if (error.type === 'UsernameExistsException' || throughLinkedIn) {
      // Never say whether an address has an account: carry on exactly as for a new one. The next
      // page tells everyone that an existing account gets no code and should sign in instead.
      setPendingEmail(email)
      leavePage('/verify')
      return
    }
    if (!invitation && error.type === 'UserLambdaValidationException') { // the gate said no
      setPendingEmail(email)
      leavePage('/create-account/not-allowed')
      return
    }
    showErrors([describeCognitoError(invitation ? 'signUpInvited' : 'signUp', error)])
  }
})
