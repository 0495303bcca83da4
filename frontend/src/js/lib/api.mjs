// Calls to the Mentor Match API (same origin, under config.apiUrl).
// Errors come back as {"error": {"code", "message", "fields"?}}; a 401 sends the person to sign in.
import { getAccessToken, redirectToSignIn } from './auth.mjs'
import { loadConfig } from './config.mjs'
import { getSession } from './session.mjs'

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
export async function apiRequest (method, path, { body, auth = true } = {}) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (auth) {
    const hadSession = getSession() !== null
    const token = await getAccessToken()
    if (!token) return redirectToSignIn({ expired: hadSession })
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
  if (response.status === 401 && auth) return redirectToSignIn({ expired: true })
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
