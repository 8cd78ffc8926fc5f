interface Filed<T> {
  order: number;
  value: T;
  phrase: string;
  words: string[];
}

const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Finds which of many phrases occur in a short text, word by word: a phrase matches a run of the text's words, its
 * last word also with a plural ending ("data centres" for "data centre"). Any non-word characters between words are
 * alike ("fake-news" is "fake news", "cité État" is "cité-État"). Phrases are filed under their first word, so a text
 * only tries the phrases it may hold. Texts are compared as given: callers lower-case or fold both sides alike.
 */
export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Filed<T>[]>();
  private readonly endings: string[];

  constructor(entries: readonly { phrase: string; value: T }[], pluralEndings: string) {
    this.endings = pluralEndings.split('|').filter(Boolean);
    for (const [order, { phrase, value }] of entries.entries()) {
      const words = wordsOf(phrase);
      const first = words[0];
      if (!first) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ order, value, phrase, words });
      this.byFirstWord.set(first, list);
    }
  }

  /** The phrases found in `text`, each with its value, in the order they were given. */
  matches(text: string): { phrase: string; value: T }[] {
    const words = wordsOf(text);
    const found = new Set<Filed<T>>();
    words.forEach((word, at) => {
      for (const form of [word, ...this.singulars(word)]) {
        for (const entry of this.byFirstWord.get(form) ?? []) if (this.occursAt(entry.words, words, at)) found.add(entry);
      }
    });
    return [...found].sort((a, b) => a.order - b.order).map(({ phrase, value }) => ({ phrase, value }));
  }

  private occursAt(phrase: readonly string[], words: readonly string[], at: number): boolean {
    return phrase.every((wanted, i) => {
      const word = words[at + i];
      if (word === undefined) return false;
      return word === wanted || (i === phrase.length - 1 && this.endings.some((ending) => word === wanted + ending));
    });
  }

  private singulars(word: string): string[] {
    return this.endings.filter((ending) => word.endsWith(ending)).map((ending) => word.slice(0, -ending.length));
  }

  get size(): number {
    return [...this.byFirstWord.values()].reduce((sum, list) => sum + list.length, 0);
  }
}
