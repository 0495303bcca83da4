// Ends the session everywhere (this tab, the browser's other tabs, other devices), then shows the page.
import { signOut } from '../lib/auth.mjs'
import { startPage } from '../lib/page.mjs'

signOut().finally(startPage)
