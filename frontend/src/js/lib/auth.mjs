// Being signed in: a fresh access token for API calls, and where to send people who are not.
// The API holds the session (POST /session, POST /session/refresh, DELETE /session); this tab keeps
// only the short-lived access token it was given.
import { loadConfig } from './config.mjs'
import { clearSession, getSession, hasSessionCookie, saveSession, setFlash } from './session.mjs'

const REFRESH_MARGIN_MS = 60 * 1000

/** A same-origin path to come back to after signing in, or the fallback. */
export function safeNextPath (next, fallback = '/profile') {
  if (!next) return fallback
  try {
    const url = new URL(next, window.location.origin)
    if (url.origin !== window.location.origin || !next.startsWith('/') || next.startsWith('//')) return fallback
    return url.pathname + url.search + url.hash
  } catch {
    return fallback
  }
}

function signInUrl () {
  const here = window.location.pathname + window.location.search
  return `/sign-in?next=${encodeURIComponent(here)}`
}

/** Leaves the page for the sign-in page; the returned promise never settles, so callers stop. */
export function redirectToSignIn ({ expired = false } = {}) {
  if (expired) {
    clearSession()
    setFlash('important', 'You have been signed out. Sign in again to continue.')
  }
  window.location.assign(signInUrl())
  return new Promise(() => {})
}

/** Calls one of the API's session routes; returns { status, body }. */
export async function sessionCall (method, path, { body, token } = {}) {
  const config = await loadConfig()
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (token) headers.Authorization = `Bearer ${token}`
  const response = await fetch((config.apiUrl || '/api').replace(/\/+$/, '') + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  let data = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  return { status: response.status, body: data }
}

let refreshing = null

/** A new access token from the session cookie (one request at a time); null when there is no session. */
async function refreshSession () {
  if (!refreshing) {
    refreshing = sessionCall('POST', '/session/refresh')
      .then(({ status, body }) => {
        if (status === 200 && body && body.access_token) {
          saveSession(body)
          return body.access_token
        }
        clearSession()
        return null
      })
      .catch(() => null)
      .finally(() => { refreshing = null })
  }
  return refreshing
}

/** The access token to send, renewed first when it is about to expire; null when signed out. */
export async function getAccessToken (now = Date.now()) {
  const session = getSession()
  if (session && session.expiresAt - now > REFRESH_MARGIN_MS) return session.accessToken
  if (!session && !hasSessionCookie()) return null
  return refreshSession()
}

/** For pages that need a signed-in person: sends everyone else to sign in. */
export async function requireAccessToken () {
  const hadSession = getSession() !== null
  const token = await getAccessToken()
  return token || redirectToSignIn({ expired: hadSession })
}

/** Ends the session: this tab, every tab of this browser (the cookies), and every device. */
export async function signOut () {
  const session = getSession()
  clearSession()
  await sessionCall('DELETE', '/session', { token: session ? session.accessToken : '' }).catch(() => null)
}
