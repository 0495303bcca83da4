// Calls to the Mentor Match API (same origin, under config.apiUrl).
// Errors come back as {"error": {"code", "message", "fields"?}}; a 401 sends the person to sign in.
import { getAccessToken, redirectToSignIn } from './auth.mjs'
import { loadConfig } from './config.mjs'
import { clearSession, getSession, hasSessionCookie } from './session.mjs'

export class ApiError extends Error {
  constructor (status, body) {
    const error = (body && body.error) || {}
    super(error.message || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = error.code || ''
    this.fields = error.fields && typeof error.fields === 'object' ? error.fields : {}
  }
}

async function apiUrl (path) {
  const config = await loadConfig()
  return (config.apiUrl || '/api').replace(/\/+$/, '') + path
}

/**
 * Returns the parsed JSON body of a 2xx reply (null for 204).
 * Throws ApiError for other replies (status 0 when the API could not be reached).
 * options.auth: false for public endpoints.
 */
export async function apiRequest (method, path, { body, auth = true, retried = false } = {}) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (auth) {
    const hadSession = getSession() !== null
    const token = await getAccessToken()
    if (!token) return redirectToSignIn({ expired: hadSession || retried })
    headers.Authorization = `Bearer ${token}`
  }
  let response
  try {
    response = await fetch(await apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    })
  } catch {
    throw new ApiError(0, null)
  }
  if (response.status === 401 && auth) {
    // This tab's token was refused: ask the session for a new one once, then give up.
    clearSession()
    if (!retried && hasSessionCookie()) return apiRequest(method, path, { body, auth, retried: true })
    return redirectToSignIn({ expired: true })
  }
  const text = await response.text()
  let data = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!response.ok) throw new ApiError(response.status, data)
  return data
}

export const getMyProfile = () => apiRequest('GET', '/me/profile')
export const putMyProfile = (profile) => apiRequest('PUT', '/me/profile', { body: profile })
export const getProfile = (userId) => apiRequest('GET', `/profiles/${encodeURIComponent(userId)}`)
export const getOrganisations = () => apiRequest('GET', '/organisations', { auth: false })
export const getVocabulary = (kind, prefix) =>
  apiRequest('GET', `/vocabulary/${encodeURIComponent(kind)}?prefix=${encodeURIComponent(prefix)}`)
export const getMyMatches = (side) => apiRequest('GET', `/me/matches?as=${encodeURIComponent(side)}`)

const id = (value) => encodeURIComponent(value)

// The mentorship journey (chalicelib/web/mentorships.py)
export const requestMentor = (mentorId, message) => apiRequest('POST', '/mentorships', { body: { mentor_id: mentorId, message } })
export const getMentorships = () => apiRequest('GET', '/mentorships')
export const getMentorship = (mentorshipId) => apiRequest('GET', `/mentorships/${id(mentorshipId)}`)
/** move: "accept", "decline", "withdraw" or "end"; body: {} or { reason } or { feedback }. */
export const moveMentorship = (mentorshipId, move, body = {}) =>
  apiRequest('POST', `/mentorships/${id(mentorshipId)}/${move}`, { body })
export const getMessages = (mentorshipId, cursor) =>
  apiRequest('GET', `/mentorships/${id(mentorshipId)}/messages${cursor ? `?cursor=${id(cursor)}` : ''}`)
export const sendMessage = (mentorshipId, body) => apiRequest('POST', `/mentorships/${id(mentorshipId)}/messages`, { body: { body } })

// Blocks and reports (chalicelib/web/safety.py)
export const blockPerson = (userId) => apiRequest('POST', '/blocks', { body: { user_id: userId } })
export const getBlocks = () => apiRequest('GET', '/blocks')
export const unblockPerson = (userId) => apiRequest('DELETE', `/blocks/${id(userId)}`)
/** about: { user_id } or { mentorship_id }. */
export const reportPerson = (about, reason) => apiRequest('POST', '/reports', { body: { ...about, reason } })

// Privacy (chalicelib/web/privacy.py)
export const exportMyData = () => apiRequest('GET', '/me/export')
export const deleteMyAccount = () => apiRequest('DELETE', '/me')

// Invitations and where I may be placed (chalicelib/web/invitations.py)
export const checkInvitation = (code) => apiRequest('GET', `/invitations/${id(code)}`, { auth: false })
export const redeemInvitation = (code) => apiRequest('POST', `/invitations/${id(code)}/redeem`)
export const getMyOrganisations = () => apiRequest('GET', '/me/organisation')
export const checkSignUp = (email) => apiRequest('POST', '/sign-up/check', { body: { email }, auth: false })

// Administrators (chalicelib/web/invitations.py, organisations.py, admin.py)
export const createInvitation = (invitation) => apiRequest('POST', '/invitations', { body: invitation })
export const getInvitations = () => apiRequest('GET', '/invitations')
export const revokeInvitation = (invitationId) => apiRequest('DELETE', `/invitations/${id(invitationId)}`)
export const getAllOrganisations = () => apiRequest('GET', '/admin/organisations')
export const createOrganisation = (organisation) => apiRequest('POST', '/organisations', { body: organisation })
export const updateOrganisation = (organisationId, organisation) =>
  apiRequest('PUT', `/organisations/${id(organisationId)}`, { body: organisation })
export const getUsageStats = () => apiRequest('GET', '/admin/stats')
export const findPeople = (typed) => apiRequest('GET', `/admin/users?q=${id(typed)}`)
export const getPerson = (userId) => apiRequest('GET', `/admin/users/${id(userId)}`)
export const getReports = (days = 90) => apiRequest('GET', `/admin/reports?days=${days}`)
export const searchMentors = (query) => apiRequest('GET', `/mentors${query}`)
/** change: "suspend" or "reinstate". */
export const changeAccountStanding = (userId, change) => apiRequest('POST', `/admin/users/${id(userId)}/${change}`)
