// Create your profile: the task list, each task's status from this tab's answers so far.
import { allTasksCompleted, taskStatus, TASKS } from '../lib/profile-draft.mjs'
import { firstProfileDraft } from '../lib/first-profile.mjs'
import { el } from '../lib/dom.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const STATES = ['loading', 'task-list-page']
const STATUS = {
  completed: { text: 'Completed' },
  'in-progress': { tag: 'Incomplete', colour: 'light-blue' },
  'not-started': { tag: 'Not yet started', colour: 'blue' },
  'cannot-start': { text: 'Cannot start yet', cannotStart: true }
}

startPage()

function setStatus (item, status) {
  const shown = STATUS[status]
  const cell = item.querySelector('.govuk-task-list__status')
  cell.classList.toggle('govuk-task-list__status--cannot-start-yet', Boolean(shown.cannotStart))
  cell.replaceChildren(shown.tag ? el('strong', { class: `govuk-tag govuk-tag--${shown.colour}` }, shown.tag) : shown.text)
  const link = item.querySelector('a.govuk-task-list__link')
  if (shown.cannotStart && link) { // a task that cannot start yet is not a link
    link.replaceWith(el('div', {}, link.textContent.trim()))
    item.classList.remove('govuk-task-list__item--with-link')
  }
}

async function main () {
  const draft = await firstProfileDraft(STATES)
  if (!draft) return
  let completed = 0
  for (const task of TASKS) {
    const status = taskStatus(task, draft)
    if (status === 'completed') completed += 1
    setStatus(document.querySelector(`.app-task-${task.id}`), status)
  }
  setStatus(document.querySelector('.app-task-check'), allTasksCompleted(draft) ? 'not-started' : 'cannot-start')
  document.getElementById('task-count').textContent = `You have completed ${completed} of ${TASKS.length} sections.`
  showOnly(['task-list-page'], STATES)
}

main()
