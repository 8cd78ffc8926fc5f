import { composeAnswer, notCovered } from '../answer/compose-answer.js';
import { selectEvidence } from '../answer/select-evidence.js';
import { isVerbatim } from '../answer/verify-quote.js';
import { createDocumentViews } from '../documents/document-views.js';
import { analyzeQuery, type ExpansionWeights } from '../search/analyze-query.js';
import type { Lexicon } from '../search/lexicon.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';
import type { Answer, DocumentMeta, SearchHit } from '../types.js';
import type { Core, CoreInfo } from './core.js';
import { answeringPassages, namesSomeoneNewTo } from './answering-passages.js';
import { validateQuestion } from './validate-question.js';

/**
 * Below this share of the question's (rarity-weighted) words in the best passage, the answer is "not covered". Set
 * in the middle of the range (0.28–0.295) where neither the dev set's figures nor our own set's move: the name, year
 * and answer-type checks do most of the abstaining, so this only has to catch questions the documents barely touch.
 */
export const DEFAULT_MIN_COVERAGE = 0.29;

export interface CoreParts {
  retriever: Retriever;
  lexicon: Lexicon;
  documents: DocumentMeta[];
  /** Lines of each seed file, to verify every quote before it is shown. */
  seedLines: ReadonlyMap<string, readonly string[]>;
  info: CoreInfo;
  minCoverage?: number;
  expansion?: ExpansionWeights;
}

export function createCore(parts: CoreParts): Core {
  const documents = new Map(parts.documents.map((meta) => [meta.doc, meta]));
  const minCoverage = parts.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const toHit = (hit: RetrievedPassage): SearchHit => ({
    passage: hit.passage,
    title: documents.get(hit.passage.doc)?.title ?? hit.passage.doc,
    score: hit.score,
  });

  async function retrieve(rawQuestion: unknown, limit: number) {
    const question = validateQuestion(rawQuestion);
    const query = analyzeQuery(question, parts.lexicon, parts.expansion);
    return { question, query, hits: await parts.retriever.retrieve(question, query, limit) };
  }

  return {
    documents: parts.documents,
    info: parts.info,
    documentView: createDocumentViews(parts.documents, parts.seedLines),
    async search(rawQuestion, options) {
      const limit = Math.min(Math.max(Math.trunc(options?.limit ?? 5), 1), 50);
      return (await retrieve(rawQuestion, limit)).hits.map(toHit);
    },
    async ask(rawQuestion): Promise<Answer> {
      const { question, query, hits } = await retrieve(rawQuestion, 8);
      const nearest = hits.slice(0, 3).map(toHit);
      const answering = answeringPassages(query, hits, { retriever: parts.retriever, minCoverage });
      if ('refusal' in answering) return notCovered(question, query.lang, nearest, answering.refusal);
      const weightOf = (group: string[]): number => parts.retriever.groupWeight(group);
      const naming = query.intent.asksWho ? namesSomeoneNewTo(query, parts.retriever) : undefined;
      const evidence = selectEvidence(query, answering.passages, weightOf, naming).filter((item) =>
        isVerbatim(parts.seedLines.get(item.passage.doc) ?? [], item.lines, item.quote),
      );
      if (evidence.length === 0) return notCovered(question, query.lang, nearest, { code: 'quote-unverified' });
      return composeAnswer(question, query.lang, evidence, documents, answering.passages.map(toHit));
    },
  };
}
