// Cognito's error types in plain English, with the question each one belongs to.
// Each entry: [controlId or null, message, href?] (href: where a message with no question links to).
import { PASSWORD_RULES_MESSAGE } from './checks.mjs'

const PROBLEM = 'Sorry, there is a problem with the service. Try again later.'
const TOO_MANY = 'You have tried too many times. Wait a few minutes and try again.'

const COMMON = {
  TooManyRequestsException: [null, TOO_MANY],
  LimitExceededException: [null, TOO_MANY],
  TooManyFailedAttemptsException: [null, TOO_MANY],
  NetworkError: [null, 'We could not connect to the sign-in service. Check your internet connection and try again.']
}

const SIGN_UP = {
  InvalidPasswordException: ['password', PASSWORD_RULES_MESSAGE],
  UserLambdaValidationException: ['email', 'You cannot create an account with this email address. Use your work email address, or ask your department for an invitation link'],
  InvalidParameterException: ['email', 'Enter an email address in the correct format, like name@example.gov.uk']
}

// Through an invitation link the gate turns an address away only when the invitation has stopped working.
const SIGN_UP_INVITED = {
  ...SIGN_UP,
  UserLambdaValidationException: [null, 'Your invitation link is not valid any more: it may have expired, been withdrawn or been used up. Use your work email address, or ask your department for a new invitation link.']
}

const CONFIRM = {
  CodeMismatchException: ['code', 'The code is not correct. Check the email and try again'],
  ExpiredCodeException: ['code', 'The code has expired. Send a new code and enter it here'],
  UserNotFoundException: ['email', 'There is no account with this email address. Check it, or create an account'],
  InvalidParameterException: ['code', 'Enter the 6-digit code from the email']
}

// Asking for a code to reset a forgotten password.
const FORGOTTEN = {
  InvalidParameterException: [null, 'You need to confirm your email address before you can reset your password. Enter the code we sent when you created your account', '/verify'],
  NotAuthorizedException: [null, 'Your account has been suspended, so you cannot reset its password. Get help', '/help'],
  UserNotFoundException: [null, 'We could not send a code. Check the email address, or create an account', '/create-account']
}

// Setting the new password with the code.
const RESET = {
  CodeMismatchException: ['code', 'The code is not correct. Check the email and try again, or send a new code'],
  ExpiredCodeException: ['code', 'The code has expired. Send a new code and enter it here'],
  ResourceNotFoundException: ['code', 'The code is not correct. Check the email and try again, or send a new code'],
  UserNotFoundException: ['code', 'The code is not correct. Check the email and try again, or send a new code'],
  InvalidPasswordException: ['password', PASSWORD_RULES_MESSAGE],
  InvalidParameterException: ['password', PASSWORD_RULES_MESSAGE],
  NotAuthorizedException: [null, 'Your account has been suspended, so you cannot reset its password. Get help', '/help']
}

// The API's sign-in replies (POST /session), by error code.
const SIGN_IN = {
  sign_in_failed: ['email', 'The email address or password is not correct'],
  validation_error: ['email', 'Enter an email address in the correct format, like name@example.gov.uk'],
  account_suspended: [null, 'Your account has been suspended. Get help', '/help'],
  password_reset_required: [null, 'You need to reset your password before you can sign in. Reset your password', '/forgotten-password'],
  too_many_requests: [null, TOO_MANY]
}

const TABLES = { signUp: SIGN_UP, signUpInvited: SIGN_UP_INVITED, confirm: CONFIRM, forgotten: FORGOTTEN, reset: RESET }

function entryOf (entry) {
  const [controlId, text, href] = entry || [null, PROBLEM]
  return href ? { controlId, text, href } : { controlId, text }
}

/** The error summary entry for a refused sign-in (status 0: the API could not be reached). */
export function describeSignInError (status, code) {
  if (status === 0) return { controlId: null, text: COMMON.NetworkError[1] }
  return entryOf(SIGN_IN[code])
}

/** The error summary entry for a Cognito error during one step: { controlId, text, href? }. */
export function describeCognitoError (step, error) {
  const type = error && error.type
  let entry = TABLES[step][type] || COMMON[type]
  // The PreSignUp trigger's reverse case: this email's account came through LinkedIn.
  if (type === 'UserLambdaValidationException' && /continue with linkedin/i.test(error.message || '')) {
    entry = ['email', 'You already have an account with this email address through LinkedIn. Continue with LinkedIn to sign in']
  }
  if (step.startsWith('signUp') && type === 'InvalidParameterException' && /password/i.test(error.message)) {
    entry = SIGN_UP.InvalidPasswordException
  }
  if (step === 'reset' && type === 'InvalidParameterException' && !/password/i.test(error.message)) {
    entry = FORGOTTEN.InvalidParameterException // no verified email address to reset
  }
  return entryOf(entry)
}
