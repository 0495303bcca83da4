// A match's score (0 to 1) as a plain-language strength. The thresholds, labels and the
// explanation on the matches page all come from src/data/match-strength.json.
import strengths from '../../data/match-strength.json'

/** { label, colour } for a score: the first strength whose minimum it reaches. */
export function strengthOf (score) {
  const value = Number(score) || 0
  return strengths.find((strength) => value >= strength.min) || strengths[strengths.length - 1]
}
