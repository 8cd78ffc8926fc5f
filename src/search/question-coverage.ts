import { frenchTerm } from './analyzer.js';
import type { AnalyzedQuery } from './analyze-query.js';
import type { LoadedIndex } from './open-index.js';

/**
 * Coverage weight of an English word the lexicon cannot render and the corpus never uses, relative to a word as rare.
 * Such a word is a dictionary gap ("abroad", "memorandum") about as often as a topic the documents lack ("facial"):
 * it counts, but does not sink an answer on its own. A word the dictionary renders only in words the documents never
 * use ("tomato") is no gap, and counts fully (`AnalyzedQuery.absent`).
 */
const UNTRANSLATED_WEIGHT = 0.5;

/** How much of a question a set of index terms holds: its words weighted by their rarity in the corpus. */
export class QuestionCoverage {
  constructor(private readonly index: Pick<LoadedIndex, 'passages' | 'lexical'>) {}

  /**
   * The question's subject: the rarer half of its word groups (one of two, two of three or four), by rarity alone (a
   * word the dictionaries miss is no less the subject for it), less the dictionary gaps, which no French passage can
   * be checked for. The noun a "which X" asks for is the kind of answer,
   * not the subject ("city" in "Which city hosted…"). A question off the documents' topics shares only its common
   * words with them: "How do I grow tomatoes in winter?" is about tomatoes and winter, not growing.
   */
  specificGroups(query: AnalyzedQuery): string[][] {
    const asked = query.intent.askedFor === null ? null : frenchTerm(query.intent.askedFor);
    const byRarity = query.groups.filter((group) => group[0] !== asked).sort((a, b) => this.groupWeight(b) - this.groupWeight(a));
    const subject = byRarity.slice(0, Math.ceil(byRarity.length / 2));
    // A dictionary gap cannot be looked for in French passages: the subject is then its other rare words, or, when
    // it holds only gaps, the rarest word that can be looked for ("ratifications" of "Budapest Convention").
    const checkable = subject.filter((group) => !this.isGap(group, query));
    if (checkable.length > 0) return checkable;
    const rarest = byRarity.find((group) => !this.isGap(group, query));
    return rarest ? [rarest] : subject;
  }

  /** The rarity-weighted share of the question's word groups that `present` holds. */
  coverageOf(present: ReadonlySet<string>, query: AnalyzedQuery): number {
    let total = 0;
    let found = 0;
    for (const group of query.groups) {
      const weight = this.coverageWeight(group, query);
      total += weight;
      if (group.some((term) => present.has(term))) found += weight;
    }
    return total > 0 ? found / total : 0;
  }

  /** What a word of the question weighs in coverage: its rarity, halved for a likely dictionary gap. */
  coverageWeight(group: string[], query: AnalyzedQuery): number {
    return this.groupWeight(group) * (this.isGap(group, query) ? UNTRANSLATED_WEIGHT : 1);
  }

  /** A likely dictionary gap: an English word the lexicon cannot render, the corpus never uses, and no absent topic. */
  private isGap(group: string[], query: AnalyzedQuery): boolean {
    return query.lang === 'en' && this.isUntranslated(group) && !query.absent.has(group[0] ?? '');
  }

  /** An English word the lexicon could not render and the corpus never uses: a dictionary gap as often as a topic. */
  private isUntranslated(group: readonly string[]): boolean {
    return group.length === 1 && this.index.lexical.documentCount(group[0] ?? '') === 0;
  }

  /** Rarer words weigh more; a word the corpus never uses weighs most (it is likely what the question is about). */
  groupWeight(group: string[]): number {
    const n = this.index.passages.length;
    const counts = group.map((term) => this.index.lexical.documentCount(term)).filter((count) => count > 0);
    if (counts.length === 0) return Math.log(1 + n);
    return Math.log(1 + n / Math.min(...counts));
  }
}
