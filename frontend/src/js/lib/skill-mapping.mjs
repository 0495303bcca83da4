// Maps skills from a LinkedIn export onto the controlled vocabulary, saying how each was matched:
// the same words (case and spacing aside, and LinkedIn's "(Programming Language)"-style notes
// dropped), another name for it (the API's synonyms), a close spelling (one or two letters
// different: "Visualization", "Managment"), or one vocabulary skill named inside it ("Microsoft
// Excel"). Anything else is listed for the person to add as it is, or leave out.
export const HOW = {
  same: 'Same skill',
  synonym: 'Another name for it',
  close: 'Close spelling',
  contains: 'Part of the name'
}

/** As the API stores tags: NFKC, lower case, white space collapsed, trimmed. */
export function normaliseTag (raw) {
  return String(raw ?? '').normalize('NFKC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim()
}

function variants (tag) {
  const noNote = tag.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim()
  const ands = [tag, noNote].map((text) => text.replace(/\s*&\s*/g, ' and '))
  return [...new Set([tag, noNote, ...ands].filter(Boolean))]
}

/** Levenshtein distance, stopping early once it is over ``limit``. */
export function distance (a, b, limit = 2) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      best = Math.min(best, current[j])
    }
    if (best > limit) return limit + 1
    previous = current
  }
  return previous[b.length]
}

function closeSpelling (tag, items) {
  if (tag.length < 5) return null
  const limit = tag.length >= 10 ? 2 : 1
  let found = null
  let best = limit + 1
  for (const item of items) {
    const d = distance(tag, item, limit)
    if (d < best) [found, best] = [item, d]
  }
  return found
}

function namedInside (tag, items) {
  const padded = ` ${tag} `
  const inside = items.filter((item) => item.length >= 3 && padded.includes(` ${item} `))
  if (!inside.length) return null
  const longest = Math.max(...inside.map((item) => item.length))
  const candidates = inside.filter((item) => item.length === longest)
  return candidates.length === 1 ? candidates[0] : null
}

/**
 * { raw, tag, how } for a mapped skill, or { raw, tag: null } when nothing fits. The vocabulary's
 * items are written for people ("SQL", "Data analysis"): they are compared by their normalised key
 * and the mapped tag is the item as written.
 */
export function mapSkill (raw, vocabulary) {
  const written = new Map(vocabulary.items.map((item) => [normaliseTag(item), item]))
  const keys = [...written.keys()]
  const synonyms = vocabulary.synonyms || {}
  const found = (key, how) => ({ raw, tag: written.get(key), how })
  const forms = variants(normaliseTag(raw))
  for (const form of forms) if (written.has(form)) return found(form, 'same')
  for (const form of forms) if (synonyms[form] && written.has(normaliseTag(synonyms[form]))) return found(normaliseTag(synonyms[form]), 'synonym')
  for (const form of forms) {
    const close = closeSpelling(form, keys)
    if (close) return found(close, 'close')
  }
  for (const form of forms) {
    const inside = namedInside(form, keys)
    if (inside) return found(inside, 'contains')
  }
  return { raw, tag: null }
}

/**
 * The whole list: mapped (one entry per vocabulary skill), unmapped (as the person wrote them),
 * and how many of the LinkedIn skills found a vocabulary skill (``matched`` of ``total``).
 */
export function mapSkills (rawSkills, vocabulary) {
  const mapped = []
  const unmapped = []
  const seen = new Set()
  let matched = 0
  for (const raw of rawSkills) {
    const result = mapSkill(raw, vocabulary)
    if (result.tag) matched += 1
    if (!result.tag) {
      const clean = String(raw).normalize('NFKC').replace(/\s+/g, ' ').trim()
      if (clean && !seen.has(normaliseTag(clean))) unmapped.push(clean)
      seen.add(normaliseTag(clean))
    } else if (!seen.has(result.tag)) {
      mapped.push(result)
      seen.add(result.tag)
    }
  }
  return { mapped, unmapped, matched, total: rawSkills.length }
}
