// What every page does first: start govuk-frontend's components, show "Sign in" or
// "Sign out" (and "Admin" to administrators) in the header, and show any message left by the
// previous page.
import { initAll } from 'govuk-frontend'

import { getAccessToken, signOut } from './auth.mjs'
import { showBanner } from './messages.mjs'
import { getSession, hasSessionCookie, isSignedIn, takeFlash } from './session.mjs'
import { isAdmin } from './token-claims.mjs'

export function updateHeader () {
  const states = isSignedIn() ? ['signed-in', ...(isAdmin() ? ['admin'] : [])] : ['signed-out']
  document.querySelectorAll('[data-auth-show]').forEach((item) => {
    item.hidden = !states.includes(item.dataset.authShow)
  })
}

export function startPage () {
  initAll()
  updateHeader()
  // A new tab, or a link from an email: the browser has a session but this tab has no token yet.
  if (!getSession() && hasSessionCookie()) getAccessToken().then(updateHeader).catch(() => {})
  // "Sign out" ends the session before the page that says so is shown.
  const signOutLink = document.getElementById('nav-sign-out')?.querySelector('a')
  signOutLink?.addEventListener('click', (event) => {
    event.preventDefault()
    signOut().finally(() => window.location.assign(signOutLink.href))
  })
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
