import { CHECKS, SUPPORT_FEATURES } from '../core/answerability-model.js';
import type { Explanation } from '../core/core.js';

/**
 * The answerability model's decision for the terminal: one line per candidate (where it is, its support against the
 * cut, the checks it fails), then the decision.
 */
export function formatExplanation(explanation: Explanation): string {
  const lines = explanation.candidates.map((candidate, i) => {
    const { passage, features, support } = candidate;
    const failed = CHECKS.filter((check) => features[check] < 1);
    const weighed = SUPPORT_FEATURES.map((name) => `${name} ${features[name].toFixed(2)}`).join(', ');
    const verdict = support >= explanation.cut && failed.length === 0 ? 'answers' : failed.length ? `fails ${failed.join(', ')}` : 'too little support';
    return `${i + 1}. ${passage.doc}:${passage.lines[0]}-${passage.lines[1]} — support ${support.toFixed(2)} (${weighed}) — ${verdict}`;
  });
  const decision = explanation.refusal ? `refused: ${explanation.refusal.code} — ${explanation.refusal.detail}` : 'answered';
  return [`candidates (support needed: ${explanation.cut.toFixed(2)}; every check must pass):`, ...lines, decision].join('\n');
}

/** The same as JSON: candidates by their place in the documents, not their full text. */
export function explanationToJson(query: string, explanation: Explanation) {
  return {
    query,
    lang: explanation.lang,
    cut: explanation.cut,
    candidates: explanation.candidates.map(({ passage, features, support }) => ({
      doc: passage.doc,
      lines: passage.lines,
      passage_id: passage.id,
      support,
      features,
    })),
    abstained: explanation.refusal !== null,
    ...(explanation.refusal ? { reason: explanation.refusal } : {}),
  };
}
