import { BLOCK_SEPARATOR } from '../ingest/passage-size.js';
import type { Passage } from '../types.js';
import { analyzeFrench } from './analyzer.js';

/** A passage's index terms, in the forms that ranking and answering read. */
export interface AnalyzedPassage {
  /** The terms of its text, in order. */
  sequence: string[];
  /** The terms of its heading path (index-only context). */
  context: Set<string>;
  /** Every term of its text and context. */
  all: Set<string>;
  /** Per block (see `passage-size.ts`), its terms and the context's. */
  blocks: Set<string>[];
}

/**
 * Passages analysed once and kept for the next questions, up to `limit`: a serving process over a large index meets
 * the same few hundred passages again and again, but must not end up holding all of them twice.
 */
export class PassageTerms {
  private readonly cache = new Map<string, AnalyzedPassage>();

  constructor(private readonly limit = 20_000) {}

  of(passage: Passage): AnalyzedPassage {
    const cached = this.cache.get(passage.id);
    if (cached) return cached;
    const context = new Set(analyzeFrench(passage.context));
    const sequence = analyzeFrench(passage.text);
    const analyzed: AnalyzedPassage = {
      sequence,
      context,
      all: new Set([...sequence, ...context]),
      blocks: passage.text.split(BLOCK_SEPARATOR).map((block) => new Set([...analyzeFrench(block), ...context])),
    };
    if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value ?? '');
    this.cache.set(passage.id, analyzed);
    return analyzed;
  }
}
