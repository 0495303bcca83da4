// Your mentoring: every request and mentorship, both sides, in groups, each with its moves.
import { getMentorships } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { el } from '../lib/dom.mjs'
import { mentorshipCard } from '../lib/mentorship-card.mjs'
import { GROUPS, groupOf } from '../lib/mentorship-status.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'no-mentorships', 'mentorship-groups']

startPage()

function render (mentorships) {
  if (!mentorships.length) return showOnly(['no-mentorships'], STATES)
  const sections = GROUPS.map((group) => {
    const members = mentorships.filter((mentorship) => groupOf(mentorship) === group.id)
    if (!members.length) return null
    return el('section', { id: group.id, 'aria-labelledby': `${group.id}-heading` },
      el('h2', { class: 'govuk-heading-m', id: `${group.id}-heading` }, `${group.title} (${members.length})`),
      el('ul', { class: 'govuk-list app-card-list' }, members.map((mentorship) => mentorshipCard(mentorship))))
  }).filter(Boolean)
  const container = document.getElementById('mentorship-groups')
  container.replaceChildren(...sections)
  showOnly(['mentorship-groups'], STATES)
}

async function load () {
  const reply = await getMentorships()
  render(Array.isArray(reply.mentorships) ? reply.mentorships : [])
}

async function main () {
  await requireAccessToken()
  try {
    await load()
  } catch {
    showOnly([], STATES)
    showProblem()
  }
}

main()
