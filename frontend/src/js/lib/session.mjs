// What the browser remembers, all in sessionStorage (gone when the tab closes): this tab's
// short-lived access token and who is signed in, the email address waiting for confirmation, the
// invitation being used to join, and one "flash" message to show on the next page (for example
// "Your profile has been saved"). The refresh token is never here: the API keeps it in an
// HttpOnly cookie that page scripts cannot read (chalicelib/web/sessions.py); the readable
// "mm_signed_in" cookie only says that a session exists, so a new tab knows to ask for a token.
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

/** Stores the API's session reply: { access_token, expires_at (epoch seconds), user: { email, ... } }. */
export function saveSession (reply) {
  const user = reply.user || {}
  write(SESSION_KEY, {
    accessToken: reply.access_token,
    expiresAt: Number(reply.expires_at) * 1000,
    email: user.email || '',
    user
  })
}

export function getSession () {
  const session = read(SESSION_KEY)
  return session && session.accessToken ? session : null
}

/** True when this browser has a session (the API's hint cookie), even if this tab has no token yet. */
export function hasSessionCookie () {
  return document.cookie.split(';').some((part) => part.trim() === 'mm_signed_in=1')
}

export function isSignedIn () {
  return getSession() !== null || hasSessionCookie()
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
