// Admin pages: only for people whose token puts them in the "admins" group. The check here only
// decides what the page shows; the API refuses everyone else (403) whatever the page does.
import { requireAccessToken } from './auth.mjs'
import { showOnly } from './page.mjs'
import { isAdmin } from './token-claims.mjs'

/** True for an administrator; otherwise shows the page's "not-admin" state and returns false. */
export async function requireAdmin (states) {
  await requireAccessToken()
  if (isAdmin()) return true
  showOnly(['not-admin'], states)
  return false
}

/** For a 403 from an admin call (the rights were taken away since signing in). */
export function showNotAdmin (states) {
  showOnly(['not-admin'], states)
}

/** Organisation kinds as administrators see them (chalicelib/admin/organisations.py). */
export const KIND_LABELS = {
  department: 'Department',
  'arms-length body': 'Arm’s-length body',
  profession: 'Profession',
  external: 'Outside the Civil Service'
}
