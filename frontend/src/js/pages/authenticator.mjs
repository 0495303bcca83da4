// Set up an authenticator app: the key to type into it, then its first code turns it on. The page
// then signs out, so the next sign-in (with a code) is the one admin rights are used from.
import { apiRequest } from '../lib/api.mjs'
import { requireAccessToken, signOut } from '../lib/auth.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { startPage } from '../lib/page.mjs'
import { setFlash } from '../lib/session.mjs'

startPage()

async function main () {
  await requireAccessToken()
  const form = document.getElementById('authenticator-form')
  try {
    const added = await apiRequest('POST', '/me/authenticator')
    document.getElementById('setup-key-value').textContent = added.secret
    form.hidden = false
  } catch {
    return showProblem('Sorry, we could not start setting up an authenticator app. Try again later.')
  }
  onSubmit(form, async () => {
    const code = form.elements.code.value.replace(/\s+/g, '')
    if (!/^[0-9]{6}$/.test(code)) return showErrors([{ controlId: 'code', text: 'Enter the 6-digit code the app shows' }])
    clearErrors()
    try {
      await apiRequest('PUT', '/me/authenticator', { body: { code } })
    } catch {
      return showErrors([{ controlId: 'code', text: 'The code is not correct. Enter the code your app shows now' }])
    }
    await signOut()
    setFlash('success', 'Your authenticator app is set up. Sign in again: you will be asked for its code.')
    leavePage('/sign-in')
  })
}

main()
