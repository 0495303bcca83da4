// The site's settings come from /config.json on its own origin (written by the server or the deploy).
let configPromise

export function loadConfig () {
  if (!configPromise) {
    configPromise = fetch('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then((response) => {
        if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`)
        return response.json()
      })
      .catch((error) => {
        configPromise = undefined
        throw error
      })
  }
  return configPromise
}

/** Cognito's JSON endpoint: the local emulator when config names one, else the region's own. */
export function cognitoEndpoint (config) {
  return config.cognitoEndpoint || `https://cognito-idp.${config.region}.amazonaws.com/`
}

/** True on a local copy, where the Cognito emulator accepts any confirmation code. */
export function isLocalCopy (config) {
  return Boolean(config.cognitoEndpoint)
}
