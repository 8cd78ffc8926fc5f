/**
 * A glossary phrase as a whole-word pattern where a hyphen and a space are alike ("fake-news" is "fake news",
 * "cité État" is "cité-État"), allowing the plural endings given.
 */
export function phrasePattern(phrase: string, pluralEndings: string): RegExp {
  const escaped = phrase
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
    .replace(/[\s-]+/gu, '[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:${pluralEndings})?(?![\\p{L}\\p{N}])`, 'u');
}
