// Continue with LinkedIn: Cognito's hosted endpoints (locally, the OIDC stand-in) with
// identity_provider=LinkedIn, authorisation code + PKCE made by oidc-client-ts. The browser keeps
// only the request's state and PKCE verifier (sessionStorage, removed when the code comes back);
// the callback page hands the code and its verifier to the API (POST /session/oauth), which
// exchanges them and keeps the refresh token in its HttpOnly cookie, as for a password sign-in.
import { OidcClient, WebStorageStateStore } from 'oidc-client-ts'

import { loadConfig } from './config.mjs'
import { getPendingInvitation } from './session.mjs'

const HOSTED_KEY = 'mentorMatch.hostedSession' // localStorage: this browser signed in at the hosted endpoints
export const ALREADY_LINKED = 'Already found an entry for username'

/** The "oauth" settings from /config.json, or null when LinkedIn sign-in is off. */
export async function oauthSettings () {
  const config = await loadConfig().catch(() => null)
  const oauth = config && config.oauth
  return oauth && oauth.enabled && oauth.authority && oauth.clientId ? oauth : null
}

function client (oauth) {
  return new OidcClient({
    authority: oauth.authority,
    client_id: oauth.clientId,
    redirect_uri: oauth.redirectUri,
    post_logout_redirect_uri: oauth.signOutUri,
    response_type: 'code',
    scope: oauth.scope || 'openid email profile',
    loadUserInfo: false,
    stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: 'mentorMatch.oidc.' })
  })
}

/**
 * Leaves for the hosted sign-in. ``data`` travels through the request's state and comes back to
 * the callback: where to go next, the invitation being used, and whether this is the one retry.
 */
export async function continueWithLinkedIn ({ next = '/profile', retried = false } = {}) {
  const oauth = await oauthSettings()
  if (!oauth) throw new Error('LinkedIn sign-in is not available')
  const invitation = getPendingInvitation()
  const request = await client(oauth).createSigninRequest({
    state: { next, retried, invitation: invitation ? invitation.code : '' },
    extraQueryParams: { identity_provider: oauth.identityProvider || 'LinkedIn' }
  })
  window.location.assign(request.url)
  return new Promise(() => {})
}

/**
 * What came back to the callback: { code, codeVerifier, redirectUri, data } or
 * { error, description, data }; null when this tab never made the request (or used it already).
 */
export async function readCallback (url = window.location.href) {
  const oauth = await oauthSettings()
  if (!oauth) return null
  let read
  try {
    read = await client(oauth).readSigninResponseState(url, true)
  } catch {
    return null
  }
  const { state, response } = read
  const data = state.data || {}
  if (response.error) return { error: response.error, description: response.error_description || '', data }
  return { code: response.code, codeVerifier: state.code_verifier, redirectUri: state.redirect_uri, data }
}

/** Cognito's first sign-in after linking fails once with this; the site tries once more, never again. */
export function shouldRetry (outcome) {
  return Boolean(outcome && outcome.error && outcome.description.includes(ALREADY_LINKED) && !outcome.data.retried)
}

/** The person's message inside Cognito's "PreSignUp failed with error <message>." */
export function triggerMessage (description) {
  const match = /PreSignUp failed with error (.+?)\.?$/.exec(description || '')
  return match ? `${match[1]}.` : ''
}

export function rememberHostedSession () {
  window.localStorage.setItem(HOSTED_KEY, '1')
}

/**
 * Where to end the hosted session too (Cognito's /logout with client_id and logout_uri), once;
 * null when this browser has no hosted session to end.
 */
export async function hostedSignOutUrl () {
  if (window.localStorage.getItem(HOSTED_KEY) !== '1') return null
  window.localStorage.removeItem(HOSTED_KEY)
  const oauth = await oauthSettings()
  if (!oauth || !oauth.domain) return null
  const url = new URL('/logout', oauth.domain)
  url.searchParams.set('client_id', oauth.clientId)
  url.searchParams.set('logout_uri', oauth.signOutUri)
  return url.toString()
}

/** Shows the "Continue with LinkedIn" parts of a page (hidden unless LinkedIn sign-in is on). */
export async function offerLinkedIn ({ next } = {}) {
  if (!(await oauthSettings())) return
  for (const block of document.querySelectorAll('[data-linkedin]')) block.hidden = false
  for (const button of document.querySelectorAll('[data-linkedin-button]')) {
    button.addEventListener('click', (event) => {
      event.preventDefault()
      button.setAttribute('disabled', '')
      continueWithLinkedIn({ next: next || '/profile' }).catch(() => button.removeAttribute('disabled'))
    })
  }
}
