// Suggested matches: /matches (mentors for me) and /matches/mentees (people I could mentor).
import { FilterToggleButton } from '@ministryofjustice/frontend/moj/components/filter-toggle-button/filter-toggle-button.mjs'

import { getBlocks, getMyMatches } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { formatDate } from '../lib/dom.mjs'
import { matchCard } from '../lib/match-card.mjs'
import { reasonBlocks } from '../lib/match-reasons.mjs'
import { applyChoices, readChoices, renderOptions, renderSelected } from '../lib/match-filters.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'no-profile', 'no-matches', 'match-results']
const root = document.getElementById('matches-page')
const side = root.dataset.as

startPage()

function countText (shown, total) {
  const people = total === 1 ? root.dataset.person : root.dataset.people
  return shown === total ? `${total} ${people}` : `Showing ${shown} of ${total} ${people}`
}

/** The ids of people I have blocked (none when the list cannot be had: the API filters too). */
async function blockedIds () {
  try {
    const reply = await getBlocks()
    return new Set((reply.blocks || []).map((block) => block.user_id))
  } catch {
    return new Set()
  }
}

function showMatches (reply, blocked) {
  // The API should leave out people I have blocked, but has been seen to list them: make sure.
  const matches = (Array.isArray(reply.matches) ? reply.matches : []).filter((match) => !blocked.has(match.user_id))
  if (!matches.length) {
    document.getElementById('empty-reasons').replaceChildren(...reasonBlocks(reply.reasons, side))
    return showOnly(['no-matches'], STATES)
  }
  const choices = readChoices()
  const shown = applyChoices(matches, choices)
  renderOptions(document.getElementById('filter-form'), matches, choices)
  renderSelected(document.getElementById('selected-filters'), document.getElementById('selected-filter-groups'), matches, choices)
  document.getElementById('match-count').textContent = countText(shown.length, matches.length)
  const updated = reply.computed_at && formatDate(reply.computed_at, { time: true })
  document.getElementById('computed-at').textContent = updated ? `Suggestions last updated ${updated}.` : ''
  document.getElementById('match-list').replaceChildren(...shown.map((match, index) => matchCard(match, side, index)))
  document.getElementById('no-filtered-matches').hidden = shown.length > 0
  showOnly(['match-results'], STATES)
  // Beside the list on wide screens; on small ones hidden behind a "Show filter" button (MOJ Frontend).
  new FilterToggleButton(document.getElementById('match-filter'), { startHidden: false }) // eslint-disable-line no-new
}

async function main () {
  // The older address for the mentor side: one page for each list.
  if (side === 'mentee' && new URLSearchParams(window.location.search).get('as') === 'mentor') {
    const params = new URLSearchParams(window.location.search)
    params.delete('as')
    const query = params.toString()
    window.location.replace(`/matches/mentees${query ? `?${query}` : ''}`)
    return
  }
  await requireAccessToken()
  try {
    const blocked = blockedIds()
    showMatches(await getMyMatches(side), await blocked)
  } catch (error) {
    if (error.status === 404) return showOnly(['no-profile'], STATES)
    showOnly([], STATES)
    showProblem()
  }
}

main()
