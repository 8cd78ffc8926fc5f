import { countedWord, expectedAnswerType, holdsAnswerType } from '../answer/answer-type.js';
import { composeAnswer, notCovered } from '../answer/compose-answer.js';
import { selectEvidence } from '../answer/select-evidence.js';
import { isVerbatim } from '../answer/verify-quote.js';
import { createDocumentViews } from '../documents/document-views.js';
import { analyzeQuery, type AnalyzedQuery, type ExpansionWeights } from '../search/analyze-query.js';
import { frenchTerm } from '../search/analyzer.js';
import type { Lexicon } from '../search/lexicon.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';
import type { Answer, DocumentMeta, SearchHit } from '../types.js';
import type { Core, CoreInfo } from './core.js';
import { validateQuestion } from './validate-question.js';

/** Below this share of the question's (rarity-weighted) words in the best passage, the answer is "not covered". */
export const DEFAULT_MIN_COVERAGE = 0.355;
/** A passage covering this much of the question answers a "how many X" even when it words X differently. */
const CLEAR_COVERAGE = 0.6;
/** How deep to look for a passage holding the expected answer type. */
const TYPED_DEPTH = 5;

/**
 * The retrieved passages an answer may quote: none unless one of the best three covers enough of the question.
 * When the question asks for an amount or a date, only passages holding one (see `answer-type.ts`); for "how many
 * X", only passages that name X or clearly match the question, since a number next to another noun is no answer.
 */
function answeringPassages(
  question: string,
  query: AnalyzedQuery,
  hits: RetrievedPassage[],
  parts: Pick<CoreParts, 'retriever'> & { minCoverage: number },
): RetrievedPassage[] {
  const best = hits.reduce((max, hit, i) => (i < 3 ? Math.max(max, hit.coverage) : max), 0);
  if (best < parts.minCoverage || namesTheUnknown(question, query, parts.retriever)) return [];
  const named = inNamedDocuments(question, query, hits, parts.retriever);
  const type = expectedAnswerType(question);
  if (!type) return named.some((hit) => hit.coverage >= parts.minCoverage) ? named : [];
  const counted = type === 'amount' ? countedWord(question) : null;
  const focus = counted === null ? undefined : query.groups.find((group) => group[0] === frenchTerm(counted));
  const typed = hits
    .slice(0, TYPED_DEPTH)
    .filter((hit) => named.includes(hit))
    .filter((hit) => holdsAnswerType(hit.passage.text, type, question))
    .filter((hit) => !focus || hit.coverage >= CLEAR_COVERAGE || parts.retriever.mentions(hit.passage, focus));
  return typed.some((hit) => hit.coverage >= parts.minCoverage) ? typed : [];
}

/** Capitalised words past the question's first, as index terms: the names it asks about ("Singapore", "ANSSI"). */
function namedTerms(question: string): Set<string> {
  const names = [...question.matchAll(/\p{Lu}\p{L}*/gu)].filter((match) => match.index > 0);
  return new Set(names.map((match) => frenchTerm(match[0])));
}

/**
 * Only passages of documents that mention every name the question asks about: a France–Singapore question is not
 * answered from the India roadmap, however well its other words match.
 */
function inNamedDocuments(
  question: string,
  query: AnalyzedQuery,
  hits: RetrievedPassage[],
  retriever: Retriever,
): RetrievedPassage[] {
  const names = namedTerms(question);
  const allowed = query.groups
    .filter((group) => names.has(group[0] ?? '') && retriever.isNamedInCorpus(group))
    .map((group) => retriever.documentsMentioning(group))
    .filter((docs) => docs.size > 0);
  return hits.filter((hit) => allowed.every((docs) => docs.has(hit.passage.doc)));
}

/**
 * True when the question names something (a capitalised word past its first) that the documents never mention, even
 * spelt a little differently: "Bitcoin", "Brésil". Whatever the other words match, the documents cannot be about it.
 */
function namesTheUnknown(question: string, query: AnalyzedQuery, retriever: Retriever): boolean {
  const names = (question.match(/(?<=\S\s+)\p{Lu}[\p{L}-]*/gu) ?? []).map((name) => frenchTerm(name.split('-')[0] ?? name));
  return query.groups.some((group) => names.includes(group[0] ?? '') && retriever.isUnheardOf(group));
}

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
      const answering = answeringPassages(question, query, hits, { retriever: parts.retriever, minCoverage });
      if (answering.length === 0) return notCovered(question, query.lang, hits.slice(0, 3).map(toHit));
      const evidence = selectEvidence(query, answering, (group) => parts.retriever.groupWeight(group)).filter((item) =>
        isVerbatim(parts.seedLines.get(item.passage.doc) ?? [], item.lines, item.quote),
      );
      if (evidence.length === 0) return notCovered(question, query.lang, hits.slice(0, 3).map(toHit));
      return composeAnswer(question, query.lang, evidence, documents);
    },
  };
}
