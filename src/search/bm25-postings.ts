import type { AsPlainObject, BM25Params } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { RankedHit } from './lexical-index.js';

/** One field's postings of a term: passage ordinals (ascending) and the term's frequency in each. */
interface FieldPostings {
  ordinals: Int32Array;
  frequencies: Float64Array;
}

/** A term's postings, by field position. */
type TermPostings = (FieldPostings | undefined)[];

/** One token of the query string, as MiniSearch would turn it into a query spec. */
export interface TermQuery {
  term: string;
  boost: number;
  /** Share of the term's letters that may differ (MiniSearch's `fuzzy`), or false. */
  fuzzy: number | false;
}

export interface ScoringSettings {
  /** Field names in the order MiniSearch scores them, with their boosts. */
  fields: readonly { name: string; boost: number }[];
  /** Weight of a fuzzy match relative to an exact one. */
  fuzzyWeight: number;
  bm25: BM25Params;
}

/** MiniSearch's default cap on the edit distance of a fuzzy match. */
const MAX_FUZZY = 6;

/**
 * MiniSearch's BM25+ over flat typed-array postings, computing the very same scores in the same order (so the same
 * ranking, ties included), but without the per-posting objects MiniSearch allocates: at 12 k passages those made a
 * query over common words cost tens of milliseconds. Built from MiniSearch's own serialised index; its radix tree of
 * terms is rebuilt in the same insertion order, so fuzzy matches come in the same order too.
 */
export class Bm25Postings {
  private readonly terms = new SearchableMap<TermPostings>();
  private readonly fieldLengths: Float64Array[];
  private readonly averages: number[];
  private readonly documentCount: number;
  private readonly size: number;
  private readonly scratch: Scratch;

  constructor(
    plain: AsPlainObject,
    private readonly settings: ScoringSettings,
  ) {
    const fieldIds = settings.fields.map((field) => plain.fieldIds[field.name] ?? -1);
    const ordinalOf = new Map(Object.entries(plain.documentIds).map(([shortId, id]) => [Number(shortId), Number(id)]));
    this.size = Math.max(0, ...ordinalOf.values()) + 1;
    this.documentCount = plain.documentCount;
    this.averages = fieldIds.map((id) => plain.averageFieldLength[id] ?? 0);
    this.fieldLengths = fieldIds.map((id) => {
      const lengths = new Float64Array(this.size);
      for (const [shortId, byField] of Object.entries(plain.fieldLength)) lengths[ordinalOf.get(Number(shortId)) ?? 0] = byField[id] ?? 0;
      return lengths;
    });
    for (const [term, byField] of plain.index) {
      this.terms.set(term, fieldIds.map((id) => toPostings(byField[String(id)], ordinalOf)));
    }
    this.scratch = new Scratch(this.size);
  }

  /** Ordinals of the passages holding the term exactly, in any field. */
  passagesWith(term: string): Int32Array[] {
    return (this.terms.get(term) ?? []).flatMap((postings) => (postings ? [postings.ordinals] : []));
  }

  /** True when the index holds the term, or one within the edit distance MiniSearch's `fuzzy` share allows. */
  hasNear(term: string, fuzzy: number): boolean {
    return this.terms.fuzzyGet(term, editsAllowed(term, fuzzy)).size > 0;
  }

  /** The `limit` best passages for the OR of the query terms, as `MiniSearch.search` ranks them. */
  top(queries: readonly TermQuery[], limit: number): RankedHit[] {
    const { scratch } = this;
    const counted = new Set<string>();
    for (const query of queries) {
      const exact = this.terms.get(query.term);
      if (exact) this.accumulate(exact, 1, query.boost);
      const distance = query.fuzzy === false ? 0 : editsAllowed(query.term, query.fuzzy);
      if (distance > 0) {
        for (const [term, [postings, edits]] of this.terms.fuzzyGet(query.term, distance)) {
          if (edits === 0) continue;
          this.accumulate(postings, (this.settings.fuzzyWeight * term.length) / (term.length + edits), query.boost);
        }
      }
      // A passage counts each distinct query term once in MiniSearch's "quality" factor.
      scratch.mergeTerm(!counted.has(query.term));
      counted.add(query.term);
    }
    return scratch.takeTop(limit);
  }

