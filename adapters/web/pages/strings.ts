import type { IncomingMessage } from 'node:http';

export type UiLang = 'fr' | 'en';

/** Interface words of the pages, in the reader's preferred language (French unless the browser prefers English). */
export const STRINGS = {
  fr: {
    appTitle: 'diplomate — diplomatie numérique de la France',
    tagline: 'Réponses citées, mot pour mot, tirées de cinq documents de la diplomatie numérique française.',
    question: 'Votre question',
    placeholder: 'Ex. : Combien d’États ont ratifié la Convention de Budapest ?',
    submit: 'Chercher',
    hint: 'Entrée pour chercher, Échap pour effacer.',
    answer: 'Réponse',
    sources: 'Sources',
    notCovered: 'Non couvert par les documents',
    seeAlso: 'Passages les plus proches',
    open: 'Voir le passage dans le document',
    searching: 'Recherche…',
    done: 'Réponse affichée.',
    skip: 'Aller au contenu',
    back: 'Nouvelle recherche',
    lines: 'lignes',
    notFound: 'Document introuvable',
    notFoundText: 'Aucun document de ce nom. Les citations renvoient à l’un des cinq documents sources.',
    highlighted: 'Passage cité surligné',
    error: 'Erreur :',
  },
  en: {
    appTitle: 'diplomate — France’s digital diplomacy',
    tagline: 'Cited, word-for-word answers from five documents of French digital diplomacy.',
    question: 'Your question',
    placeholder: 'E.g. How many states ratified the Budapest Convention?',
    submit: 'Search',
    hint: 'Enter to search, Esc to clear.',
    answer: 'Answer',
    sources: 'Sources',
    notCovered: 'Not covered by the documents',
    seeAlso: 'Nearest passages',
    open: 'Open the passage in the document',
    searching: 'Searching…',
    done: 'Answer shown.',
    skip: 'Skip to content',
    back: 'New search',
    lines: 'lines',
    notFound: 'Document not found',
    notFoundText: 'No document by that name. Citations point to one of the five source documents.',
    highlighted: 'Cited passage highlighted',
    error: 'Error:',
  },
} as const;

export type Strings = (typeof STRINGS)[UiLang];

export function uiLang(req: IncomingMessage): UiLang {
  const first = (req.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}
