/**
 * Block Kit formatting for the Slack adapter. Answers are built in `format-answer.ts`, button values in
 * `feedback-value.ts`, block types and limits in `blocks.ts`; this module holds the short messages (drafts, errors,
 * help) and is the one import surface for the rest of the adapter and its tests.
 */
import type { Lang } from '../../src/index.js';
import { LIMITS, section, type SlackMessage } from './blocks.js';
import { MESSAGES } from './context.js';
import { escapeText, safe } from './mrkdwn.js';

export { LIMITS, messageSize, type ButtonElement, type MrkdwnText, type PlainText, type SlackBlock, type SlackMessage } from './blocks.js';
export {
  ACTION_HELPFUL,
  ACTION_NOT_HELPFUL,
  ACTION_SHARE,
  decodeFeedbackValue,
  encodeFeedbackValue,
  type FeedbackValue,
} from './feedback-value.js';
export { formatAnswer, type FormatOptions } from './format-answer.js';
export { escapeText } from './mrkdwn.js';
export { truncate } from '../shared/truncate.js';

/**
 * A draft shown while an LLM answer streams: the verified sentences so far, escaped like a final answer, with no
 * sources and no buttons (the final answer replaces it).
 */
export function formatDraft(text: string): SlackMessage {
  const shown = `:writing_hand: ${safe(text, LIMITS.sectionText - 20)}`;
  return { text: safe(text, LIMITS.fallbackText), blocks: [section(shown)] };
}

/** A short message for failures; `detail` is a user-safe sentence. */
export function formatError(detail: string): SlackMessage {
  const text = `:warning: ${safe(detail, 500)}`;
  return { text, blocks: [section(text)] };
}

/**
 * Usage hint for an empty question, in French then English: with no question there is no language to read, and
 * Slack events do not carry the user's locale.
 */
export function formatHelp(command: string): SlackMessage {
  const hint = (lang: Lang): string => {
    const said = MESSAGES[lang];
    return `${said.help} \`${escapeText(command)} ${escapeText(said.helpExample)}\`. ${said.helpAfter}`;
  };
  const text = `${hint('fr')}\n\n${hint('en')}`;
  return { text, blocks: [section(text)] };
}
