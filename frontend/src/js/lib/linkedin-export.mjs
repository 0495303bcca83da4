// Reads LinkedIn's "Get a copy of your data" in the browser: the zip, or its Skills.csv,
// Positions.csv and Profile.csv. Nothing is uploaded. Bounded so a hostile file cannot hurt the
// page: 20 MB per file chosen, at most 5,000 entries in a zip, and only the three CSV files are
// decompressed, streamed and stopped past 5 MB each (15 MB together), so a zip bomb is refused.
import { Unzip, UnzipInflate } from 'fflate'
import Papa from 'papaparse'

export const LIMITS = { fileBytes: 20 * 1024 * 1024, entries: 5000, entryBytes: 5 * 1024 * 1024, totalBytes: 15 * 1024 * 1024 }
const FILES = { 'skills.csv': 'skills', 'positions.csv': 'positions', 'profile.csv': 'profile' }
const NAMES = { skills: 'Skills.csv', positions: 'Positions.csv', profile: 'Profile.csv' }
// LinkedIn's published column names; only these are read.
const COLUMNS = { skills: ['Name'], positions: ['Company Name', 'Title', 'Started On', 'Finished On'], profile: ['First Name', 'Last Name'] }

export const MESSAGES = {
  none: 'Select your LinkedIn data file',
  tooBig: (name) => `${name} is larger than 20 MB. Choose the zip file from LinkedIn's “Get a copy of your data”, or just its Skills.csv, Positions.csv and Profile.csv`,
  notZip: (name) => `${name} is not a zip file or one of LinkedIn's CSV files. Choose the zip file LinkedIn sent you`,
  damaged: (name) => `${name} could not be opened. It may be damaged: download your data from LinkedIn again`,
  bomb: (name) => `${name} is too large to open once unpacked. Choose the zip file LinkedIn sent you, or just its Skills.csv, Positions.csv and Profile.csv`,
  tooManyEntries: (name) => `${name} holds too many files to be a LinkedIn data download. Choose the zip file LinkedIn sent you`,
  missing: 'The file does not contain Skills.csv, Positions.csv or Profile.csv. Choose the zip file from LinkedIn’s “Get a copy of your data”',
  column: (file, column) => `${file} does not have a “${column}” column. Choose the file from LinkedIn’s data download`
}

export class ExportError extends Error {}

const decoder = () => new TextDecoder('utf-8') // drops a byte order mark; bad bytes become U+FFFD

function isZip (bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
}

function concat (chunks) {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let at = 0
  for (const chunk of chunks) {
    all.set(chunk, at)
    at += chunk.length
  }
  return all
}

/** The zip's end record: where a whole zip says how many entries it has (null: cut short or not a zip). */
function endRecord (bytes) {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65557); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 5 && bytes[at + 3] === 6) {
      return { entries: bytes[at + 10] | (bytes[at + 11] << 8) }
    }
  }
  return null
}

/** The three CSV files' text from a zip, streamed and bounded. */
export function unzipWanted (bytes, name) {
  const end = endRecord(bytes)
  if (!end) throw new ExportError(MESSAGES.damaged(name))
  if (end.entries > LIMITS.entries) throw new ExportError(MESSAGES.tooManyEntries(name))
  const found = {}
  let entries = 0
  let total = 0
  let failure = null
  const fail = (message) => { failure = failure || new ExportError(message) }
  const unzip = new Unzip((file) => {
    entries += 1
    if (entries > LIMITS.entries) return fail(MESSAGES.tooManyEntries(name))
    const key = FILES[file.name.split('/').pop().toLowerCase()]
    if (!key || failure) return // never decompressed
    const chunks = []
    let size = 0
    file.ondata = (error, chunk, final) => {
      if (failure) return
      if (error) return fail(MESSAGES.damaged(name))
      size += chunk.length
      total += chunk.length
      if (size > LIMITS.entryBytes || total > LIMITS.totalBytes) {
        file.terminate()
        return fail(MESSAGES.bomb(name))
      }
      chunks.push(chunk)
      if (final) found[key] = decoder().decode(concat(chunks))
    }
    try {
      file.start()
    } catch {
      fail(MESSAGES.damaged(name))
    }
  })
  unzip.register(UnzipInflate)
  const step = 64 * 1024
  try {
    for (let at = 0; at < bytes.length && !failure; at += step) unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length)
  } catch {
    fail(MESSAGES.damaged(name))
  }
  if (failure) throw failure
  return found
}

/** { skills?, positions?, profile? } as CSV text, from the files the person chose. */
export async function readExportFiles (files) {
  const chosen = [...(files || [])]
  if (!chosen.length) throw new ExportError(MESSAGES.none)
  const found = {}
  for (const file of chosen) {
    if (file.size > LIMITS.fileBytes) throw new ExportError(MESSAGES.tooBig(file.name))
    const bytes = new Uint8Array(await file.arrayBuffer())
    const key = FILES[file.name.toLowerCase()]
    if (isZip(bytes)) Object.assign(found, unzipWanted(bytes, file.name))
    else if (key && !bytes.includes(0)) found[key] = decoder().decode(bytes)
    else throw new ExportError(MESSAGES.notZip(file.name))
  }
  if (!Object.keys(found).length) throw new ExportError(MESSAGES.missing)
  return found
}

function rows (text, key) {
  const parsed = Papa.parse(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.replace(/^\uFEFF/, '').trim() })
  const fields = parsed.meta.fields || []
  const missing = COLUMNS[key].find((column) => !fields.includes(column))
  if (missing) throw new ExportError(MESSAGES.column(NAMES[key], missing))
  return parsed.data
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** "Mar 2021" or "2021" as a number that sorts by date (0 when it cannot be read). */
function when (text) {
  const match = /^(?:([A-Za-z]{3})\w*\s+)?(\d{4})$/.exec(String(text || '').trim())
  if (!match) return 0
  const month = match[1] ? MONTHS.indexOf(match[1].toLowerCase()) + 1 : 0
  return Number(match[2]) * 100 + month
}

/** The current position (no end date; the latest start), else the latest one; null when none. */
export function currentPosition (positions) {
  const usable = positions.filter((row) => String(row.Title || '').trim())
  if (!usable.length) return null
  const current = usable.filter((row) => !String(row['Finished On'] || '').trim())
  const pool = current.length ? current : usable
  const latest = pool.reduce((best, row) => (when(row['Started On']) > when(best['Started On']) ? row : best))
  return { title: latest.Title.trim(), company: String(latest['Company Name'] || '').trim(), current: current.length > 0 }
}

/** What the export says: { skills: [names], position: {title, company, current} | null, name }. */
export function readExport (texts) {
  const skills = texts.skills ? rows(texts.skills, 'skills').map((row) => String(row.Name || '').trim()).filter(Boolean) : []
  const position = texts.positions ? currentPosition(rows(texts.positions, 'positions')) : null
  const profile = texts.profile ? rows(texts.profile, 'profile')[0] : null
  const name = profile ? `${profile['First Name'] || ''} ${profile['Last Name'] || ''}`.trim() : ''
  return { skills, position, name }
}
