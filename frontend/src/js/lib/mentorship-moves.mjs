// What to say after a move (each move has its own page: accept, decline, withdraw, end), and why
// one was refused.
import { ApiError } from './api.mjs'
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
