// Confirmation after blocking or reporting: says which of the two was done.
import { startPage } from '../lib/page.mjs'

startPage()
const params = new URLSearchParams(window.location.search)
document.getElementById('blocked-text').hidden = params.get('blocked') !== '1'
document.getElementById('reported-text').hidden = params.get('reported') !== '1'
