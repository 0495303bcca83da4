// Suspend or reinstate (administrators), only after seeing who it is: POST /admin/users/{id}/suspend|reinstate.
import { ApiError, changeAccountStanding, getPerson } from '../lib/api.mjs'
import { requireAdmin, showNotAdmin } from '../lib/admin-access.mjs'
import { whoTheyAre } from '../lib/admin-people.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'
import { setFlash } from '../lib/session.mjs'

const STATES = ['loading', 'not-admin', 'not-found', 'standing-form']
const DONE = {
  suspend: (name) => `${name}’s account is suspended. They cannot sign in, and they no longer appear in suggestions or searches.`,
  reinstate: (name) => `${name}’s account is active again. They can sign in.`
}

startPage()

async function main () {
  if (!(await requireAdmin(STATES))) return
  const params = new URLSearchParams(window.location.search)
  const userId = params.get('id') || ''
  const change = params.get('change') === 'reinstate' ? 'reinstate' : 'suspend'
  const personPage = `/admin/person?id=${encodeURIComponent(userId)}`
  let person
  try {
    person = userId ? await getPerson(userId) : null
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
    if (!(error instanceof ApiError && [400, 404].includes(error.status))) {
      showOnly([], STATES)
      return showProblem()
    }
  }
  if (!person) return showOnly(['not-found'], STATES)
  const name = person.display_name || person.email || 'this person'
  setPageHeading('standing-heading', change === 'suspend'
    ? `Are you sure you want to suspend ${name}’s account?`
    : `Are you sure you want to reinstate ${name}’s account?`)
  document.getElementById('who').replaceChildren(whoTheyAre(person))
  document.getElementById('suspend-consequences').hidden = change !== 'suspend'
  document.getElementById('reinstate-consequences').hidden = change !== 'reinstate'
  const button = document.getElementById('confirm-button')
  if (change === 'reinstate') {
    button.textContent = 'Yes, reinstate this account'
    button.classList.remove('govuk-button--warning')
  }
  document.getElementById('back-link').href = personPage
  document.getElementById('cancel-link').href = personPage
  showOnly(['standing-form'], STATES)
  onSubmit(document.getElementById('standing-form'), async () => {
    clearErrors()
    try {
      await changeAccountStanding(userId, change)
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return showNotAdmin(STATES)
      if (error instanceof ApiError && error.status === 409) return showErrors([{ text: 'You cannot suspend your own account' }])
      if (error instanceof ApiError && error.status === 404) return showErrors([{ text: 'This account has been deleted' }])
      return showProblem()
    }
    setFlash('success', DONE[change](name))
    leavePage(personPage)
  })
}

main()
