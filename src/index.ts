/**
 * The only import surface for adapters (Slack, Discord, web) and scripts.
 * Everything here is platform-neutral: no chat SDK, no HTTP.
 */
export { loadCore, type CoreOptions } from './core/load-core.js';
export type { AskOptions, Core, CoreInfo } from './core/core.js';
export type {
  DocumentBlock,
  DocumentView,
  HeadingBlock,
  TableBlock,
  TableRowView,
  TextBlock,
} from './documents/document-view.js';
export { MAX_QUESTION_CHARS } from './core/validate-question.js';
/** The language a question is written in (`fr` or `en`), for the words an adapter says around an answer. */
export { detectLanguage as questionLanguage } from './search/analyze-query.js';
/**
 * The documents folder (`seeds/` and its `metadata.json`): add files (`.txt`, `.md`, `.html`, `.pdf`, `.docx`; all
 * refused, nothing written, when one is refused), list, remove. `loadCore` afterwards brings the index in line: an
 * addition extends the published index, a removal rebuilds it.
 */
export { addDocuments } from './documents/add-documents.js';
export { listDocuments, type ListedDocument } from './documents/list-documents.js';
export { removeDocument } from './documents/remove-document.js';
export type { MetadataFlags } from './documents/document-metadata.js';
export type { CatalogueEntry } from './documents/catalogue.js';
export type { Answer, AnswerMode, Citation, Confidence, DocumentMeta, Lang, Passage, Refusal, RefusalCode, SearchHit } from './types.js';
/** Optional LLM answers: `loadLlmConfig(process.env)` gives the `llm` option of `loadCore`, or null when unset. */
export { loadLlmConfig, DEFAULT_LLM_TIMEOUT_MS, type LlmConfig } from './llm/llm-config.js';
export type { LlmLogEntry } from './llm/llm-core.js';
export type { FallbackReason } from './llm/chat-client.js';
export { AppError, describeError, errnoCode, isAppError, type AppErrorCode } from './errors.js';
export { answerToJson, searchToJson, type AskJson, type SearchJson } from './answer/to-json.js';
export { answerText, refusalText } from './answer/answer-text.js';
export { createFeedbackLog, type FeedbackEntry, type FeedbackLog } from './feedback/feedback-log.js';
export { isVerbatim } from './answer/verify-quote.js';
/** Source-viewer path of a citation, `/doc/<doc>#L<start>-L<end>`: adapters prefix it with PUBLIC_URL. */
export { citationPath } from './answer/citation-path.js';
/** Prometheus metrics of the service (questions, answer latency, abstentions, errors, feedback, process). */
export { createMetrics, ANSWER_BUCKETS, type Metrics, type Platform } from './observe/metrics.js';
/** One JSON log line and metrics per question, plus close/drain for graceful shutdown. */
export { observeCore, type ObserveLogger, type ObserveOptions, type ObservedCore } from './observe/observe-core.js';
export { observeFeedback } from './observe/observe-feedback.js';
export { createQuestionGate, type QuestionGate } from './observe/question-gate.js';
/**
 * Progressive display of streamed drafts (`core.ask(q, { onDraft })`): at most one send per `intervalMs`
 * (default 1200 ms, about what Slack and Discord allow for message edits), the latest draft winning;
 * `finish()` waits for a send in flight and stops all later ones, so the final answer is always the last edit.
 */
export {
  createDraftThrottle,
  DEFAULT_DRAFT_INTERVAL_MS,
  type DraftThrottle,
  type DraftThrottleOptions,
} from './answer/draft-throttle.js';
