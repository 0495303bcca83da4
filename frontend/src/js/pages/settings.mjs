// Settings: download my data as a JSON file, unblock people, and the way to delete my account.
import { exportMyData, getBlocks, unblockPerson } from '../lib/api.mjs'
import { requireAccessToken } from '../lib/auth.mjs'
import { el, formatDate, hiddenText } from '../lib/dom.mjs'
import { saveJsonFile } from '../lib/download.mjs'
import { clearErrors, showBanner, showProblem } from '../lib/messages.mjs'
import { showOnly, startPage } from '../lib/page.mjs'

const BLOCK_STATES = ['blocks-loading', 'no-blocks', 'block-list']

startPage()

async function download (button) {
  if (button.getAttribute('aria-disabled') === 'true') return
  button.setAttribute('aria-disabled', 'true')
  const status = document.getElementById('download-status')
  status.textContent = 'Preparing your data…'
  clearErrors()
  try {
    const data = await exportMyData()
    const day = new Date().toISOString().slice(0, 10)
    saveJsonFile(data, `mentor-match-my-data-${day}.json`)
    status.textContent = ''
    showBanner('success', 'Your data has been downloaded')
  } catch {
    status.textContent = ''
    showProblem('Sorry, we could not get your data. Try again later.')
  } finally {
    button.removeAttribute('aria-disabled')
  }
}

function blockItem (block) {
  const name = block.display_name || 'Someone'
  const button = el('button', { type: 'button', class: 'app-link-button' }, 'Unblock', hiddenText(` ${name}`))
  button.addEventListener('click', async () => {
    clearErrors()
    try {
      await unblockPerson(block.user_id)
    } catch (error) {
      if (error.status !== 404) return showProblem()
    }
    await showBlocks()
    showBanner('success', `You have unblocked ${name}`)
  })
  return el('li', { class: 'app-tag-list__item' },
    el('span', { class: 'app-tag-list__text' }, name, el('span', { class: 'govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-weight-regular' }, `Blocked on ${formatDate(block.created_at)}`)),
    button)
}

async function showBlocks () {
  try {
    const reply = await getBlocks()
    const blocks = Array.isArray(reply.blocks) ? reply.blocks : []
    document.getElementById('block-list').replaceChildren(...blocks.map(blockItem))
    showOnly([blocks.length ? 'block-list' : 'no-blocks'], BLOCK_STATES)
  } catch {
    showOnly([], BLOCK_STATES)
    showProblem('Sorry, we could not load the people you have blocked. Try again later.')
  }
}

async function main () {
  await requireAccessToken()
  document.getElementById('download-button').addEventListener('click', (event) => download(event.currentTarget))
  await showBlocks()
}

main()
