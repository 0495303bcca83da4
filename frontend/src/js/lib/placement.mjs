// The sign-up gate on the profile form: GET /me/organisation says which organisations this
// person may be placed in (the one owning their email domain, and any they were invited to).
export const GATE_REFUSED = 'You cannot create a profile with this email address. Mentor Match is open to people with a work email address of a member organisation. Ask your department for an invitation link.'

function placementList (placed) {
  return Array.isArray(placed) ? placed.filter((placement) => placement && placement.id) : []
}

/**
 * The organisations to offer: those in the full list that the person may be placed in. The
 * whole list when the API could not say, or named none we know; null when the list failed.
 */
export function allowedOrganisations (organisations, placed) {
  if (organisations === null) return null
  const allowed = new Set(placementList(placed).map((placement) => placement.id))
  const offered = organisations.filter((organisation) => allowed.has(organisation.id))
  return offered.length ? offered : organisations
}

/** Adds a sentence to the organisation question's hint: why these organisations. */
export function describePlacement (hint, organisations, placed) {
  const known = new Set((organisations || []).map((organisation) => organisation.id))
  const placements = placementList(placed).filter((placement) => known.has(placement.id))
  if (!hint || !placements.length) return
  const reasons = placements.map((placement) => `${placement.name} (${placement.via === 'invitation' ? 'from your invitation' : 'from your email address'})`)
  const sentence = placements.length === 1
    ? `You can choose ${reasons[0]}.`
    : `You can choose ${reasons.slice(0, -1).join(', ')} or ${reasons[reasons.length - 1]}.`
  hint.textContent = `${hint.textContent.trim()} ${sentence}`
}
