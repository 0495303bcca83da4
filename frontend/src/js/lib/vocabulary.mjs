// Tag suggestions from GET /vocabulary/{kind}?prefix=, remembered for the life of the page.
import { getVocabulary } from './api.mjs'

const cache = new Map()

export async function suggestTags (kind, prefix) {
  const key = `${kind}\u0000${prefix.toLocaleLowerCase('en-GB')}`
  if (!cache.has(key)) {
    const request = getVocabulary(kind, prefix).then((reply) => (reply && Array.isArray(reply.items) ? reply.items : []))
    request.catch(() => cache.delete(key))
    cache.set(key, request)
  }
  return cache.get(key)
}
