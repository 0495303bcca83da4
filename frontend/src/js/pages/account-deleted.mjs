// The account is gone: forget every trace of it in this tab before showing the header.
import { startPage } from '../lib/page.mjs'
import { clearSession, setPendingEmail } from '../lib/session.mjs'

clearSession()
setPendingEmail(null)
startPage()
