// The refusal page says which address was turned away (kept for this tab by the create-account page).
import { startPage } from '../lib/page.mjs'
import { getPendingEmail } from '../lib/session.mjs'

startPage()
const email = getPendingEmail()
if (email) {
  document.getElementById('refused-email-address').textContent = email
  document.getElementById('refused-email').hidden = false
}
