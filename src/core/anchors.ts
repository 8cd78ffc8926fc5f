import type { AnalyzedQuery } from '../search/analyze-query.js';
import { typedWord } from '../search/question-intent.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';

/** A name the question gives, as typed, with its index terms. */
export interface Name {
  word: string;
  group: string[];
}

/** What a question is pinned to: the names the corpus knows as names, the years and the ranks it gives. */
export interface Anchors {
  /** Each name the corpus knows as a name, with the documents mentioning it. */
  names: (Name & { documents: Set<string> })[];
  /** The names only some documents mention ("Singapour", not "France"): a typed answer must state them itself. */
  partners: Name[];
  years: string[][];
  /** "the third dialogue": only a passage stating that rank ("troisième", "3e") can be about that one. */
  ordinals: Set<string>;
}

export function anchorsOf(query: AnalyzedQuery, retriever: Retriever): Anchors {
  const { intent } = query;
  const named = query.groups.flatMap((group): Name[] => {
    const word = intent.names.get(group[0] ?? '');
    if (word && retriever.isNamedInCorpus(group)) return [{ word, group }];
    const source = retriever.titledNameBehind(group);
    return source ? [{ word: word ?? typedWord(intent, group[0] ?? source), group: [...group, source] }] : [];
  });
  const names = named.map((name) => ({ ...name, documents: retriever.documentsMentioning(name.group) }));
  return {
    names,
    partners: names.filter((name) => name.documents.size < retriever.documentCount),
    // A name's number may sit in the name's group ("WRC-19" with the documents' "CMR-19"): it is looked for alone.
    years: [...intent.years].map((year) => query.groups.find((group) => group[0] === year) ?? [year]),
    ordinals: new Set(intent.ranks),
  };
}

/** True when the passage, or its document's title or date, holds a term of the group. */
export function statedBy(hit: RetrievedPassage, group: readonly string[], retriever: Retriever): boolean {
  return retriever.mentions(hit.passage, group) || retriever.titleNames(hit.passage.doc, group);
}

/**
 * The names the question gives (capitalised words past its first) that the documents never mention, even spelt a
 * little differently: "Bitcoin", "Brésil". Whatever the other words match, the documents cannot be about them.
 */
export function unknownNames(query: AnalyzedQuery, retriever: Retriever): string[] {
  return query.groups.flatMap((group) => {
    const word = query.intent.names.get(group[0] ?? '');
    return word && retriever.isUnheardOf(group) ? [word] : [];
  });
}
