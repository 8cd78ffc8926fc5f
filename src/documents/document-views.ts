import type { DocumentMeta } from '../types.js';
import { buildDocumentView } from './build-document-view.js';
import type { DocumentView } from './document-view.js';

/** Returns each seed's view on first request and keeps it: views are pure functions of the loaded seeds. */
export function createDocumentViews(
  documents: readonly DocumentMeta[],
  seedLines: ReadonlyMap<string, readonly string[]>,
): (doc: string) => DocumentView | null {
  const metas = new Map(documents.map((meta) => [meta.doc, meta]));
  const cache = new Map<string, DocumentView>();
  return (doc) => {
    const cached = cache.get(doc);
    if (cached) return cached;
    const meta = metas.get(doc);
    const lines = seedLines.get(doc);
    if (!meta || !lines) return null;
    const view = buildDocumentView(meta, lines);
    cache.set(doc, view);
    return view;
  };
}
