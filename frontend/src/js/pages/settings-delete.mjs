// Delete my account (DELETE /me), then sign out here and say it is done.
import { deleteMyAccount } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showProblem } from '../lib/messages.mjs'
import { startPage } from '../lib/page.mjs'
import { clearSession } from '../lib/session.mjs'

startPage()

async function main () {
  await requireAccessToken()
  onSubmit(document.getElementById('delete-form'), async () => {
    clearErrors()
    try {
      await deleteMyAccount()
    } catch {
      return showProblem('Sorry, we could not delete your account. Nothing has been deleted yet, or only part of it: try again later.')
    }
    clearSession()
    leavePage('/account-deleted')
  })
}

main()
