/**
 * Word families that the French Snowball stemmer folds into the stem of an unrelated word: "chiffrement"
 * (encryption) and the "chiffre" of "chiffre d'affaires" (turnover) both become `chiffr`, "communication" and
 * "commun" (common) both `commun`. Each family listed here gets an index term of its own, so a question on encryption
 * no longer matches a passage on turnover word for word.
 *
 * Words are looked up lower-cased with their accents: "chiffré" (encrypted) is in a family, "chiffre" (a figure) is
 * not. The LSA concept space keeps the Snowball stem (`conceptTerm`): it is fitted on co-occurrence, where the merge
 * does little harm, and leaving its vocabulary alone keeps its randomised fit, and so the passages' vectors, as they
 * were.
 */
interface StemSplit {
  /** What Snowball gives every word of the family, and the unrelated words beside them. */
  snowballStem: string;
  /** The family's own index term; never a stem Snowball gives. */
  term: string;
  words: readonly string[];
}

export const STEM_SPLITS: readonly StemSplit[] = [
  {
    snowballStem: 'chiffr',
    term: 'chiffrement',
    words: ['chiffrement', 'chiffrements', 'chiffrer', 'chiffré', 'chiffrée', 'chiffrés', 'chiffrées', 'chiffrant'],
  },
  { snowballStem: 'commun', term: 'communication', words: ['communication', 'communications'] },
];

const termOfWord = new Map(STEM_SPLITS.flatMap((split) => split.words.map((word) => [word, split.term] as const)));
const stemOfTerm = new Map(STEM_SPLITS.map((split) => [split.term, split.snowballStem] as const));

/** The family's own term for a lower-cased word of a split family, or `undefined`. */
export const splitTermOf = (word: string): string | undefined => termOfWord.get(word);

/** The term the LSA space knows an index term by: the Snowball stem for a split family's term, else the term. */
export const conceptTerm = (term: string): string => stemOfTerm.get(term) ?? term;
