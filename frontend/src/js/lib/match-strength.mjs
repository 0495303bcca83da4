// How strong a match is: the API labels each one (chalicelib/match_lists/explanation.py) by a rule
// the matches page states, from src/data/match-strength.json, so a person can check it against
// what the card says they have in common.
import strengths from '../../data/match-strength.json'

/** { code, label, colour, rule } for a match's strength code ("strong", "good" or "some"). */
export function strengthOf (code) {
  return strengths.find((strength) => strength.code === code) || strengths[strengths.length - 1]
}
