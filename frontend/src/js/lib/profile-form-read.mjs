// Reads the profile form into the API's profile shape, with the checks worth making before sending.
import site from '../../data/site.json'

const LIMITS = site.limits

function checked (form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value)
}

function readOrganisation (picker, errors) {
  const id = picker ? picker.value() : ''
  if (id === '') errors.push({ controlId: 'organisation_id', text: 'Enter your organisation and choose it from the list' })
  if (id === null) errors.push({ controlId: 'organisation_id', text: 'Choose your organisation from the list' })
  return id || ''
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

/** { profile, errors }: errors in the order of the questions, as { controlId, text }. */
export function readProfileForm (form, { tagInputs, organisationPicker }) {
  const errors = []
  const text = (name) => form.elements[name].value.trim()

  const tooLong = (value, name) => value.length > LIMITS[name]

  const displayName = text('display_name')
  if (!displayName) errors.push({ controlId: 'display_name', text: 'Enter your name' })
  else if (tooLong(displayName, 'display_name')) errors.push({ controlId: 'display_name', text: `Your name must be ${LIMITS.display_name} characters or fewer` })
  const jobTitle = text('job_title')
  if (tooLong(jobTitle, 'job_title')) errors.push({ controlId: 'job_title', text: `Job title must be ${LIMITS.job_title} characters or fewer` })
  const bio = form.elements.bio.value.trim()
  if (tooLong(bio, 'bio')) errors.push({ controlId: 'bio', text: `About you must be ${LIMITS.bio.toLocaleString('en-GB')} characters or fewer` })
  const organisationId = readOrganisation(organisationPicker, errors)
  const grade = checked(form, 'grade')[0] || ''
  if (!grade) errors.push({ controlId: 'grade', text: 'Select your grade' })
  const location = text('location')
  if (!location) errors.push({ controlId: 'location', text: 'Enter the town or city where you usually work' })
  else if (tooLong(location, 'location')) errors.push({ controlId: 'location', text: `Where you usually work must be ${LIMITS.location} characters or fewer` })
  const roles = checked(form, 'roles')
  if (!roles.length) errors.push({ controlId: 'roles', text: 'Select if you want a mentor, want to mentor other people, or both' })
  const mentoring = readMentoring(form, roles, errors)

  const profile = {
    display_name: displayName,
    job_title: jobTitle,
    bio,
    organisation_id: organisationId,
    grade,
    location,
    professions: tagInputs.professions.getTags(),
    skills_offered: tagInputs.skills_offered.getTags(),
    skills_wanted: tagInputs.skills_wanted.getTags(),
    interests: tagInputs.interests.getTags(),
    roles,
    ...mentoring
  }
  return { profile, errors }
}
