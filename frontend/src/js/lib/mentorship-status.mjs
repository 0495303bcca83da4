// A mentorship (as GET /mentorships shows it to one of its two people) in plain language:
// its status as a GOV.UK tag, which group of "Your mentoring" it belongs to, and one sentence
// saying what has happened.
import { formatDate } from './dom.mjs'

/** The groups on "Your mentoring", in the order shown. */
export const GROUPS = [
  { id: 'waiting-for-you', title: 'Waiting for your answer' },
  { id: 'waiting-for-them', title: 'Waiting for their answer' },
  { id: 'active', title: 'Active' },
  { id: 'past', title: 'Past' }
]

export function groupOf (mentorship) {
  if (mentorship.status === 'pending') return mentorship.my_role === 'mentor' ? 'waiting-for-you' : 'waiting-for-them'
  if (mentorship.status === 'accepted') return 'active'
  return 'past'
}

/** { text, colour } for the GOV.UK tag. */
export function statusTag (mentorship) {
  switch (mentorship.status) {
    case 'pending':
      return mentorship.my_role === 'mentor' ? { text: 'Waiting for your answer', colour: 'yellow' } : { text: 'Waiting for their answer', colour: 'blue' }
    case 'accepted': return { text: 'Active', colour: 'green' }
    case 'declined': return { text: 'Declined', colour: 'red' }
    case 'withdrawn': return { text: 'Withdrawn', colour: 'grey' }
    case 'expired': return { text: 'No answer', colour: 'grey' }
    case 'ended': return { text: 'Ended', colour: 'grey' }
    default: return { text: String(mentorship.status || 'Unknown'), colour: 'grey' }
  }
}

/** One sentence: who did what, and when. */
export function whatHappened (mentorship) {
  const mentee = mentorship.my_role === 'mentee'
  const asked = formatDate(mentorship.created_at)
  const decided = formatDate(mentorship.decided_at)
  switch (mentorship.status) {
    case 'pending':
      return mentee ? `You asked them to mentor you on ${asked}.` : `They asked you to mentor them on ${asked}.`
    case 'accepted':
      return mentee ? `They have been mentoring you since ${decided}.` : `You have been mentoring them since ${decided}.`
    case 'declined':
      return mentee ? `They declined your request on ${decided}.` : `You declined their request on ${decided}.`
    case 'withdrawn':
      return mentee ? `You withdrew your request on ${decided}.` : `They withdrew their request on ${decided}.`
    case 'expired':
      return `The request was not answered in 30 days, so it closed on ${decided}.`
    case 'ended': {
      const ended = formatDate(mentorship.ended_at)
      if (mentorship.ended_reason === 'left') return `The mentoring ended on ${ended} because they left Mentor Match.`
      return mentorship.ended_by === 'me' ? `You ended the mentoring on ${ended}.` : `They ended the mentoring on ${ended}.`
    }
    default:
      return ''
  }
}
