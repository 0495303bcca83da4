// Being signed in: a fresh access token for API calls, and where to send people who are not.
import { refreshTokens } from './cognito.mjs'
import { clearSession, getSession, saveTokens, setFlash } from './session.mjs'

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

/** The access token to send, refreshed first when it is about to expire; null when signed out. */
export async function getAccessToken (now = Date.now()) {
  const session = getSession()
  if (!session) return null
  if (session.expiresAt - now > REFRESH_MARGIN_MS) return session.accessToken
  if (!session.refreshToken) return null
  try {
    saveTokens(await refreshTokens(session.refreshToken), { now })
    return getSession().accessToken
  } catch {
    clearSession()
    return null
  }
}

/** For pages that need a signed-in person: sends everyone else to sign in. */
export async function requireAccessToken () {
  const hadSession = getSession() !== null
  const token = await getAccessToken()
  return token || redirectToSignIn({ expired: hadSession })
}
