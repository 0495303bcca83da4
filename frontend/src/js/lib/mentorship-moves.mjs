// The moves made with one press (accept, withdraw) from a mentorship card, and what to say
// after any move. Decline and end have their own pages but use the same words.
import { ApiError, moveMentorship } from './api.mjs'
import { onSubmit } from './forms.mjs'
import { showErrors, showProblem } from './messages.mjs'

export const DONE_MESSAGES = {
  accept: (name) => `You have accepted ${name}’s request. You can now see each other’s email addresses.`,
  decline: (name) => `You have declined ${name}’s request`,
  withdraw: (name) => `You have withdrawn your request to ${name}`,
  end: (name) => `Your mentoring with ${name} has ended`
}

/** Shows why a move was refused: the API's own words for a conflict, else a general problem. */
export function showMoveError (error) {
  if (error instanceof ApiError && [403, 404, 409].includes(error.status)) {
    return showErrors([{ text: error.message || 'You cannot do that now. Refresh the page to see the latest.' }])
  }
  return showProblem()
}

/** Handles every move form under root; afterMove(view, move) runs after a move the API made. */
export function bindMoves (root, afterMove) {
  root.querySelectorAll('form[data-move]').forEach((form) => {
    onSubmit(form, async () => {
      try {
        const view = await moveMentorship(form.dataset.mentorshipId, form.dataset.move)
        await afterMove(view, form.dataset.move)
      } catch (error) {
        showMoveError(error)
      }
    })
  })
}
