import { MAX_PASSAGE_CHARS, MIN_BLOCK_CHARS } from '../ingest/passage-size.js';

/** Concept dimensions of the corpus-derived LSA space. */
export const LSA_DIMENSION = 192;

/**
 * The seed of the LSA fit's random start (`truncated-svd.ts`). Another seed gives another, equally good space; the
 * quality scripts take `--lsa-seed` to tell a change's effect from the spread between seeds.
 */
export const LSA_SEED = 20_171_215;

/** Bump when the analyser or ingestion changes in a way that invalidates built indexes. */
export const ANALYZER_VERSION = 'fr-snowball-folded-v13-stem-splits';

/** Build settings recorded in the manifest; the lexicon is used at query time only, so it is not here. */
export const indexSettings = (lsaSeed: number = LSA_SEED) => ({
  analyzer: ANALYZER_VERSION,
  maxPassageChars: MAX_PASSAGE_CHARS,
  minBlockChars: MIN_BLOCK_CHARS,
  lsaDimension: LSA_DIMENSION,
  lsaSeed,
});
