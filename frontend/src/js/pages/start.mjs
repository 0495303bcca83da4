// Start page: people already signed in go on to their profile instead of creating an account.
import { offerLinkedIn } from '../lib/linkedin.mjs'
import { startPage } from '../lib/page.mjs'
import { isSignedIn } from '../lib/session.mjs'

startPage()
if (isSignedIn()) {
  const button = document.getElementById('start-button')
  if (button) button.setAttribute('href', '/profile')
}
if (!isSignedIn()) offerLinkedIn()
