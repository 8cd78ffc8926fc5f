import type { Answer } from '../../../src/index.js';

/** The answer's language, which also picks the words around it. */
export type Lang = Answer['lang'];

export const COLOR_ANSWER = 0x002395; // French blue
export const COLOR_NOT_COVERED = 0x808080;

/** The few words of the Discord messages, in the answer's language. */
export const WORDS = {
  fr: {
    moreSources: (n: number) => `+${n} autre(s) source(s) : « Afficher les sources »`,
    showSources: 'Afficher les sources',
    helpful: 'Utile',
    notHelpful: 'Pas utile',
    seeAlso: 'Passages proches (à consulter, sans valeur de réponse)',
    sources: 'Sources complètes',
    notShown: (n: number) => `${n} autre(s) source(s) non affichée(s).`,
  },
  en: {
    moreSources: (n: number) => `+${n} more source(s): use “Show full sources”`,
    showSources: 'Show full sources',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    seeAlso: 'Nearest passages (for browsing, not an answer)',
    sources: 'Full sources',
    notShown: (n: number) => `${n} more source(s) not shown.`,
  },
} as const;
