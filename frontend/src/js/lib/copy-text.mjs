// "Copy link": the Clipboard API, or, where the browser refuses it, the older copy command on a
// hidden text box. Returns true when the text was copied.
export async function copyText (text) {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const box = document.createElement('textarea')
    box.value = text
    box.setAttribute('readonly', '')
    box.className = 'govuk-visually-hidden'
    document.body.append(box)
    box.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      box.remove()
    }
  }
}
