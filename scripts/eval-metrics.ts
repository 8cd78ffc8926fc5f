import { normalizeForMatch } from '../src/answer/verify-quote.js';

/** One question of the eval set (../shared/eval/README.md). */
export interface EvalQuestion {
  id: string;
  lang: string;
  kind: string;
  question: string;
  gold_quotes: string[];
  gold_docs: string[];
  must_mention?: string[];
}

export interface Gold {
  doc: string;
  lines: number[];
  quote: string;
}

export interface Located {
  doc: string;
  lines: readonly [number, number];
  text: string;
}

/** Gold quotes located in the seed files (1-based lines holding each quote). */
export function locateGolds(question: EvalQuestion, seeds: ReadonlyMap<string, string[]>): Gold[] {
  const golds: Gold[] = [];
  for (const quote of question.gold_quotes) {
    const docs = question.gold_docs.length ? question.gold_docs : [...seeds.keys()];
    for (const doc of docs) {
      const lines = (seeds.get(doc) ?? []).flatMap((line, i) => (line.includes(quote) ? [i + 1] : []));
      if (lines.length) golds.push({ doc, lines, quote: normalizeForMatch(quote) });
    }
  }
  return golds;
}

/** The hit rule of the eval README: same file and a covering line range, or the text contains the quote. */
export function isHit(result: Located, golds: readonly Gold[]): boolean {
  const text = normalizeForMatch(result.text);
  return golds.some(
    (gold) =>
      (gold.doc === result.doc && gold.lines.some((line) => result.lines[0] <= line && line <= result.lines[1])) ||
      (gold.quote !== '' && text.includes(gold.quote)),
  );
}

export interface RetrievalRow {
  id: string;
  lang: string;
  kind: string;
  rank: number | null;
}

export function retrievalSummary(rows: readonly RetrievalRow[]) {
  const n = rows.length || 1;
  const within = (k: number) => rows.filter((row) => row.rank !== null && row.rank <= k).length / n;
  return {
    n: rows.length,
    'r@1': within(1),
    'r@5': within(5),
    'r@10': within(10),
    'mrr@10': rows.reduce((sum, row) => sum + (row.rank !== null && row.rank <= 10 ? 1 / row.rank : 0), 0) / n,
  };
}

/** What an answer did with one question: cited its gold evidence, cited something else, or refused. */
export type AskOutcome = 'cited-gold' | 'cited-other' | 'refused-wrongly' | 'refused-rightly' | 'answered-unanswerable';

export function askOutcome(
  question: EvalQuestion,
  answer: { abstained: boolean; citations: readonly { doc: string; lines: readonly [number, number]; quote: string }[] },
  seeds: ReadonlyMap<string, string[]>,
): AskOutcome {
  const golds = locateGolds(question, seeds);
  if (question.kind === 'unanswerable' || golds.length === 0) return answer.abstained ? 'refused-rightly' : 'answered-unanswerable';
  if (answer.abstained) return 'refused-wrongly';
  const cited = answer.citations.some((c) => isHit({ doc: c.doc, lines: c.lines, text: c.quote }, golds));
  return cited ? 'cited-gold' : 'cited-other';
}
