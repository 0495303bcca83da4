// What the browser remembers, all in sessionStorage (gone when the tab closes):
// the Cognito tokens, the email address waiting for confirmation, the invitation being used
// to join, and one "flash" message to show on the next page (for example "Your profile has
// been saved").
const SESSION_KEY = 'mentorMatch.session'
const PENDING_EMAIL_KEY = 'mentorMatch.pendingEmail'
const INVITATION_KEY = 'mentorMatch.invitation'
const FLASH_KEY = 'mentorMatch.flash'

function read (key) {
  try {
    return JSON.parse(window.sessionStorage.getItem(key))
  } catch {
    return null
  }
}

function write (key, value) {
  if (value === null || value === undefined) {
    window.sessionStorage.removeItem(key)
  } else {
    window.sessionStorage.setItem(key, JSON.stringify(value))
  }
}

/**
 * Stores Cognito's AuthenticationResult and the email address signed in with.
 * A refresh keeps the old refresh token (Cognito sends none) and email.
 */
export function saveTokens (result, { email, now = Date.now() } = {}) {
  const previous = getSession() || {}
  write(SESSION_KEY, {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken: result.RefreshToken || previous.refreshToken,
    expiresAt: now + (Number(result.ExpiresIn) || 3600) * 1000,
    email: email || previous.email || ''
  })
}

export function getSession () {
  const session = read(SESSION_KEY)
  return session && session.accessToken ? session : null
}

export function isSignedIn () {
  return getSession() !== null
}

export function clearSession () {
  write(SESSION_KEY, null)
}

export function setPendingEmail (email) {
  write(PENDING_EMAIL_KEY, email || null)
}

export function getPendingEmail () {
  return read(PENDING_EMAIL_KEY) || ''
}

/** An invitation link being used: { code, organisationName }, kept until it is redeemed. */
export function setPendingInvitation (invitation) {
  write(INVITATION_KEY, invitation && invitation.code ? invitation : null)
}

export function getPendingInvitation () {
  const invitation = read(INVITATION_KEY)
  return invitation && typeof invitation.code === 'string' && invitation.code ? invitation : null
}

/** type: "success" or "important"; text: the message. */
export function setFlash (type, text) {
  write(FLASH_KEY, { type, text })
}

export function takeFlash () {
  const flash = read(FLASH_KEY)
  write(FLASH_KEY, null)
  return flash
}
