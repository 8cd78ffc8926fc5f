// The one import surface for Discord formatting; the formatters live in format/, one job per file.
export { LIMITS, embedsLength, escapeMarkdown, fitEmbeds, truncate, type DiscordReply } from './format/limits.js';
export { citationUrl, type FormatOptions } from './format/links.js';
export { formatAnswer } from './format/answer.js';
export { formatFullSources } from './format/sources.js';
export { formatDraft } from './format/draft.js';
export { formatError } from './format/error.js';
