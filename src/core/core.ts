import type { Answer, DocumentMeta, SearchHit } from '../types.js';

/** Facts about the loaded core, for start-up summaries and health checks. */
export interface CoreInfo {
  passages: number;
  /** Id of the active embedder, e.g. `lsa-tfidf-v1/256` or `transformers:multilingual-e5-small`. */
  embedder: string;
  /** True when no neural model is loaded and retrieval runs on corpus-derived vectors only. */
  modelFree: boolean;
  indexDir: string;
  builtAt: string;
}

/** The retrieval core: load once, then ask many questions concurrently. */
export interface Core {
  /** Answers with verbatim, line-cited quotes, or a `not-covered` value. Never throws for a bad match. */
  ask(question: string): Promise<Answer>;
  /** Ranked passages, best first (`limit` defaults to 5, at most 50). */
  search(question: string, options?: { limit?: number }): Promise<SearchHit[]>;
  readonly documents: readonly DocumentMeta[];
  readonly info: CoreInfo;
}
