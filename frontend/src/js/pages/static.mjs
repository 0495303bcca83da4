// Pages with nothing of their own to do (accessibility statement, page not found).
import { startPage } from '../lib/page.mjs'

startPage()
