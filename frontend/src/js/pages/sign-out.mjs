// Ends the session everywhere (this tab, the browser's other tabs, other devices), then the hosted
// sign-in's session too when this browser used Continue with LinkedIn, then shows the page.
import { signOut } from '../lib/auth.mjs'
import { hostedSignOutUrl } from '../lib/linkedin.mjs'
import { startPage } from '../lib/page.mjs'

signOut()
  .then(hostedSignOutUrl)
  .catch(() => null)
  .then((url) => (url ? window.location.replace(url) : startPage()))
