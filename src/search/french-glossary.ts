import { readFileSync } from 'node:fs';
import { fold } from './analyzer.js';
import { phrasePattern } from './phrase-pattern.js';

/** A French phrase a question may use, and the words the documents use for the same thing. */
export interface FrenchEquivalence {
  /** As written in the glossary (accents kept, so it stems like the question's words). */
  phrase: string;
  renderings: string[];
}

interface CompiledEquivalence extends FrenchEquivalence {
  folded: string;
  pattern: RegExp;
}

/** Matches French phrases (accents and case aside) to the documents' wording; see `lexicon/fr-glossary.tsv`. */
export class FrenchGlossary {
  private constructor(private readonly entries: readonly CompiledEquivalence[]) {}

  static readonly empty = new FrenchGlossary([]);

  /** Reads the TSV; a missing file gives the empty glossary (retrieval still works, with less recall). */
  static load(path: string): FrenchGlossary {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      return FrenchGlossary.empty;
    }
    return new FrenchGlossary(parseGlossary(raw).map((entry) => {
      const folded = fold(entry.phrase).replace(/’/gu, "'");
      return { ...entry, folded, pattern: phrasePattern(folded, 's|x') };
    }));
  }

  /** Entries whose phrase occurs in the text, longest phrase first (so "new delhi" wins over "delhi"). */
  matches(text: string): FrenchEquivalence[] {
    const folded = fold(text).replace(/’/gu, "'");
    const found = this.entries.filter((entry) => entry.pattern.test(folded));
    found.sort((a, b) => b.folded.length - a.folded.length);
    return found
      .filter((entry, i) => !found.slice(0, i).some((longer) => longer.folded.includes(entry.folded)))
      .map(({ phrase, renderings }) => ({ phrase, renderings }));
  }

  get size(): number {
    return this.entries.length;
  }
}

export function parseGlossary(raw: string): FrenchEquivalence[] {
  return raw
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .flatMap((line) => {
      const [phrase, renderings] = line.split('\t');
      if (!phrase || !renderings) return [];
      return [{ phrase: phrase.trim(), renderings: renderings.split('|').map((r) => r.trim()).filter(Boolean) }];
    });
}
