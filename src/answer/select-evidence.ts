import { analyzeFrench } from '../search/analyzer.js';
import type { AnalyzedQuery } from '../search/analyze-query.js';
import type { RetrievedPassage } from '../search/retriever.js';
import { linesOf } from '../ingest/text-builder.js';
import type { Passage } from '../types.js';
import { quotableSpans, type Sentence } from './sentences.js';

/** A quote chosen to support the answer, with its exact source lines. */
export interface Evidence {
  passage: Passage;
  quote: string;
  lines: [number, number];
  /** Query groups (by index) this quote speaks to. */
  covers: Set<number>;
  score: number;
  /**
   * The sum of the question's terms it holds, each by its query weight (a rendering weighs less than the user's own
   * word) and its rarity: among quotes covering the same words, the closer one.
   */
  closeness: number;
}

const MAX_QUOTES = 3;
const RANK_DECAY = [1, 0.8, 0.65, 0.5];

/**
 * Picks the sentences that best answer the question from the top passages: the best one first,
 * then others only when they add words of the question the first did not cover. Of two sentences covering the same
 * words, the one holding more of the question's terms comes first: a word rendered as a phrase ("Africa–France
 * summit", "Sommet des chefs d'État Afrique-France") is covered by any of the phrase's words, and best by most.
 * `extend` gives a span its announced list (`withListAfter`), for weighing and quoting.
 */
export function selectEvidence(
  query: AnalyzedQuery,
  retrieved: readonly RetrievedPassage[],
  weightOf: (group: string[]) => number,
  answers?: (text: string) => boolean,
  extend: (span: Span) => Span = (span) => span,
): Evidence[] {
  const termWeights = [...query.terms].map(([term, weight]) => ({ term, weight: weight * weightOf([term]) }));
  const candidates = retrieved.slice(0, RANK_DECAY.length).flatMap((hit, rank) =>
    candidatesOf(hit.passage).map((span) => {
      // A sentence announcing a list is weighed with its items when it speaks of the question itself.
      const own = new Set(analyzeFrench(span.quote));
      const ownCovers = coveredGroups(query, own);
      const candidate = ownCovers.size > 0 ? extend(span) : span;
      const terms = candidate === span ? own : new Set(analyzeFrench(candidate.quote));
      const covers = candidate === span ? ownCovers : coveredGroups(query, terms);
      const covered = [...covers].reduce((sum, g) => sum + weightOf(query.groups[g] ?? []), 0);
      const closeness = termWeights.reduce((sum, { term, weight }) => sum + (terms.has(term) ? weight : 0), 0);
      const decay = RANK_DECAY[rank] ?? 0.5;
      return { ...candidate, covers, score: covered * decay, closeness: closeness * decay };
    }),
  );
  candidates.sort((a, b) => b.score - a.score || b.closeness - a.closeness);
  const chosen: Evidence[] = [];
  const covered = new Set<number>();
  for (const candidate of candidates) {
    if (chosen.length >= MAX_QUOTES) break;
    const adds = [...candidate.covers].some((g) => !covered.has(g));
    const first = chosen[0];
    if (first && (!adds || candidate.score < first.score * 0.45)) continue;
    if (candidate.score <= 0) break;
    chosen.push(candidate);
    candidate.covers.forEach((g) => covered.add(g));
  }
  return answers ? withAnswer(chosen, answers, retrieved.map((hit) => hit.passage), extend) : chosen;
}

/**
 * The quotes must hold what the question asks for (a name, a count, a date: the checks found it in the passage's
 * block). Quotes from a passage none of whose quotes holds it are dropped: they speak of the subject, not the answer.
 * When none of the chosen holds it, the nearest span of the best quote's passage that does is cited beside that
 * quote alone: first after it (a signature below a letter's closing words), else before it.
 */
function withAnswer(
  chosen: Evidence[],
  answers: (text: string) => boolean,
  passages: readonly Passage[],
  extend: (span: Span) => Span,
): Evidence[] {
  const first = chosen[0];
  const answering = new Set(chosen.filter((item) => answers(item.quote)).map((item) => item.passage.id));
  if (answering.size > 0) return chosen.filter((item) => answering.has(item.passage.id));
  if (!first) return chosen;
  const spans = candidatesOf(first.passage);
  const at = Math.max(spans.findIndex((span) => span.quote === first.quote), 0);
  const after = spans.slice(at + 1).find((span) => answers(span.quote));
  const found = after ?? spans.slice(0, at).reverse().find((span) => answers(span.quote));
  // Else the first span holding it in the next passages that may answer (a table row naming the place).
  const others = passages.filter((passage) => passage !== first.passage);
  const elsewhere = found ? undefined : others.flatMap(candidatesOf).find((span) => answers(span.quote));
  const added = found ?? elsewhere;
  if (!added) return chosen;
  // Not weighed above (it holds no word of the question), it is still quoted with the list it announces.
  const evidence: Evidence = { ...extend(added), covers: new Set(), score: 0, closeness: 0 };
  return found && !after ? [evidence, first] : [first, evidence];
}

