// Client-side checks: a convenience that saves a round trip. The server checks everything again.
import site from '../../data/site.json'

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function checkEmail (email) {
  if (!email) return 'Enter your email address'
  if (!EMAIL_PATTERN.test(email)) return 'Enter an email address in the correct format, like name@example.gov.uk'
  return null
}

const POLICY = site.passwordPolicy

/** The rules shown on the "Create an account" page: the user pool's password policy. */
export const PASSWORD_RULES_MESSAGE = (() => {
  const needs = [
    POLICY.requireUppercase && 'an uppercase letter',
    POLICY.requireLowercase && 'a lowercase letter',
    POLICY.requireNumbers && 'a number',
    POLICY.requireSymbols && 'a symbol'
  ].filter(Boolean)
  const list = needs.length > 1 ? `${needs.slice(0, -1).join(', ')} and ${needs[needs.length - 1]}` : needs[0]
  return `Password must have at least ${POLICY.minimumLength} characters` + (list ? `, with ${list}` : '')
})()

export function checkNewPassword (password) {
  if (!password) return 'Enter a password'
  const ok = password.length >= POLICY.minimumLength &&
    (!POLICY.requireLowercase || /[a-z]/.test(password)) &&
    (!POLICY.requireUppercase || /[A-Z]/.test(password)) &&
    (!POLICY.requireNumbers || /[0-9]/.test(password)) &&
    (!POLICY.requireSymbols || /[^A-Za-z0-9]/.test(password))
  return ok ? null : PASSWORD_RULES_MESSAGE
}

export function checkCode (code) {
  if (!code) return 'Enter the code from the email'
  if (!/^\d{6}$/.test(code)) return 'The code must be 6 numbers'
  return null
}

/** Codes are often pasted with spaces or dashes: keep the digits. */
export function cleanCode (raw) {
  return String(raw || '').replace(/[\s-]/g, '')
}
