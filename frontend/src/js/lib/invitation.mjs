// Joining through an invitation link (/join?code=...): the code is kept in sessionStorage
// through sign-up and sign-in, then redeemed (POST /invitations/{code}/redeem) before the
// person creates their profile, which places them in the invitation's organisation.
import { ApiError, redeemInvitation } from './api.mjs'
import { getPendingInvitation, setFlash, setPendingInvitation } from './session.mjs'

export const INVITATION_NOT_VALID_REASON = 'It may have expired, been withdrawn or been used up. Ask your department for a new invitation link.'
export const INVITATION_NOT_VALID = `This invitation link is not valid. ${INVITATION_NOT_VALID_REASON}`
export const TOO_MANY_TRIES = 'You have tried too many invitation links that are not valid. Wait 15 minutes, then try again.'

/**
 * Redeems the invitation kept in this tab, if there is one, and leaves a message for the next
 * page. Returns the organisation joined, or null. A refused code is forgotten; on a network or
 * service problem it is kept, to try again on the next page that asks.
 */
export async function redeemPendingInvitation () {
  const invitation = getPendingInvitation()
  if (!invitation) return null
  try {
    const reply = await redeemInvitation(invitation.code)
    setPendingInvitation(null)
    const name = (reply && reply.organisation && reply.organisation.name) || invitation.organisationName
    setFlash('success', `You have accepted your invitation to join Mentor Match from ${name}`)
    return reply && reply.organisation
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
      setPendingInvitation(null)
      setFlash('important', INVITATION_NOT_VALID)
    } else if (error instanceof ApiError && error.status === 429) {
      setFlash('important', TOO_MANY_TRIES)
    }
    return null
  }
}
