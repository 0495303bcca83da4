// Suspend or reinstate an account by user id (administrators).
import { ApiError, changeAccountStanding } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { onSubmit } from '../lib/forms.mjs'
import { clearErrors, showBanner, showErrors, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'not-admin', 'account-form']
const DONE = {
  suspend: (id) => `Account ${id} is suspended. They cannot sign in, and they no longer appear in suggestions.`,
  reinstate: (id) => `Account ${id} is active again. They can sign in.`
}

startPage()

const form = document.getElementById('account-form')

async function change (event) {
  const userId = form.elements.user_id.value.trim()
  const move = event.submitter && event.submitter.value === 'reinstate' ? 'reinstate' : 'suspend'
  if (!userId) return showErrors([{ controlId: 'user_id', text: 'Enter the user ID of the account' }])
  if (!/^[A-Za-z0-9-]{1,128}$/.test(userId)) return showErrors([{ controlId: 'user_id', text: 'Enter a user ID in the correct format, like 93ff1af7-da3d-4d09-945e-4486c5d1a4d8' }])
  clearErrors()
  try {
    await changeAccountStanding(userId, move)
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    if (error instanceof ApiError && error.status === 404) return showErrors([{ controlId: 'user_id', text: 'There is no account with this user ID, or it has been deleted' }])
    if (error instanceof ApiError && error.status === 409) return showErrors([{ controlId: 'user_id', text: 'You cannot suspend your own account' }])
    return showProblem()
  }
  form.elements.user_id.value = ''
  showBanner('success', DONE[move](userId))
}

async function main () {
  if (!(await requireAdmin(STATES))) return
  showOnly(['account-form'], STATES)
  onSubmit(form, change)
}

main()
