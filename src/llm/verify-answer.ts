import { analyzeFrench } from '../search/analyzer.js';
import type { Citation, DocumentMeta, SearchHit } from '../types.js';
import { locateQuote, representativeQuote, type Located } from './locate-quote.js';
import { MARKER, type AnswerSentence } from './split-answer.js';

/** Why a generated sentence is not shown. */
export type DropReason = 'uncited' | 'unknown-passage' | 'misquote' | 'unverifiable' | 'ungrounded';

/** Content terms a sentence must share with the passages it cites. */
const MIN_SHARED_TERMS = 1;

/** What a sentence's citation of passage `ref` stands for: its verified quoted spans, or one representative quote. */
interface Use {
  ref: number;
  quoted: Located[];
  representative: Located;
}

type Verdict = { ok: true; uses: Use[] } | { ok: false; reason: DropReason };

export interface VerifyContext {
  /** The passages given to the model; `[n]` refers to `passages[n - 1]`. */
  passages: readonly SearchHit[];
  seedLines: ReadonlyMap<string, readonly string[]>;
  documents: ReadonlyMap<string, DocumentMeta>;
  /**
   * French index terms a sentence speaks of (its own words and, for English, their translations). When given, a
   * sentence must share some with the passages it cites: a citation is no proof of a sentence about something else.
   */
  sentenceTerms?: (text: string) => ReadonlySet<string>;
}

export interface Verified {
  /** Kept sentences, markers renumbered densely in order of first appearance. */
  text: string;
  citations: Citation[];
  /** Reasons of the dropped sentences, in order. */
  dropped: DropReason[];
  kept: number;
}

/** Checks one sentence: it cites, cites only provided passages, and every quoted span is verbatim in one of them. */
export function checkSentence(sentence: AnswerSentence, context: VerifyContext): Verdict {
  if (sentence.refs.length === 0) return { ok: false, reason: 'uncited' };
  const hits = sentence.refs.map((ref) => context.passages[ref - 1]);
  if (hits.some((hit) => hit === undefined)) return { ok: false, reason: 'unknown-passage' };
  if (context.sentenceTerms && !grounded(sentence.text, hits, context.sentenceTerms)) {
    return { ok: false, reason: 'ungrounded' };
  }
  const uses: Use[] = [];
  for (const [i, ref] of sentence.refs.entries()) {
    const passage = hits[i]?.passage;
    if (!passage) return { ok: false, reason: 'unknown-passage' };
    const representative = representativeQuote(passage, sentence.text, context.seedLines.get(passage.doc) ?? []);
    if (!representative) return { ok: false, reason: 'unverifiable' };
    uses.push({ ref, quoted: [], representative });
  }
  for (const quote of sentence.quotes) {
    const owner = uses.find((use) => {
      const passage = context.passages[use.ref - 1]?.passage;
      const located = passage ? locateQuote(passage, quote, context.seedLines.get(passage.doc) ?? []) : null;
      if (located) use.quoted.push(located);
      return located !== null;
    });
    if (!owner) return { ok: false, reason: 'misquote' };
  }
  return { ok: true, uses };
}

/** Keeps the sentences that pass `checkSentence` and builds their citations, numbered in order of first use. */
export function verifySentences(sentences: readonly AnswerSentence[], context: VerifyContext): Verified {
  const citations: Citation[] = [];
  const dropped: DropReason[] = [];
  let text = '';
  for (const sentence of sentences) {
    const verdict = checkSentence(sentence, context);
    if (!verdict.ok) {
      dropped.push(verdict.reason);
      continue;
    }
    const numbers = new Map(verdict.uses.map((use) => [use.ref, citationNumbers(use, citations, context)]));
    const rewritten = sentence.text.replace(MARKER, (_marker, group: string) =>
      group
        .split(/[,;]/u)
        .flatMap((part) => numbers.get(Number(part.trim())) ?? [])
        .map((n) => `[${n}]`)
        .join(''),
    );
    text += rewritten + (sentence.gap || ' ');
  }
  return { text: text.trim(), citations, dropped, kept: sentences.length - dropped.length };
}

/** Numbers of the citations standing for one use, creating them on first use; an unquoted use reuses the passage's. */
function citationNumbers(use: Use, citations: Citation[], context: VerifyContext): number[] {
  const hit = context.passages[use.ref - 1];
  if (!hit) return [];
  const find = (quote?: string) =>
    citations.find((c) => c.passageId === hit.passage.id && (quote === undefined || c.quote === quote));
  const ensure = (located: Located, quote?: string): number => {
    const existing = find(quote);
    if (existing) return existing.n;
    const meta = context.documents.get(hit.passage.doc);
    const n = citations.length + 1;
    citations.push({
      n,
      doc: hit.passage.doc,
      title: hit.title,
      section: hit.passage.section.join(' › '),
      paragraph: hit.passage.label,
      lines: located.lines,
      quote: located.quote,
      date: meta?.date ?? '',
      passageId: hit.passage.id,
    });
    return n;
  };
  if (use.quoted.length === 0) return [ensure(use.representative)];
  return [...new Set(use.quoted.map((located) => ensure(located, located.quote)))];
}

function grounded(
  text: string,
  hits: readonly (SearchHit | undefined)[],
  sentenceTerms: (text: string) => ReadonlySet<string>,
): boolean {
  const own = sentenceTerms(text.replace(MARKER, ' '));
  const cited = new Set(hits.flatMap((hit) => (hit ? analyzeFrench(hit.passage.text) : [])));
  let shared = 0;
  for (const term of own) if (cited.has(term)) shared += 1;
  return shared >= MIN_SHARED_TERMS;
}
