// Reads profile questions from a form into the API's profile shape, with the checks worth making
// before sending. The one-page edit reads every question; a question page (first profile) reads
// its own. Errors are { controlId, text }, in the order of the questions.
import site from '../../data/site.json'

const LIMITS = site.limits

function checked (form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value)
}

function text (form, name) {
  return form.elements[name].value.trim()
}

function tooLong (value, name) {
  return value.length > LIMITS[name]
}

function readOrganisation (form, { organisationPicker }, errors) {
  const id = organisationPicker ? organisationPicker.value() : ''
  if (id === '') errors.push({ controlId: 'organisation_id', text: 'Enter your organisation and choose it from the list' })
  if (id === null) errors.push({ controlId: 'organisation_id', text: 'Choose your organisation from the list' })
  return { organisation_id: id || '' }
}

function readMentoring (form, roles, errors) {
  const isMentor = roles.includes('mentor')
  const capacityText = form.elements.mentor_capacity.value.trim()
  const capacity = /^\d+$/.test(capacityText) ? Number(capacityText) : null
  const accepting = checked(form, 'accepting_requests')[0]
  if (!isMentor) {
    return { mentor_capacity: capacity !== null && capacity <= 10 ? capacity : 0, accepting_requests: false }
  }
  if (!capacityText) errors.push({ controlId: 'mentor_capacity', text: 'Enter how many people you could mentor at the same time' })
  else if (capacity === null || capacity > 10) errors.push({ controlId: 'mentor_capacity', text: 'Enter a whole number from 0 to 10' })
  if (!accepting) errors.push({ controlId: 'accepting_requests', text: 'Select yes if you are accepting new requests now' })
  return { mentor_capacity: capacity ?? 0, accepting_requests: accepting === 'true' }
}

/** Each question's reader: (form, context, errors) -> the profile fields it answers. */
export const READERS = {
  display_name (form, context, errors) {
    const value = text(form, 'display_name')
    if (!value) errors.push({ controlId: 'display_name', text: 'Enter your name' })
    else if (tooLong(value, 'display_name')) errors.push({ controlId: 'display_name', text: `Your name must be ${LIMITS.display_name} characters or fewer` })
    return { display_name: value }
  },
  job_title (form, context, errors) {
    const value = text(form, 'job_title')
    if (tooLong(value, 'job_title')) errors.push({ controlId: 'job_title', text: `Job title must be ${LIMITS.job_title} characters or fewer` })
    return { job_title: value }
  },
  bio (form, context, errors) {
    const value = form.elements.bio.value.trim()
    if (tooLong(value, 'bio')) errors.push({ controlId: 'bio', text: `About you must be ${LIMITS.bio.toLocaleString('en-GB')} characters or fewer` })
    return { bio: value }
  },
  organisation_id: readOrganisation,
  grade (form, context, errors) {
    const value = checked(form, 'grade')[0] || ''
    if (!value) errors.push({ controlId: 'grade', text: 'Select your grade' })
    return { grade: value }
  },
  location (form, context, errors) {
    const value = text(form, 'location')
    if (!value) errors.push({ controlId: 'location', text: 'Enter the town or city where you usually work' })
    else if (tooLong(value, 'location')) errors.push({ controlId: 'location', text: `Where you usually work must be ${LIMITS.location} characters or fewer` })
    return { location: value }
  },
  roles (form, context, errors) {
    const roles = checked(form, 'roles')
    if (!roles.length) errors.push({ controlId: 'roles', text: 'Select if you want a mentor, want to mentor other people, or both' })
    return { roles }
  },
  mentoring (form, context, errors) {
    return readMentoring(form, context.roles || checked(form, 'roles'), errors)
  },
  professions: (form, { tagInputs }) => ({ professions: tagInputs.professions.getTags() }),
  skills_offered: (form, { tagInputs }) => ({ skills_offered: tagInputs.skills_offered.getTags() }),
  skills_wanted: (form, { tagInputs }) => ({ skills_wanted: tagInputs.skills_wanted.getTags() }),
  interests: (form, { tagInputs }) => ({ interests: tagInputs.interests.getTags() })
}

/** { values, errors } for some questions (READERS' names), in that order. */
export function readQuestions (form, names, context) {
  const errors = []
  const values = {}
  for (const name of names) Object.assign(values, READERS[name](form, { ...context, roles: values.roles || context.roles }, errors))
  return { values, errors }
}

const EVERY_QUESTION = ['display_name', 'job_title', 'bio', 'organisation_id', 'grade', 'location',
  'professions', 'skills_offered', 'skills_wanted', 'interests', 'roles', 'mentoring']

/** { profile, errors }: the whole one-page form (mentoring is read after the roles it depends on). */
export function readProfileForm (form, context) {
  const { values, errors } = readQuestions(form, EVERY_QUESTION, context)
  return { profile: values, errors }
}
