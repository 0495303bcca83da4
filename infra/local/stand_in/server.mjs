// The local stand-in for Cognito's hosted OAuth2 endpoints, with LinkedIn's sign-in page behind them.
//
// A real OpenID Connect provider (panva's oidc-provider, certified by the OpenID Foundation) on
// loopback, at Cognito's paths: /oauth2/authorize, /oauth2/token, /oauth2/userInfo,
// /oauth2/revoke, /logout, /.well-known/openid-configuration and /.well-known/jwks.json. It issues
// Cognito-shaped tokens (token_use, client_id, username, cognito:groups, identities), signed with
// its own RS256 key, kept in STAND_IN_KEY_FILE for the life of the local stack.
//
// It decides nothing about accounts. Its "LinkedIn" page checks only the local demo password;
// who that LinkedIn member becomes in Mentor Match is asked of the Python hook
// (infra/local/federation.py), which plays Cognito's federation step with the same PreSignUp
// handler and linking service the Lambda runs in AWS.
//
// Environment: STAND_IN_PORT, STAND_IN_ISSUER, STAND_IN_HOOK (the hook's URL), STAND_IN_CLIENT_ID,
// STAND_IN_REDIRECT_URI, STAND_IN_SIGN_OUT_URI, STAND_IN_PASSWORD, STAND_IN_KEY_FILE.
import { createHash, createHmac, generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'

import Provider from 'oidc-provider'

import { loginPage, signOutPage } from './pages.mjs'

const env = (name) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}
const PORT = Number(env('STAND_IN_PORT'))
const ISSUER = env('STAND_IN_ISSUER')
const HOOK = env('STAND_IN_HOOK')
const CLIENT_ID = env('STAND_IN_CLIENT_ID')
const PASSWORD = env('STAND_IN_PASSWORD')
const PROVIDER_NAME = 'LinkedIn'
const RESOURCE = 'urn:mentor-match:api'
const SCOPE = 'openid email profile'
const COOKIE_KEY = randomBytes(32)
const MEMBER_COOKIE = 'linkedin_member'
const MEMBER_SECONDS = 600

function signingKey (path) {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'))
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `stand-in-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' }
  writeFileSync(path, JSON.stringify(jwk), { mode: 0o600 })
  return jwk
}

async function hook (method, path, body) {
  const reply = await fetch(HOOK + path, {
    method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body)
  })
  return { status: reply.status, body: await reply.json().catch(() => ({})) }
}

/** Claims as Cognito puts them in an ID token (the access token takes a few of them). */
function idClaims (account) {
  return {
    sub: account.sub,
    'cognito:username': account.username,
    ...(account.groups.length ? { 'cognito:groups': account.groups } : {}),
    ...(account.identities.length ? { identities: account.identities } : {}),
    email: account.email,
    email_verified: account.email_verified,
    name: account.name,
    given_name: account.given_name,
    family_name: account.family_name,
    ...(account.picture ? { picture: account.picture } : {}),
    token_use: 'id'
  }
}

async function findAccount (_ctx, sub) {
  const { status, body } = await hook('GET', `/accounts/${encodeURIComponent(sub)}`)
  if (status !== 200) return undefined // deleted or disabled since: refreshing stops working, as in Cognito
  return { accountId: sub, account: body, claims: async () => idClaims(body) }
}

async function autoGrant (ctx) {
  const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId)
  if (grantId) return ctx.oidc.provider.Grant.find(grantId)
  const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId })
  grant.addOIDCScope(SCOPE)
  grant.addResourceScope(RESOURCE, SCOPE)
  await grant.save()
  return grant
}

const provider = new Provider(ISSUER, {
  clients: [{
    client_id: CLIENT_ID,
    token_endpoint_auth_method: 'none', // the site's app client is public: PKCE, no secret
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [env('STAND_IN_REDIRECT_URI')],
    post_logout_redirect_uris: [env('STAND_IN_SIGN_OUT_URI')]
  }],
  jwks: { keys: [signingKey(env('STAND_IN_KEY_FILE'))] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  routes: {
    authorization: '/oauth2/authorize',
    token: '/oauth2/token',
    userinfo: '/oauth2/userInfo',
    revocation: '/oauth2/revoke',
    jwks: '/.well-known/jwks.json',
    end_session: '/oauth2/session-end' // Cognito's /logout is translated to it below
  },
  extraParams: ['identity_provider'],
  scopes: ['openid', 'email', 'profile'],
  claims: {
    openid: ['sub', 'cognito:username', 'cognito:groups', 'identities', 'token_use'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'picture']
  },
  conformIdTokenClaims: false, // Cognito puts email and name in the ID token itself
  findAccount,
  loadExistingGrant: autoGrant, // Cognito asks no consent of its own app clients
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'), // no offline_access needed
  rotateRefreshToken: false, // a Cognito refresh grant returns no new refresh token
  pkce: { required: () => true },
  clientBasedCORS: () => false, // only the API calls the token endpoint; the site reads discovery (open)
  ttl: { AccessToken: 3600, IdToken: 3600, RefreshToken: 30 * 86400, AuthorizationCode: 300, Interaction: 3600, Session: 86400, Grant: 30 * 86400 },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    userinfo: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => { ctx.body = signOutPage(form) }
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: SCOPE, audience: CLIENT_ID, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } }
      })
    }
  },
  extraTokenClaims: async (ctx, token) => {
    if (token.kind !== 'AccessToken') return undefined
    const found = await findAccount(ctx, token.accountId)
    if (!found) return undefined
    const { account } = found
    return {
      token_use: 'access',
      username: account.username,
      ...(account.groups.length ? { 'cognito:groups': account.groups } : {})
    }
  },
  renderError: async (ctx, out) => {
    ctx.type = 'json'
    ctx.body = out
  }
})
provider.proxy = false

function readForm (req) {
  return new Promise((resolve, reject) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => {
      raw += chunk
      if (raw.length > 10000) req.destroy()
    })
    req.on('end', () => resolve(new URLSearchParams(raw)))
    req.on('error', reject)
  })
}

function send (res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' })
  res.end(html)
}

/** A LinkedIn member as the local page makes one: the same email is always the same member. */
export function memberFor (email, verified) {
  const subject = createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 20)
  const words = email.split('@')[0].split(/[._-]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1))
  const given = words[0] || 'LinkedIn'
  const family = words.slice(1).join(' ') || 'Member'
  return { provider: PROVIDER_NAME, subject, email, email_verified: verified, name: `${given} ${family}`, given_name: given, family_name: family }
}

// LinkedIn's own session, apart from the hosted endpoints' one: LinkedIn remembers a member for a
// while, so Cognito's retry after linking goes through without asking again. Signing out of
// Mentor Match ends the hosted endpoints' session, not LinkedIn's (as with the real LinkedIn).
function memberCookie (member) {
  const value = Buffer.from(JSON.stringify([member.email, member.email_verified])).toString('base64url')
  const mac = createHmac('sha256', COOKIE_KEY).update(value).digest('base64url')
  return `${MEMBER_COOKIE}=${value}.${mac}; Path=/interaction; Max-Age=${MEMBER_SECONDS}; HttpOnly; SameSite=Lax`
}

function rememberedMember (req) {
  const raw = (req.headers.cookie || '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${MEMBER_COOKIE}=`))
  const [value, mac] = (raw || '').slice(MEMBER_COOKIE.length + 1).split('.')
  if (!value || !mac) return null
  const expected = createHmac('sha256', COOKIE_KEY).update(value).digest()
  const given = Buffer.from(mac, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const [email, verified] = JSON.parse(Buffer.from(value, 'base64url').toString())
  return memberFor(email, verified)
}

