import { phrasePattern } from './phrase-pattern.js';

interface Filed<T> {
  order: number;
  value: T;
  phrase: string;
  /** Compiled when first needed: Unicode patterns are slow to build, and thousands would slow every start. */
  pattern?: RegExp;
}

/**
 * Finds which of many phrases occur in a short text without testing every pattern: phrases are filed under their first
 * word, and only those whose first word (or its singular) is in the text are tested. Texts are compared as given, so
 * callers lower-case or fold both sides alike.
 */
export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Filed<T>[]>();

  constructor(
    entries: readonly { phrase: string; value: T }[],
    private readonly pluralEndings: string,
  ) {
    for (const [order, { phrase, value }] of entries.entries()) {
      const first = phrase.split(/[^\p{L}\p{N}]+/u).find(Boolean) ?? '';
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ order, value, phrase });
      this.byFirstWord.set(first, list);
    }
  }

  /** The phrases found in `text`, each with its value, in the order they were given. */
  matches(text: string): { phrase: string; value: T }[] {
    const candidates = new Set<Filed<T>>();
    const endings = this.pluralEndings.split('|').filter(Boolean);
    for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const forms = [word, ...endings.filter((ending) => word.endsWith(ending)).map((ending) => word.slice(0, -ending.length))];
      for (const form of forms) this.byFirstWord.get(form)?.forEach((entry) => candidates.add(entry));
    }
    return [...candidates]
      .filter((entry) => (entry.pattern ??= phrasePattern(entry.phrase, this.pluralEndings)).test(text))
      .sort((a, b) => a.order - b.order)
      .map(({ phrase, value }) => ({ phrase, value }));
  }

  get size(): number {
    return [...this.byFirstWord.values()].reduce((sum, list) => sum + list.length, 0);
  }
}
