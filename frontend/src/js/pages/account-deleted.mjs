// The account is gone: forget every trace of it in this browser (the session cookies too) before showing the header.
import { signOut } from '../lib/auth.mjs'
import { startPage } from '../lib/page.mjs'
import { setPendingEmail } from '../lib/session.mjs'

setPendingEmail(null)
signOut().finally(startPage)
