import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { isAppError, type Lang } from '../../../src/index.js';
import { formatError } from '../format.js';
import type { AdapterLogger } from '../../shared/logger.js';

/** Every sentence the bot says on its own (answers come from the core), in each language it answers in. */
export const MESSAGES = {
  en: {
    generic: 'Sorry, something went wrong while answering. Please try again.',
    timeout: 'The answer took too long. Please try again.',
    expired: 'This answer is no longer available; please ask the question again.',
    channel: 'I am not enabled in this channel.',
    empty: 'Ask me a question after the mention, e.g. “@diplomate What is the French strategy for digital diplomacy?”, or use /ask.',
    thanks: 'Thanks, your feedback was recorded.',
    already: 'Your feedback on this answer was already recorded.',
    feedbackFailed: 'Sorry, your feedback could not be recorded.',
    undelivered: 'Sorry, the answer could not be delivered. Please try again.',
    notAcknowledged: 'Discord did not take my reply in time, so this question went unanswered. Please ask again.',
    rateLimited: (seconds: number) => `Discord is holding my replies back for ${seconds} s, so this question went unanswered. Please ask again then.`,
  },
  fr: {
    generic: 'Désolé, une erreur est survenue pendant la réponse. Veuillez réessayer.',
    timeout: 'La réponse a pris trop de temps. Veuillez réessayer.',
    expired: 'Cette réponse n’est plus disponible ; posez de nouveau la question.',
    channel: 'Je ne suis pas activé dans ce salon.',
    empty: 'Posez-moi une question après la mention, par ex. « @diplomate Quelle est la stratégie numérique de la France ? », ou utilisez /ask.',
    thanks: 'Merci, votre avis a été enregistré.',
    already: 'Votre avis sur cette réponse était déjà enregistré.',
    feedbackFailed: 'Désolé, votre avis n’a pas pu être enregistré.',
    undelivered: 'Désolé, la réponse n’a pas pu être envoyée. Veuillez réessayer.',
    notAcknowledged: 'Discord n’a pas pris ma réponse à temps : cette question est restée sans réponse. Posez-la de nouveau.',
    rateLimited: (seconds: number) => `Discord retient mes réponses pendant ${seconds} s : cette question est restée sans réponse. Reposez-la ensuite.`,
  },
} as const satisfies Record<Lang, Record<string, string | ((seconds: number) => string)>>;

/** The language of a Discord user's client ("fr", "en-US"…), for what is said before any question is read. */
export function localeLanguage(locale: string | undefined): Lang {
  return locale?.startsWith('fr') ? 'fr' : 'en';
}

/** Only `AppError` messages are meant for users; anything else becomes the generic sentence. */
export function userMessage(error: unknown, lang: Lang): string {
  if (isAppError(error)) return error.message;
  return MESSAGES[lang].generic;
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
export async function attempt(logger: AdapterLogger, what: string, action: () => Promise<unknown>): Promise<boolean> {
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
  logger: AdapterLogger,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  what: string,
  message: string,
): Promise<boolean> {
  return attempt(logger, what, () => interaction.reply({ ...formatError(message), flags: MessageFlags.Ephemeral }));
}