async function finish (req, res, member) {
  const { status, body } = await hook('POST', '/sign-in', member)
  const result = status === 200
    ? { login: { accountId: body.sub } }
    : { error: 'invalid_request', error_description: body.error_description || 'Sign-in failed' }
  res.setHeader('Set-Cookie', memberCookie(member))
  return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
}

async function interaction (req, res, uid) {
  const details = await provider.interactionDetails(req, res)
  if (details.uid !== uid) return send(res, 400, 'Unknown sign-in')
  if (details.params.identity_provider && details.params.identity_provider !== PROVIDER_NAME) {
    return provider.interactionFinished(req, res, { error: 'invalid_request', error_description: 'identity_provider is not supported' }, { mergeWithLastSubmission: false })
  }
  if (req.method === 'GET') {
    const member = rememberedMember(req)
    return member ? finish(req, res, member) : send(res, 200, loginPage({ uid }))
  }
  const form = await readForm(req)
  const email = (form.get('email') || '').trim()
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || form.get('password') !== PASSWORD) {
    return send(res, 200, loginPage({ uid, email, error: 'Wrong email or password. Try again.' }))
  }
  return finish(req, res, memberFor(email, form.get('verified') === 'yes'))
}

/** Cognito's sign-out: /logout?client_id=...&logout_uri=... ends the hosted session, then returns. */
function logout (res, url) {
  const target = new URL('/oauth2/session-end', ISSUER)
  target.searchParams.set('client_id', url.searchParams.get('client_id') || '')
  if (url.searchParams.get('logout_uri')) target.searchParams.set('post_logout_redirect_uri', url.searchParams.get('logout_uri'))
  res.writeHead(302, { Location: target.pathname + target.search })
  res.end()
}

const handle = provider.callback()
http.createServer((req, res) => {
  const url = new URL(req.url, ISSUER)
  const match = url.pathname.match(/^\/interaction\/([\w-]+)$/)
  if (match) {
    interaction(req, res, match[1]).catch((error) => {
      console.error(error)
      send(res, 400, 'This sign-in has expired. Go back to Mentor Match and start again.')
    })
  } else if (url.pathname === '/logout') {
    logout(res, url)
  } else {
    handle(req, res)
  }
}).listen(PORT, '127.0.0.1', () => console.log(`OIDC stand-in listening on ${ISSUER}`))
