// Cognito user pool calls made straight from the browser with fetch (the JSON protocol the
// AWS SDKs use), so the same code works against the local emulator and Cognito in AWS: signing
// up, confirming an email address, and resetting a forgotten password. Signing in goes through the API (lib/auth.mjs), which keeps
// the refresh token out of page scripts.
import { cognitoEndpoint, loadConfig } from './config.mjs'

export class CognitoError extends Error {
  /** type is Cognito's "__type" without any namespace, for example "UsernameExistsException". */
  constructor (type, message) {
    super(message || type)
    this.name = 'CognitoError'
    this.type = type
  }
}

async function callCognito (action, body) {
  const config = await loadConfig()
  let response
  try {
    response = await fetch(cognitoEndpoint(config), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`
      },
      body: JSON.stringify(body)
    })
  } catch {
    throw new CognitoError('NetworkError', 'Could not reach the sign-in service')
  }
  const text = await response.text()
  let data = {}
  try {
    data = text ? JSON.parse(text) : {}
  } catch {
    data = {}
  }
  if (!response.ok) {
    const rawType = data.__type || response.headers.get('x-amzn-errortype') || 'UnknownError'
    // "__type" may carry a namespace ("...#UsernameExistsException") or a suffix (":http://...").
    const type = rawType.split('#').pop().split(':')[0]
    throw new CognitoError(type, data.message || data.Message || '')
  }
  return data
}

/**
 * invitationCode: the code of an invitation link, when signing up through one. Cognito hands it
 * to our PreSignUp trigger, which then admits email addresses outside member organisations.
 */
export async function signUp (email, password, { invitationCode = '' } = {}) {
  const config = await loadConfig()
  const request = {
    ClientId: config.userPoolClientId,
    Username: email,
    Password: password,
    UserAttributes: [{ Name: 'email', Value: email }]
  }
  if (invitationCode) {
    request.ClientMetadata = { invitation: invitationCode }
    request.ValidationData = [{ Name: 'invitation', Value: invitationCode }]
  }
  return callCognito('SignUp', request)
}

export async function confirmSignUp (email, code) {
  const config = await loadConfig()
  return callCognito('ConfirmSignUp', { ClientId: config.userPoolClientId, Username: email, ConfirmationCode: code })
}

export async function resendConfirmationCode (email) {
  const config = await loadConfig()
  return callCognito('ResendConfirmationCode', { ClientId: config.userPoolClientId, Username: email })
}

/** Sends a code to reset the password. Cognito answers the same for an unknown address (no account is revealed). */
export async function forgotPassword (email) {
  const config = await loadConfig()
  return callCognito('ForgotPassword', { ClientId: config.userPoolClientId, Username: email })
}

export async function confirmForgotPassword (email, code, password) {
  const config = await loadConfig()
  return callCognito('ConfirmForgotPassword', {
    ClientId: config.userPoolClientId, Username: email, ConfirmationCode: code, Password: password
  })
}
