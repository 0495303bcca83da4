// A first profile, built in question pages (/profile/new/<step>): the answers so far, kept for this
// tab until the profile is created, and the order of the questions. The task list, each question
// page and "Check your answers" read the same draft.
const DRAFT_KEY = 'mentorMatch.profileDraft'

const isMentor = (values) => (values.roles || []).includes('mentor')
const isMentee = (values) => (values.roles || []).includes('mentee')

/** The questions in order: step id (its address), task, the profile readers it asks (profile-form-read.mjs). */
export const STEPS = [
  { id: 'name', task: 'about', readers: ['display_name'] },
  { id: 'job', task: 'about', readers: ['job_title'] },
  { id: 'about', task: 'about', readers: ['bio'] },
  { id: 'organisation', task: 'work', readers: ['organisation_id'] },
  { id: 'grade', task: 'work', readers: ['grade'] },
  { id: 'location', task: 'work', readers: ['location'] },
  { id: 'roles', task: 'taking-part', readers: ['roles'] },
  { id: 'mentoring', task: 'taking-part', readers: ['mentoring'], when: isMentor },
  { id: 'professions', task: 'skills', readers: ['professions'] },
  { id: 'skills-offered', task: 'skills', readers: ['skills_offered'], when: isMentor },
  { id: 'skills-wanted', task: 'skills', readers: ['skills_wanted'], when: isMentee },
  { id: 'interests', task: 'skills', readers: ['interests'] }
]

/** The tasks of the task list, in order. "skills" waits for the roles (they decide its questions). */
export const TASKS = [
  { id: 'about', title: 'About you' },
  { id: 'work', title: 'Where you work' },
  { id: 'taking-part', title: 'How you want to take part' },
  { id: 'skills', title: 'Skills and interests', after: 'roles' }
]

export function readDraft () {
  try {
    const draft = JSON.parse(window.sessionStorage.getItem(DRAFT_KEY))
    if (draft && typeof draft.values === 'object' && Array.isArray(draft.done)) return draft
  } catch {}
  return { values: {}, done: [] }
}

export function saveDraft (draft) {
  window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft))
}

export function clearDraft () {
  window.sessionStorage.removeItem(DRAFT_KEY)
}

/** The steps that apply to these answers (mentoring only for mentors, and so on). */
export function stepsFor (values) {
  return STEPS.filter((step) => !step.when || step.when(values))
}

export function stepById (id) {
  return STEPS.find((step) => step.id === id)
}

/** "completed" | "in-progress" | "not-started" | "cannot-start" for one task. */
export function taskStatus (task, draft) {
  if (task.after && !draft.done.includes(task.after)) return 'cannot-start'
  const steps = stepsFor(draft.values).filter((step) => step.task === task.id)
  const done = steps.filter((step) => draft.done.includes(step.id)).length
  if (done === steps.length) return 'completed'
  return done ? 'in-progress' : 'not-started'
}

export function allTasksCompleted (draft) {
  return TASKS.every((task) => taskStatus(task, draft) === 'completed')
}

/** Where "Continue" goes from a step: back to check your answers, the task's next question, or the task list. */
export function nextAddress (step, values, changing) {
  const steps = stepsFor(values)
  const following = steps[steps.findIndex((candidate) => candidate.id === step.id) + 1]
  // Choosing "mentor" on the roles question, even when changing it, asks the mentoring question next.
  if (following && following.task === step.task && (!changing || step.id === 'roles')) {
    return `/profile/new/${following.id}${changing ? '?change=1' : ''}`
  }
  return changing ? '/profile/new/check' : '/profile/new'
}

/** The "Back" link of a step: the task's question before it, or the task list (or check your answers). */
export function backAddress (step, values, changing) {
  if (changing) return '/profile/new/check'
  const steps = stepsFor(values)
  const before = steps[steps.findIndex((candidate) => candidate.id === step.id) - 1]
  return before && before.task === step.task ? `/profile/new/${before.id}` : '/profile/new'
}

/** The profile to send (PUT /me/profile) from the answers: mentoring off for someone not mentoring. */
export function profileFrom (values) {
  const profile = {
    display_name: values.display_name || '',
    job_title: values.job_title || '',
    bio: values.bio || '',
    organisation_id: values.organisation_id || '',
    grade: values.grade || '',
    location: values.location || '',
    professions: values.professions || [],
    skills_offered: isMentor(values) ? values.skills_offered || [] : [],
    skills_wanted: isMentee(values) ? values.skills_wanted || [] : [],
    interests: values.interests || [],
    roles: values.roles || [],
    mentor_capacity: isMentor(values) ? Number(values.mentor_capacity) || 0 : 0,
    accepting_requests: isMentor(values) ? Boolean(values.accepting_requests) : false
  }
  return profile
}
