// A page whose heading depends on what it loaded ("Ask Ben Jones to mentor you"): the <h1> and
// the start of the window title change together.
export function setPageHeading (headingId, text) {
  document.getElementById(headingId).textContent = text
  const parts = document.title.split(' – ')
  const prefix = parts[0].startsWith('Error: ') ? 'Error: ' : ''
  document.title = [`${prefix}${text}`, ...parts.slice(1)].join(' – ')
}
