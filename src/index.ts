/**
 * The only import surface for adapters (Slack, Discord, web) and scripts.
 * Everything here is platform-neutral: no chat SDK, no HTTP.
 */
export { loadCore, type CoreOptions } from './core/load-core.js';
export type { Core, CoreInfo } from './core/core.js';
export { MAX_QUESTION_CHARS } from './core/validate-question.js';
export type { Answer, Citation, DocumentMeta, Lang, Passage, SearchHit } from './types.js';
export { AppError, describeError, isAppError, type AppErrorCode } from './errors.js';
export { answerToJson, searchToJson, type AskJson, type SearchJson } from './answer/to-json.js';
export { createFeedbackLog, type FeedbackEntry, type FeedbackLog } from './feedback/feedback-log.js';
export { isVerbatim } from './answer/verify-quote.js';
