import { readFileSync } from 'node:fs';
import { fold } from './analyzer.js';
import { PhraseMatcher } from './phrase-matcher.js';

/** A French phrase a question may use, and the words the documents use for the same thing. */
export interface FrenchEquivalence {
  /** As written in the glossary (accents kept, so it stems like the question's words). */
  phrase: string;
  renderings: string[];
}

interface Filed extends FrenchEquivalence {
  folded: string;
}

/** Matches French phrases (accents and case aside) to the documents' wording; see `lexicon/fr-glossary.tsv`. */
export class FrenchGlossary {
  private readonly matcher: PhraseMatcher<Filed>;

  private constructor(entries: readonly FrenchEquivalence[]) {
    this.matcher = new PhraseMatcher(
      entries.flatMap((entry) => {
        const folded = fold(entry.phrase).replace(/’/gu, "'");
        return withContractions(folded).map((phrase) => ({ phrase, value: { ...entry, folded: phrase } }));
      }),
      's|x',
    );
  }

  static readonly empty = new FrenchGlossary([]);

  /** Reads the TSV; a missing file gives the empty glossary (retrieval still works, with less recall). */
  static load(path: string): FrenchGlossary {
    try {
      return new FrenchGlossary(parseGlossary(readFileSync(path, 'utf8')));
    } catch {
      return FrenchGlossary.empty;
    }
  }

  /** A glossary of these entries (the same matching: accents and case aside, longest phrase first). */
  static of(entries: readonly FrenchEquivalence[]): FrenchGlossary {
    return new FrenchGlossary(entries);
  }

  /** Entries whose phrase occurs in the text, longest phrase first (so "new delhi" wins over "delhi"). */
  matches(text: string): FrenchEquivalence[] {
    const folded = fold(text).replace(/’/gu, "'");
    const found = this.matcher.matches(folded).map((match) => match.value);
    found.sort((a, b) => b.folded.length - a.folded.length);
    return found
      .filter((entry, i) => !found.slice(0, i).some((longer) => longer.folded.includes(entry.folded)))
      .map(({ phrase, renderings }) => ({ phrase, renderings }));
  }

  get size(): number {
    return this.matcher.size;
  }
}

/** French contracts "de le" and "à le" into "du" and "au" (plural "des", "aux"): "le Quai" is "du Quai" after "de". */
const CONTRACTIONS: Record<string, string[]> = { 'le ': ['du ', 'au '], 'les ': ['des ', 'aux '] };

function withContractions(phrase: string): string[] {
  const article = Object.keys(CONTRACTIONS).find((start) => phrase.startsWith(start));
  if (!article) return [phrase];
  return [phrase, ...(CONTRACTIONS[article] ?? []).map((contracted) => contracted + phrase.slice(article.length))];
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