/** A bullet, a dash, "1." or "a)" opening a list item. */
const MARKER = String.raw`(?:[•●▪◦‣∙·*\-–—]|\d{1,2}[.)]|\p{Ll}[.)])`;
/** A list item: a marker first, or a lower-case first letter (the list's sentence goes on). */
const LIST_ITEM = new RegExp(String.raw`^(?:${MARKER}|\p{Ll})`, 'u');
const LINE_MARKER = new RegExp(String.raw`^\s*${MARKER}\s+`, 'u');

/** The list marker opening a source line, as "• " (one space after it), or ''. */
export function listMarkerOf(line: string): string {
  const marker = LINE_MARKER.exec(line)?.[0].trim();
  return marker ? `${marker} ` : '';
}
/** A list announced by a colon is quoted this far at most. */
const LIST_REACH = 8;

/** The source documents as quotes are checked against (see `verify-quote.ts`). */
export interface QuoteSource {
  /** The list marker ("• ", "- ", "a) ") opening a line of a document, or '' (passages keep no bullets). */
  markerAt(doc: string, line: number): string;
  /** True when the quote is word for word in those lines of the document. */
  holds(doc: string, lines: readonly [number, number], quote: string): boolean;
  /** The passage after this one in its document, or null. */
  passageAfter(passage: Passage): Passage | null;
}

/**
 * A quote ending with a colon announces what follows ("autour de trois enjeux principaux :"): it is quoted with the
 * list items after it, which are the answer, in its passage and the next ones while the list goes on, with their
 * source's bullets, as one quote over their lines (on one line: chat platforms quote one line as one block). Unless
 * that quote would not read word for word in the source: then the colon's sentence stays alone.
 */
export function withListAfter<T extends Span>(evidence: T, source: QuoteSource): T {
  if (!evidence.quote.trimEnd().endsWith(':')) return evidence;
  const { passage } = evidence;
  const spans = quotableSpans(passage.text, passage.kind);
  const at = spans.findIndex((span) => span.text === evidence.quote);
  if (at < 0) return evidence;
  const items: string[] = [];
  let end = evidence.lines[1];
  for (const { span, lines } of followingSpans(passage, at, source)) {
    if (!LIST_ITEM.test(span.text) || items.length >= LIST_REACH) break;
    items.push(`${source.markerAt(passage.doc, lines[0])}${span.text}`);
    end = lines[1];
  }
  if (items.length === 0) return evidence;
  const extended: T = { ...evidence, quote: [evidence.quote, ...items].join(' '), lines: [evidence.lines[0], end] };
  return source.holds(passage.doc, extended.lines, extended.quote) ? extended : evidence;
}

/** The spans after span `at` of a passage, then those of the passages after it, with their lines. */
function* followingSpans(
  passage: Passage,
  at: number,
  source: QuoteSource,
): Generator<{ span: Sentence; lines: [number, number] }> {
  let current: Passage | null = passage;
  let from = at + 1;
  while (current) {
    const spans = quotableSpans(current.text, current.kind);
    for (const span of spans.slice(from)) yield { span, lines: linesOf(current.lineMap, span.start, span.end) };
    current = source.passageAfter(current);
    from = 0;
  }
}

/** A quotable span of a passage, with its exact source lines. */
export type Span = Pick<Evidence, 'passage' | 'quote' | 'lines'>;

function candidatesOf(passage: Passage): Span[] {
  return quotableSpans(passage.text, passage.kind).map((span) => ({
    passage,
    quote: span.text,
    lines: span.start === 0 && span.end === passage.text.length ? passage.lines : linesOf(passage.lineMap, span.start, span.end),
  }));
}

function coveredGroups(query: AnalyzedQuery, terms: ReadonlySet<string>): Set<number> {
  const covers = new Set<number>();
  query.groups.forEach((group, g) => {
    if (group.some((term) => terms.has(term))) covers.add(g);
  });
  return covers;
}
