import type { DocumentView } from '../documents/document-view.js';
import type { Answer, Confidence, DocumentMeta, Lang, Refusal, SearchHit } from '../types.js';
import type { RankingFeatures } from '../search/ranking-model.js';
import type { CandidateFeatures } from './answerability-model.js';

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

/** Per-question options of `Core.ask`. */
export interface AskOptions {
  /**
   * Progressive display while an LLM streams: called with the verified part of the answer so far (complete
   * sentences that passed verification, citations renumbered as in the final answer), never with unverified text.
   * The resolved `Answer` always replaces the last draft, including when it falls back to the extractive answer.
   */
  onDraft?: (text: string) => void;
  /** Gives up on the LLM (the answer is then extractive). */
  signal?: AbortSignal;
}

/** A passage as the answerability model sees it: its features and the support they give. */
export type ExplainedCandidate = SearchHit & { features: CandidateFeatures; support: number };

/** Why `ask` answers or refuses: each candidate passage with the answerability model's features and support. */
export interface Explanation {
  lang: Lang;
  /** The passages the ranking model ordered, best first, each with what it read; the candidates are the first ones. */
  ranked: (SearchHit & { ranking: RankingFeatures })[];
  /** The support a candidate needs to answer. */
  cut: number;
  candidates: ExplainedCandidate[];
  /**
   * The ranking model's best passages that are not candidates: they never decide whether to answer, but once a
   * candidate answers, the best ranked of all passages passing the same cut and checks is quoted first.
   */
  rankedToo: ExplainedCandidate[];
  /** The question's subject words, as typed: a candidate must hold one of them to answer (`subjectHeld`). */
  subject: string[];
  /** How far the model trusts the answer (`Confidence`), or null when it refuses. */
  confidence: Confidence | null;
  /** Why no candidate may answer, or null when some may (the answer may still refuse an unverified quote). */
  refusal: Refusal | null;
}

/** The retrieval core: load once, then ask many questions concurrently. */
export interface Core {
  /** Answers with verbatim, line-cited quotes, or a `not-covered` value. Never throws for a bad match. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** The answerability model's view of the question: what `ask` decides from, for `--explain` and for fitting. */
  explain(question: string): Promise<Explanation>;
  /** Ranked passages, best first (`limit` defaults to 5, at most 50). */
  search(question: string, options?: { limit?: number }): Promise<SearchHit[]>;
  /** Readable view of one seed file (headings, paragraphs, tables with exact lines), or null for an unknown file. */
  documentView(doc: string): DocumentView | null;
  readonly documents: readonly DocumentMeta[];
  readonly info: CoreInfo;
}
