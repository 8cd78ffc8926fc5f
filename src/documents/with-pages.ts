import type { Core } from '../core/core.js';
import type { Answer, DocumentMeta, SearchHit } from '../types.js';
import { pageOfLine } from './page-of-line.js';

/**
 * Gives every citation and search hit of a PDF-derived document its page (of the first cited line). Done around the
 * whole core, LLM answers included, so no answering step needs to know about pages.
 */
export function withPages(core: Core, documents: readonly DocumentMeta[]): Core {
  const pages = new Map(documents.filter((meta) => meta.pages).map((meta) => [meta.doc, meta.pages]));
  if (pages.size === 0) return core;
  const page = (doc: string, line: number) => pageOfLine(pages.get(doc), line);
  const hit = (found: SearchHit): SearchHit => {
    const at = page(found.passage.doc, found.passage.lines[0]);
    return at === undefined ? found : { ...found, page: at };
  };
  const answer = (given: Answer): Answer => {
    if (given.kind === 'not-covered') return { ...given, seeAlso: given.seeAlso.map(hit) };
    const citations = given.citations.map((citation) => {
      const at = page(citation.doc, citation.lines[0]);
      return at === undefined ? citation : { ...citation, page: at };
    });
    return { ...given, citations };
  };
  return {
    get documents() {
      return core.documents;
    },
    get info() {
      return core.info;
    },
    documentView: (doc) => core.documentView(doc),
    search: async (question, options) => (await core.search(question, options)).map(hit),
    explain: async (question) => {
      const explanation = await core.explain(question);
      return { ...explanation, candidates: explanation.candidates.map((candidate) => ({ ...candidate, ...hit(candidate) })) };
    },
    ask: async (question, options) => answer(await core.ask(question, options)),
  };
}
