import { LIMITS, truncate, type DiscordReply } from './limits.js';

/** A short, plain error message for the user. */
export function formatError(message: string): DiscordReply {
  return {
    content: truncate(`⚠️ ${message}`, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
  };
}
