import type { Answer, SearchHit } from '../types.js';
import { answerText } from '../answer/answer-text.js';

/** Human-readable answer for the terminal: the answer, then each source with document, section, ¶ and lines. */
export function formatAnswer(answer: Answer): string {
  if (answer.kind === 'not-covered') {
    const nearest = answer.seeAlso.map((hit) => `  - ${where(hit)}`).join('\n');
    const label = answer.lang === 'fr' ? 'Voir aussi (passages les plus proches) :' : 'See also (nearest passages):';
    return nearest ? `${answerText(answer)}\n\n${label}\n${nearest}` : answerText(answer);
  }
  const sources = answer.citations
    .map((c) => `[${c.n}] ${c.title} (${c.date}) — ${c.section || '—'} — ${c.paragraph}\n    ${c.doc}, lines ${c.lines[0]}–${c.lines[1]}`)
    .join('\n');
  return `${answerText(answer)}\n\nSources:\n${sources}`;
}

export function formatHits(query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `No passage matches "${query}".`;
  return hits
    .map((hit, i) => `${i + 1}. ${where(hit)}  (score ${hit.score.toFixed(4)})\n   ${excerpt(hit.passage.text)}`)
    .join('\n\n');
}

function where(hit: SearchHit): string {
  const { passage } = hit;
  return `${hit.title} — ${passage.label} — ${passage.doc}:${passage.lines[0]}-${passage.lines[1]}`;
}

function excerpt(text: string): string {
  return text.length <= 300 ? text : `${text.slice(0, 297)}…`;
}
