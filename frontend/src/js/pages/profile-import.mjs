// Add skills from a LinkedIn export: read it here (never uploaded), show how each skill maps onto
// our list, and change the profile only when the person confirms what to add (PUT /me/profile with
// the version we read).
import { ApiError, apiRequest, getMyProfile, putMyProfile } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { el, hiddenText } from '../lib/dom.mjs'
import { leavePage, onSubmit } from '../lib/forms.mjs'
import { ExportError, readExport, readExportFiles } from '../lib/linkedin-export.mjs'
import { clearErrors, showErrors, showProblem } from '../lib/messages.mjs'
import { startPage } from '../lib/page.mjs'
import { setFlash } from '../lib/session.mjs'
import { HOW, mapSkills } from '../lib/skill-mapping.mjs'
import site from '../../data/site.json'

startPage()

const importForm = document.getElementById('import-form')
const confirmForm = document.getElementById('confirm-form')
let found = null

function choiceBoxes (index, skill) {
  const box = (side, text) => el('div', { class: 'govuk-checkboxes__item' },
    el('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `skill-${index}-${side}`, name: `skill-${index}`, value: side, 'data-skill': skill }),
    el('label', { class: 'govuk-label govuk-checkboxes__label', for: `skill-${index}-${side}` }, text, hiddenText(`: ${skill}`)))
  return el('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
    box('offered', 'I can offer it'), box('wanted', 'I want to develop it'))
}

function showReview (result, mapping) {
  document.getElementById('mapping-summary').textContent = mapping.total
    ? `We matched ${mapping.matched} of your ${mapping.total} LinkedIn skills to skills in Mentor Match.`
    : 'Your LinkedIn data has no skills in it.'
  const position = result.position
  document.getElementById('job-title-question').hidden = !position
  if (position) {
    const at = position.company ? ` (${position.company})` : ''
    document.getElementById('use-job-title-label').textContent = `Use “${position.title}”${at} as my job title`
    document.getElementById('use-job-title').value = position.title
  }
  const matchedRows = mapping.mapped.map((entry, index) => el('tr', { class: 'govuk-table__row' },
    el('td', { class: 'govuk-table__cell' }, entry.raw),
    el('td', { class: 'govuk-table__cell' }, entry.tag),
    el('td', { class: 'govuk-table__cell' }, HOW[entry.how]),
    el('td', { class: 'govuk-table__cell' }, choiceBoxes(`m${index}`, entry.tag))))
  document.getElementById('matched-rows').replaceChildren(...matchedRows)
  document.getElementById('matched-question').hidden = !matchedRows.length
  const unmatchedRows = mapping.unmapped.map((raw, index) => el('tr', { class: 'govuk-table__row' },
    el('td', { class: 'govuk-table__cell' }, raw),
    el('td', { class: 'govuk-table__cell' }, choiceBoxes(`u${index}`, raw))))
  document.getElementById('unmatched-rows').replaceChildren(...unmatchedRows)
  document.getElementById('unmatched-question').hidden = !unmatchedRows.length
  document.getElementById('review').hidden = false
  document.getElementById('review-heading').focus()
}

onSubmit(importForm, async () => {
  clearErrors()
  document.getElementById('review').hidden = true
  let result
  try {
    result = readExport(await readExportFiles(importForm.elements['export-file'].files))
  } catch (error) {
    if (error instanceof ExportError) return showErrors([{ controlId: 'export-file', text: error.message }])
    return showErrors([{ controlId: 'export-file', text: 'The file could not be read. Choose the zip file LinkedIn sent you' }])
  }
  const vocabulary = await apiRequest('GET', '/vocabulary/skills?all=true', { auth: false }).catch(() => null)
  if (!vocabulary) return showProblem()
  found = result
  showReview(result, mapSkills(result.skills, vocabulary))
})

function chosen () {
  const picks = { offered: new Set(), wanted: new Set() }
  for (const box of confirmForm.querySelectorAll('input[data-skill]:checked')) picks[box.value].add(box.dataset.skill)
  const title = confirmForm.elements['use-job-title'].checked && found && found.position ? found.position.title : ''
  return { ...picks, title }
}

function merge (current, added) {
  const seen = new Set(current.map((tag) => tag.toLocaleLowerCase('en-GB')))
  return [...current, ...[...added].filter((tag) => !seen.has(tag.toLocaleLowerCase('en-GB')))]
}

onSubmit(confirmForm, async () => {
  const picks = chosen()
  if (!picks.offered.size && !picks.wanted.size && !picks.title) {
    return showErrors([{ text: 'Choose at least one skill to add, or your job title' }])
  }
  let profile
  try {
    profile = await getMyProfile()
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return showErrors([{ text: 'Create your profile first, then add skills from LinkedIn' }])
    return showProblem()
  }
  const updated = { ...profile }
  for (const key of ['user_id', 'created_at', 'updated_at']) delete updated[key]
  updated.skills_offered = merge(profile.skills_offered || [], picks.offered)
  updated.skills_wanted = merge(profile.skills_wanted || [], picks.wanted)
  if (picks.title) updated.job_title = picks.title.slice(0, site.limits.job_title)
  for (const side of ['skills_offered', 'skills_wanted']) {
    if (updated[side].length > site.limits.tags) {
      return showErrors([{ text: `You can have up to ${site.limits.tags} skills in each list. Choose fewer skills` }])
    }
  }
  try {
    await putMyProfile(updated)
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return showErrors([{ text: 'Your profile was changed in another tab. Choose the skills again' }])
    if (error instanceof ApiError && error.status === 400) return showErrors([{ text: error.message }])
    return showProblem()
  }
  setFlash('success', 'We have added the skills you chose to your profile')
  leavePage('/profile')
})

requireAccessToken()
