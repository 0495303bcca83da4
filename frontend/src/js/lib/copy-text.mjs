// "Copy link": the Clipboard API, or, where the browser refuses it, selecting the text box's
// text and the older copy command. Returns true when the text was copied.
export async function copyText (input) {
  try {
    await navigator.clipboard.writeText(input.value)
    return true
  } catch {
    input.focus()
    input.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    }
  }
}
