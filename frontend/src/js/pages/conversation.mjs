// One request or mentorship, its moves, and its message thread, a page (50) at a time.
import site from '../../data/site.json'
import { ApiError, getMessages, sendMessage } from '../lib/api.mjs'
import { mentorshipCard } from '../lib/mentorship-card.mjs'
import { MessageThread } from '../lib/message-thread.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { onSubmit } from '../lib/forms.mjs'
import { fillOtherName, loadMentorship } from '../lib/one-mentorship.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { setPageHeading } from '../lib/page-heading.mjs'

const STATES = ['loading', 'not-open', 'conversation']
const MAX_LENGTH = site.limits.message

startPage()

let mentorship
let thread
let nextCursor = null

function showSummary () {
  const summary = document.getElementById('mentorship-summary')
  summary.replaceChildren(mentorshipCard(mentorship, { headingLevel: 2, showConversationLink: false }))
}

function showSendForm () {
  document.getElementById('send-form').hidden = !mentorship.can_message
  document.getElementById('cannot-send').hidden = Boolean(mentorship.can_message)
}

function showThreadState () {
  const empty = thread.count === 0
  document.getElementById('no-messages').hidden = !empty
  document.getElementById('message-thread').hidden = empty
  document.getElementById('show-newer').hidden = !nextCursor
}

/** Loads the next page of the thread; returns the first message element added. */
async function loadPage () {
  const reply = await getMessages(mentorship.mentorship_id, nextCursor)
  nextCursor = reply.next_cursor || null
  const first = thread.append(reply.messages || [])
  showThreadState()
  return first
}

async function send (form) {
  const body = form.elements.body.value.trim()
  const status = document.getElementById('send-status')
  status.textContent = ''
  if (!body) return showErrors([{ controlId: 'body', text: 'Enter a message' }])
  if (body.length > MAX_LENGTH) return showErrors([{ controlId: 'body', text: `Your message must be ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` }])
  clearErrors()
  let sent
  try {
    sent = await sendMessage(mentorship.mentorship_id, body)
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return showErrors([{ text: error.message }])
    if (error instanceof ApiError && error.status === 400) return showErrors([{ controlId: 'body', text: `Enter a message, using ${MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` }])
    return showProblem()
  }
  // Messages not loaded yet come first, then the one just sent (it is the newest).
  if (nextCursor) {
    while (nextCursor) await loadPage()
  } else {
    thread.append([sent])
    showThreadState()
  }
  form.elements.body.value = ''
  form.elements.body.dispatchEvent(new Event('input')) // the character count starts again
  status.textContent = 'Your message has been sent'
}

async function main () {
  mentorship = await loadMentorship(STATES)
  if (!mentorship) return
  const name = fillOtherName(mentorship)
  setPageHeading('conversation-heading', `Conversation with ${name}`)
  thread = new MessageThread(document.getElementById('message-list'), name)
  showSummary()
  showSendForm()
  const other = mentorship.other || {}
  if (other.user_id) {
    const params = new URLSearchParams({ user: other.user_id, mentorship: mentorship.mentorship_id })
    document.getElementById('report-link').href = `/report?${params}`
    document.getElementById('report-paragraph').hidden = false
  }
  try {
    await loadPage()
  } catch {
    showProblem('Sorry, we could not load the messages. Try again later.')
  }
  showOnly(['conversation'], STATES)

  document.getElementById('show-newer').addEventListener('click', async (event) => {
    const button = event.currentTarget
    if (button.getAttribute('aria-disabled') === 'true') return
    button.setAttribute('aria-disabled', 'true')
    try {
      const first = await loadPage()
      if (first) first.focus()
    } catch {
      showProblem('Sorry, we could not load the messages. Try again later.')
    } finally {
      button.removeAttribute('aria-disabled')
    }
  })
  onSubmit(document.getElementById('send-form'), (event) => send(event.target))
}

main()
