// The admin area's start page.
import { requireAdmin } from '../lib/admin-access.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'not-admin', 'admin-links']

startPage()
requireAdmin(STATES).then((admin) => { if (admin) showOnly(['admin-links'], STATES) })
