import { basename, extname } from 'node:path';

/**
 * The name an added file is stored and cited under: its own name, accents folded and anything but letters, digits,
 * dots, dashes and underscores turned into dashes, so it is safe in a path and a URL (`Feuille de route.PDF` →
 * `Feuille-de-route.pdf`).
 */
export function documentName(path: string): string {
  const extension = extname(path).toLowerCase();
  const stem = basename(path, extname(path))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/gu, '-')
    .replace(/^[.-]+|-+$/gu, '');
  return `${stem || 'document'}${extension === '.htm' ? '.html' : extension}`;
}

/** Where an added document's text is stored: the document itself for a `.txt`, else beside its original. */
export const storedTextName = (doc: string): string | undefined => (doc.endsWith('.txt') ? undefined : `${doc}.txt`);
