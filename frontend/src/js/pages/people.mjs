// Another person's profile, as other users see it: /people?id=<user_id>.
import { getOrganisations, getProfile } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { fillFields, formatField, organisationNames } from '../lib/profile-format.mjs'
import { firstName } from '../lib/dom.mjs'
import { myUserId } from '../lib/token-claims.mjs'

const STATES = ['loading', 'not-found', 'person-details']
const MENTOR_ONLY_FIELDS = ['mentor_capacity', 'accepting_requests']

startPage()

function setHeading (text) {
  document.getElementById('person-heading').textContent = text
  document.title = document.title.replace(/^[^–]*–/, `${text} –`)
}

function hideRow (fieldName) {
  const row = document.querySelector(`#person-summary [data-field="${fieldName}"]`)?.closest('.govuk-summary-list__row')
  if (row) row.hidden = true
}

function showPerson (profile, organisations) {
  setHeading(profile.display_name || 'Profile')
  const caption = document.getElementById('person-caption')
  caption.textContent = profile.job_title || ''
  caption.hidden = !profile.job_title
  if (profile.bio) document.getElementById('person-bio').replaceChildren(formatField('bio', profile))
  fillFields(document.getElementById('person-details'), profile, { organisations, own: false })
  if (!(profile.roles || []).includes('mentor')) MENTOR_ONLY_FIELDS.forEach(hideRow)
  showActions(profile)
  showOnly(['person-details'], STATES)
}

/** "Ask them to mentor you" (mentors taking requests) and "Block or report", for anyone but me. */
function showActions (profile) {
  const userId = new URLSearchParams(window.location.search).get('id')
  if (!userId || userId === myUserId()) return
  const name = profile.display_name || 'this person'
  if ((profile.roles || []).includes('mentor') && profile.accepting_requests) {
    const ask = document.getElementById('ask-link')
    ask.textContent = `Ask ${firstName(name)} to mentor you`
    ask.href = `/request?mentor=${encodeURIComponent(userId)}`
    document.getElementById('ask-paragraph').hidden = false
  }
  document.querySelector('[data-person-name]').textContent = name
  document.getElementById('report-link').href = `/report?user=${encodeURIComponent(userId)}`
  document.getElementById('report-paragraph').hidden = false
}

async function main () {
  const userId = new URLSearchParams(window.location.search).get('id')
  if (!userId) {
    setHeading('Person not found')
    return showOnly(['not-found'], STATES)
  }
  await requireAccessToken()
  const organisations = getOrganisations().then((reply) => reply.organisations).catch(() => [])
  try {
    const profile = await getProfile(userId)
    showPerson(profile, organisationNames(await organisations))
  } catch (error) {
    if (error.status === 404) {
      setHeading('Person not found')
      return showOnly(['not-found'], STATES)
    }
    showOnly([], STATES)
    showProblem()
  }
}

main()
