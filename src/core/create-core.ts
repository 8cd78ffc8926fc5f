import { composeAnswer, notCovered } from '../answer/compose-answer.js';
import { listMarkerOf, selectEvidence, withListAfter, type QuoteSource, type Span } from '../answer/select-evidence.js';
import { expectedAnswer } from '../answer/expected-answer.js';
import { isVerbatim } from '../answer/verify-quote.js';
import { createDocumentViews } from '../documents/document-views.js';
import { analyzeQuery, type ExpansionWeights } from '../search/analyze-query.js';
import type { Lexicon } from '../search/lexicon.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';
import { describeRefusal } from '../answer/refusal.js';
import type { Answer, DocumentMeta, SearchHit } from '../types.js';
import type { Core, CoreInfo, Explanation } from './core.js';
import { answeringPassages, type Candidate } from './answering-passages.js';
import type { AnswerabilityModel } from './answerability-model.js';
import { validateQuestion } from './validate-question.js';

/** How many nearest passages a refusal offers for browsing. */
const NEAREST = 3;

export interface CoreParts {
  retriever: Retriever;
  lexicon: Lexicon;
  documents: DocumentMeta[];
  /** Lines of each seed file, to verify every quote before it is shown. */
  seedLines: ReadonlyMap<string, readonly string[]>;
  info: CoreInfo;
  /** Which retrieved passages may answer (see `answerability-model.ts`). */
  answerability: AnswerabilityModel;
  expansion?: ExpansionWeights;
}

export function createCore(parts: CoreParts): Core {
  const documents = new Map(parts.documents.map((meta) => [meta.doc, meta]));
  const model = parts.answerability;
  const toHit = (hit: RetrievedPassage): SearchHit => ({
    passage: hit.passage,
    title: documents.get(hit.passage.doc)?.title ?? hit.passage.doc,
    score: hit.score,
  });

  const asExplained = ({ hit, features, support }: Candidate) => ({ ...toHit(hit), features, support });

  const quoteSource: QuoteSource = {
    markerAt: (doc, line) => listMarkerOf(parts.seedLines.get(doc)?.[line - 1] ?? ''),
    holds: (doc, lines, quote) => isVerbatim(parts.seedLines.get(doc) ?? [], lines, quote),
    passageAfter: (passage) => parts.retriever.passageAfter(passage),
  };

  async function retrieve(rawQuestion: unknown, limit: number) {
    const question = validateQuestion(rawQuestion);
    const query = analyzeQuery(question, parts.lexicon, parts.expansion);
    // What the question's form asks a passage to hold: ranking reads it, and so do the answer's checks.
    const form = expectedAnswer(query, (term) => parts.retriever.isNamedInCorpus([term]));
    return { question, query, form, hits: await parts.retriever.retrieve(question, query, limit, form) };
  }

  async function assess(rawQuestion: unknown) {
    // All the passages the ranking model ordered: the candidates are the best fused ones among them.
    const retrieved = await retrieve(rawQuestion, parts.retriever.rankedCount);
    const { query, hits, form } = retrieved;
    return { ...retrieved, answering: answeringPassages(query, hits, form, parts.retriever, model) };
  }

  return {
    documents: parts.documents,
    info: parts.info,
    documentView: createDocumentViews(parts.documents, parts.seedLines),
    async search(rawQuestion, options) {
      const limit = Math.min(Math.max(Math.trunc(options?.limit ?? 5), 1), 50);
      return (await retrieve(rawQuestion, limit)).hits.map(toHit);
    },
    async explain(rawQuestion): Promise<Explanation> {
      const { query, hits, answering } = await assess(rawQuestion);
      return {
        lang: query.lang,
        ranked: hits.map((hit) => ({ ...toHit(hit), ranking: hit.ranking })),
        cut: model.cut,
        candidates: answering.candidates.map(asExplained),
        rankedToo: answering.rankedToo.map(asExplained),
        subject: answering.subject,
        confidence: 'refusal' in answering ? null : answering.confidence,
        refusal: 'refusal' in answering ? describeRefusal(answering.refusal, query.lang) : null,
      };
    },
    async ask(rawQuestion): Promise<Answer> {
      const { question, query, hits, answering } = await assess(rawQuestion);
      const nearest = hits.slice(0, NEAREST).map(toHit);
      if ('refusal' in answering) return notCovered(question, query.lang, nearest, answering.refusal);
      const weightOf = (group: string[]): number => parts.retriever.groupWeight(group);
      const withList = (span: Span): Span => withListAfter(span, quoteSource);
      const evidence = selectEvidence(query, answering.passages, weightOf, answering.answers ?? undefined, withList)
        .filter((item) => quoteSource.holds(item.passage.doc, item.lines, item.quote));
      if (evidence.length === 0) return notCovered(question, query.lang, nearest, { code: 'quote-unverified' });
      const grounds = answering.passages.map(toHit);
      return composeAnswer(question, query.lang, evidence, documents, grounds, answering.confidence);
    },
  };
}
