// What the access token says about the person, read in the browser for display only (which
// links to show): the API checks the token's signature and the person's rights itself.
import { getSession } from './session.mjs'

/** The JWT's payload as an object ({} when it cannot be read). */
export function tokenClaims (token) {
  try {
    const payload = String(token).split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')), (c) => c.charCodeAt(0)))
    const claims = JSON.parse(json)
    return claims && typeof claims === 'object' ? claims : {}
  } catch {
    return {}
  }
}

/** True when the signed-in person's access token puts them in the Cognito "admins" group. */
export function isAdmin (session = getSession()) {
  if (!session) return false
  const groups = tokenClaims(session.accessToken)['cognito:groups']
  return (Array.isArray(groups) ? groups : String(groups || '').split(/[\s,]+/)).includes('admins')
}

/** The signed-in person's user id (the token's "sub"), or ''. */
export function myUserId (session = getSession()) {
  return session ? String(tokenClaims(session.accessToken).sub || '') : ''
}
