// What the first-profile pages share: only for someone without a profile (anyone with one goes to
// it), and an invitation link not yet redeemed is redeemed first (it decides the organisation).
import { ApiError, getMyProfile } from './api.mjs'
import { requireAccessToken } from './auth.mjs'
import { redeemPendingInvitation } from './invitation.mjs'
import { showBanner, showProblem } from './messages.mjs'
import { showOnly } from './page.mjs'
import { readDraft } from './profile-draft.mjs'
import { getPendingInvitation, takeFlash } from './session.mjs'

/** True when the person has no profile yet; otherwise leaves for /profile (and returns false). */
export async function needsFirstProfile () {
  await requireAccessToken()
  if (getPendingInvitation()) {
    await redeemPendingInvitation()
    const flash = takeFlash()
    if (flash) showBanner(flash.type, flash.text)
  }
  try {
    await getMyProfile()
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return true
    throw error
  }
  window.location.replace('/profile')
  return false
}

/** Each first-profile page's start: the draft so far, or null when the page has nothing to show
 *  (the person has a profile and is leaving, or the check failed and the problem is shown). */
export async function firstProfileDraft (states) {
  try {
    if (!(await needsFirstProfile())) return null
  } catch {
    showOnly([], states)
    showProblem()
    return null
  }
  return readDraft()
}