  private accumulate(postings: TermPostings, termWeight: number, termBoost: number): void {
    const { k, b, d } = this.settings.bm25;
    this.settings.fields.forEach((field, position) => {
      const found = postings[position];
      if (!found) return;
      const matching = found.ordinals.length;
      const average = this.averages[position] ?? 0;
      const lengths = this.fieldLengths[position] ?? new Float64Array(0);
      // The same expression, in the same order, as MiniSearch's calcBM25Score and termResults: equal bits.
      const invDocFreq = Math.log(1 + (this.documentCount - matching + 0.5) / (matching + 0.5));
      for (let i = 0; i < matching; i += 1) {
        const ordinal = found.ordinals[i] ?? 0;
        const termFreq = found.frequencies[i] ?? 0;
        const fieldLength = lengths[ordinal] ?? 0;
        const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / average)));
        this.scratch.add(ordinal, termWeight * termBoost * field.boost * 1 * raw);
      }
    });
  }
}

/** MiniSearch's edit distance for a fuzzy share: that share of the term's letters, at most 6; a whole number as is. */
const editsAllowed = (term: string, fuzzy: number): number => (fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy);

function toPostings(entry: Record<string, number> | undefined, ordinalOf: ReadonlyMap<number, number>): FieldPostings | undefined {
  if (!entry) return undefined;
  // Integer-like keys iterate in ascending order, as MiniSearch's own maps of a loaded index do.
  const shortIds = Object.keys(entry);
  const ordinals = new Int32Array(shortIds.length);
  const frequencies = new Float64Array(shortIds.length);
  shortIds.forEach((shortId, i) => {
    ordinals[i] = ordinalOf.get(Number(shortId)) ?? 0;
    frequencies[i] = entry[shortId] ?? 0;
  });
  return { ordinals, frequencies };
}

/**
 * Per-query sums, reused across queries: one term's sums, then the running total over terms in the order passages were
 * first reached (MiniSearch's result map order, which breaks ties between equal scores).
 */
class Scratch {
  private readonly term: Float64Array;
  private readonly inTerm: Uint8Array;
  private readonly touched: number[] = [];
  private readonly total: Float64Array;
  private readonly quality: Uint16Array;
  private readonly inTotal: Uint8Array;
  private readonly order: number[] = [];

  constructor(size: number) {
    this.term = new Float64Array(size);
    this.inTerm = new Uint8Array(size);
    this.total = new Float64Array(size);
    this.quality = new Uint16Array(size);
    this.inTotal = new Uint8Array(size);
  }

  add(ordinal: number, score: number): void {
    if (this.inTerm[ordinal]) this.term[ordinal] = (this.term[ordinal] ?? 0) + score;
    else {
      this.term[ordinal] = score;
      this.inTerm[ordinal] = 1;
      this.touched.push(ordinal);
    }
  }

  mergeTerm(newTerm: boolean): void {
    for (const ordinal of this.touched) {
      const score = this.term[ordinal] ?? 0;
      if (this.inTotal[ordinal]) this.total[ordinal] = (this.total[ordinal] ?? 0) + score;
      else {
        this.total[ordinal] = score;
        this.inTotal[ordinal] = 1;
        this.order.push(ordinal);
      }
      if (newTerm) this.quality[ordinal] = (this.quality[ordinal] ?? 0) + 1;
      this.term[ordinal] = 0;
      this.inTerm[ordinal] = 0;
    }
    this.touched.length = 0;
  }

  /** The best `limit`, higher score first, an earlier-reached passage first among equals (a stable sort's order). */
  takeTop(limit: number): RankedHit[] {
    const top: RankedHit[] = [];
    for (const ordinal of this.order) {
      const score = (this.total[ordinal] ?? 0) * (this.quality[ordinal] || 1);
      this.total[ordinal] = 0;
      this.quality[ordinal] = 0;
      this.inTotal[ordinal] = 0;
      if (top.length >= limit && score <= (top[top.length - 1]?.score ?? 0)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]?.score ?? 0) < score) at -= 1;
      top.splice(at, 0, { ordinal, score });
      if (top.length > limit) top.pop();
    }
    this.order.length = 0;
    return top;
  }
}
