import type { Answer, Citation, Confidence, DocumentMeta, Lang, NotCoveredAnswer, SearchHit } from '../types.js';
import { describeRefusal, type RefusalFacts } from './refusal.js';
import type { Evidence } from './select-evidence.js';

/** "Not covered", saying why in the question's language, with the nearest passages for browsing. */
export function notCovered(query: string, lang: Lang, seeAlso: SearchHit[], why: RefusalFacts): NotCoveredAnswer {
  const reason = describeRefusal(why, lang);
  return { kind: 'not-covered', query, lang, seeAlso, reason };
}

/** The verbatim French quotes as numbered citations; `grounds` kept. */
export function composeAnswer(
  query: string,
  lang: Lang,
  evidence: readonly Evidence[],
  documents: ReadonlyMap<string, DocumentMeta>,
  grounds: SearchHit[],
  confidence: Confidence,
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
  return { kind: 'answered', query, lang, citations, confidence, mode: 'extractive', grounds };
}
