import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { isAppError } from '../../../src/index.js';
import { formatError } from '../format.js';
import type { DiscordLogger } from './context.js';

/** Every sentence the bot says on its own (answers come from the core). */
export const MESSAGES = {
  generic: 'Sorry, something went wrong while answering. Please try again.',
  timeout: 'The answer took too long. Please try again.',
  expired: 'This answer is no longer available; please ask the question again.',
  channel: 'I am not enabled in this channel.',
  empty: 'Ask me a question after the mention, e.g. “@diplomate What is the French strategy for digital diplomacy?”, or use /ask.',
  thanks: 'Thanks, your feedback was recorded.',
  already: 'Your feedback on this answer was already recorded.',
  feedbackFailed: 'Sorry, your feedback could not be recorded.',
  undelivered: 'Sorry, the answer could not be delivered. Please try again.',
} as const;

/** Only `AppError` messages are meant for users; anything else becomes the generic sentence. */
export function userMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  return MESSAGES.generic;
}

/** What a log line may say about an error: name, message and HTTP status, never a stack or a request body. */
export function errorData(error: unknown): object {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return { err: { name: error.name, message: error.message, ...(typeof status === 'number' ? { status } : {}) } };
  }
  return { err: String(error) };
}

/** Runs one Discord request; a refusal is logged with `what` and reported as false, never thrown. */
export async function attempt(logger: DiscordLogger, what: string, action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    logger.error({ ...errorData(error), what }, 'discord: request failed');
    return false;
  }
}

/** Tells only the user who clicked or typed the command why nothing else happens. */
export async function replyPrivateError(
  logger: DiscordLogger,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  what: string,
  message: string,
): Promise<boolean> {
  return attempt(logger, what, () => interaction.reply({ ...formatError(message), flags: MessageFlags.Ephemeral }));
}
