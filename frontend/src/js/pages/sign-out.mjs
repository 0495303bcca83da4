// Forgets the tokens at once; asks Cognito to end the session everywhere as a courtesy
// (the local emulator may refuse, which changes nothing for the person signing out).
import { globalSignOut } from '../lib/cognito.mjs'
import { startPage } from '../lib/page.mjs'
import { clearSession, getSession } from '../lib/session.mjs'

const session = getSession()
clearSession()
startPage()
if (session) globalSignOut(session.accessToken).catch(() => {})
