import type { Answer, Citation, DocumentMeta, Lang, SearchHit } from '../types.js';
import { describeRefusal, type RefusalFacts } from './refusal.js';
import type { Evidence } from './select-evidence.js';

/** The fixed "not covered" sentence, also the reply the LLM is told to give when the passages do not answer. */
export const NOT_COVERED: Record<Lang, string> = {
  fr: 'Les documents ne traitent pas de cette question.',
  en: 'The documents do not cover this question.',
};

const LEAD: Record<Lang, string> = {
  fr: 'Les documents indiquent :',
  en: 'The documents say (quoted in the original French):',
};

const openQuote = (lang: Lang): string => (lang === 'fr' ? '« ' : '“');
const closeQuote = (lang: Lang): string => (lang === 'fr' ? ' »' : '”');

/** "Not covered", saying why in the question's language, with the nearest passages for browsing. */
export function notCovered(query: string, lang: Lang, seeAlso: SearchHit[], why: RefusalFacts): Answer {
  const reason = describeRefusal(why, lang);
  return { kind: 'not-covered', query, lang, text: `${NOT_COVERED[lang]} ${reason.detail}`, seeAlso, reason };
}

/** Connecting words in the question's language around verbatim French quotes, each with its [n]; `grounds` kept. */
export function composeAnswer(
  query: string,
  lang: Lang,
  evidence: readonly Evidence[],
  documents: ReadonlyMap<string, DocumentMeta>,
  grounds: SearchHit[],
): Answer {
  const citations: Citation[] = evidence.map((item, i) => {
    const meta = documents.get(item.passage.doc);
    return {
      n: i + 1,
      doc: item.passage.doc,
      title: meta?.title ?? item.passage.doc,
      section: item.passage.section.join(' › '),
      paragraph: item.passage.label,
      lines: item.lines,
      quote: item.quote,
      date: meta?.date ?? '',
      passageId: item.passage.id,
    };
  });
  const body = citations.map((c) => `${openQuote(lang)}${c.quote}${closeQuote(lang)} [${c.n}]`).join('\n');
  return { kind: 'answered', query, lang, text: `${LEAD[lang]}\n${body}`, citations, mode: 'extractive', grounds };
}
