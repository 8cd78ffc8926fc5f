import { CHECKS, SUPPORT_FEATURES } from '../core/answerability-model.js';
import type { ExplainedCandidate, Explanation } from '../core/core.js';

/**
 * The answerability model's decision for the terminal: one line per candidate (where it is, its support against the
 * cut, the checks it fails), then the decision.
 */
export function formatExplanation(explanation: Explanation): string {
  const describe = (candidate: ExplainedCandidate, i: number): string => {
    const { passage, features, support } = candidate;
    const failed = CHECKS.filter((check) => features[check] < 1);
    const weighed = SUPPORT_FEATURES.map((name) => `${name} ${features[name].toFixed(2)}`).join(', ');
    const verdict = support >= explanation.cut && failed.length === 0 ? 'passes' : failed.length ? `fails ${failed.join(', ')}` : 'too little support';
    return `${i + 1}. ${passage.doc}:${passage.lines[0]}-${passage.lines[1]} — support ${support.toFixed(2)} (${weighed}) — ${verdict}`;
  };
  const decision = explanation.refusal
    ? `refused: ${explanation.refusal.code} — ${explanation.refusal.detail}`
    : `answered (${explanation.confidence ?? 'firm'}: ${explanation.confidence === 'tentative' ? 'the best passing support is under' : 'a passing support reaches'} ln 3, odds of 3 to 1)`;
  const rankedToo = explanation.rankedToo.length === 0 ? [] : [
    'ranked first too (once a candidate answers, the best ranked passage with the support and every check but subjectHeld is quoted first):',
    ...explanation.rankedToo.map(describe),
  ];
  return [
    `subject (subjectHeld: a candidate holds one of these): ${explanation.subject.join(', ') || '(none)'}`,
    `candidates (support needed: ${explanation.cut.toFixed(2)}; every check must pass):`,
    ...explanation.candidates.map(describe),
    ...rankedToo,
    decision,
  ].join('\n');
}

/** The same as JSON: candidates by their place in the documents, not their full text. */
export function explanationToJson(query: string, explanation: Explanation) {
  return {
    query,
    lang: explanation.lang,
    cut: explanation.cut,
    candidates: explanation.candidates.map(candidateToJson),
    ranked_too: explanation.rankedToo.map(candidateToJson),
    subject: explanation.subject,
    abstained: explanation.refusal !== null,
    ...(explanation.confidence ? { confidence: explanation.confidence } : {}),
    ...(explanation.refusal ? { reason: explanation.refusal } : {}),
  };
}

const candidateToJson = ({ passage, features, support }: ExplainedCandidate) => ({
  doc: passage.doc,
  lines: passage.lines,
  passage_id: passage.id,
  support,
  features,
});
