// One request or mentorship as a GOV.UK summary card, with the moves open to me now. Every move
// has a page of its own that says what it does before it is made: accept (the request's message,
// and that your email address will be shared), decline (a reason), withdraw (are you sure?) and
// end (feedback, are you sure?). A waiting request shows its message on the card.
import { el, formatDate, govukTag, hiddenText, summaryList } from './dom.mjs'
import { statusTag, whatHappened } from './mentorship-status.mjs'

function nameOf (mentorship, { link }) {
  const other = mentorship.other || {}
  const name = other.display_name || 'Name not given'
  return link && other.user_id ? el('a', { class: 'govuk-link', href: `/people?id=${encodeURIComponent(other.user_id)}` }, name) : name
}

function moveButton (href, text, hidden, classes = '') {
  return el('a', { href, role: 'button', draggable: 'false', class: `govuk-button ${classes}`.trim(), 'data-module': 'govuk-button' },
    text, hiddenText(hidden))
}

function actions (mentorship, { showConversationLink }) {
  const name = (mentorship.other && mentorship.other.display_name) || ''
  const can = new Set(mentorship.can || [])
  const id = encodeURIComponent(mentorship.mentorship_id)
  const items = []
  if (can.has('accept')) items.push(moveButton(`/mentoring/accept?id=${id}`, 'Accept request', ` from ${name}`))
  if (can.has('decline')) items.push(el('a', { class: 'govuk-link', href: `/mentoring/decline?id=${id}` }, 'Decline request', hiddenText(` from ${name}`)))
  if (can.has('withdraw')) items.push(el('a', { class: 'govuk-link', href: `/mentoring/withdraw?id=${id}` }, 'Withdraw request', hiddenText(` to ${name}`)))
  if (can.has('end')) items.push(el('a', { class: 'govuk-link', href: `/mentoring/end?id=${id}` }, 'End mentoring', hiddenText(` with ${name}`)))
  if (showConversationLink) {
    const text = mentorship.can_message ? 'Messages' : 'Read past messages'
    items.push(el('a', { class: 'govuk-link', href: `/conversation?id=${id}` }, text, hiddenText(` with ${name}`)))
  }
  return items.length ? el('div', { class: 'govuk-button-group app-card-actions' }, items) : null
}

/**
 * options: headingLevel (2 or 3), link (the name links to their profile),
 * showConversationLink (false on the conversation page itself).
 */
export function mentorshipCard (mentorship, { headingLevel = 3, link = true, showConversationLink = true } = {}) {
  const tag = statusTag(mentorship)
  const other = mentorship.other || {}
  const message = mentorship.request_message
  const rows = [
    { key: 'Status', value: govukTag(tag.text, tag.colour) },
    { key: 'What happened', value: whatHappened(mentorship) },
    {
      key: message && message.from_me ? 'Your message' : 'Their message',
      value: message ? el('p', { class: 'govuk-body app-quoted-message govuk-!-margin-bottom-0' }, message.body) : '',
      hidden: !message
    },
    { key: 'Answer by', value: formatDate(mentorship.expires_at), hidden: !mentorship.expires_at },
    {
      key: 'Email address',
      value: other.email ? el('a', { class: 'govuk-link', href: `mailto:${other.email}` }, other.email) : '',
      hidden: !other.email
    },
    { key: 'Reason for declining', value: mentorship.decline_reason || '', hidden: !mentorship.decline_reason },
    { key: 'Your private feedback', value: el('span', { class: 'app-preserve-lines' }, mentorship.my_feedback || ''), hidden: !mentorship.my_feedback }
  ]
  return el('li', { class: 'app-mentorship', id: `mentorship-${mentorship.mentorship_id}` },
    el('div', { class: 'govuk-summary-card' },
      el('div', { class: 'govuk-summary-card__title-wrapper' },
        el(`h${headingLevel}`, { class: 'govuk-summary-card__title' }, nameOf(mentorship, { link }))),
      el('div', { class: 'govuk-summary-card__content' },
        summaryList(rows),
        actions(mentorship, { showConversationLink }))))
}
