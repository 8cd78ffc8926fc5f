// The one import surface for Discord formatting; the formatters live in format/, one job per file.
export { LIMITS, embedsLength, escapeMarkdown, fitEmbeds, truncate, type DiscordReply } from './format/limits.js';
export { type FormatOptions } from './format/links.js';
export { sourceUrl as citationUrl } from '../shared/citation-text.js';
export { formatAnswer } from './format/answer.js';
export { formatFullSources } from './format/sources.js';
export { formatDraft } from './format/draft.js';
export { formatError } from './format/error.js';
