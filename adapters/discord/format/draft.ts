import { LIMITS, escapeMarkdown, fitEmbeds, nonEmpty, truncate, type DiscordReply } from './limits.js';
import { COLOR_ANSWER } from './words.js';

/**
 * A draft shown while an LLM answer streams: the verified sentences so far, escaped like a final answer, in an embed
 * titled like the answer's and with no buttons. It has no `content`, so the answer's embeds replace it entirely.
 */
export function formatDraft(question: string, text: string): DiscordReply {
  const title = truncate(question.replace(/\s+/g, ' ').trim(), LIMITS.embedTitle);
  const description = truncate(`✍️ ${escapeMarkdown(text)}`, LIMITS.embedDescription);
  return {
    embeds: fitEmbeds([{ title: nonEmpty(title), description: nonEmpty(description), color: COLOR_ANSWER }]),
    components: [],
    allowedMentions: { parse: [] },
  };
}
