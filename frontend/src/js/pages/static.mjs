// Pages with nothing of their own to do but show the help contact where they mention it
// (accessibility statement, get help, page not found).
import { fillHelpContact } from '../lib/help-contact.mjs'
import { startPage } from '../lib/page.mjs'

startPage()
fillHelpContact()
