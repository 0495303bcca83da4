// "Your profile": the saved profile as a summary list with change links, or a prompt to create one.
import { getMyProfile, getOrganisations } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'
import { fillFields, organisationNames } from '../lib/profile-format.mjs'

const STATES = ['loading', 'no-profile', 'profile-details']

startPage()

async function showProfile () {
  await requireAccessToken()
  const organisations = getOrganisations().then((reply) => reply.organisations).catch(() => [])
  let profile
  try {
    profile = await getMyProfile()
  } catch (error) {
    if (error.status === 404) return showOnly(['no-profile'], STATES)
    showOnly([], STATES)
    return showProblem()
  }
  fillFields(document.getElementById('profile-details'), profile, {
    organisations: organisationNames(await organisations),
    own: true
  })
  const roles = profile.roles || []
  document.querySelectorAll('[data-for-role]').forEach((item) => { item.hidden = !roles.includes(item.dataset.forRole) })
  showOnly(['profile-details'], STATES)
}

showProfile()
