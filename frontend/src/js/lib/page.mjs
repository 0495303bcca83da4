// What every page does first: start govuk-frontend's components, show "Sign in" or
// "Sign out" in the header, and show any message left by the previous page.
import { initAll } from '/javascripts/govuk-frontend.min.js'

import { showBanner } from './messages.mjs'
import { isSignedIn, takeFlash } from './session.mjs'

export function updateHeader () {
  const state = isSignedIn() ? 'signed-in' : 'signed-out'
  document.querySelectorAll('[data-auth-show]').forEach((item) => {
    item.hidden = item.dataset.authShow !== state
  })
}

export function startPage () {
  initAll()
  updateHeader()
  const flash = takeFlash()
  if (flash && flash.text) showBanner(flash.type, flash.text)
}

/** Shows the elements with these ids and hides the others (for a page's loading / loaded states). */
export function showOnly (ids, allIds) {
  for (const id of allIds) {
    const element = document.getElementById(id)
    if (element) element.hidden = !ids.includes(id)
  }
}
