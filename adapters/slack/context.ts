import type { Core, FeedbackLog, Lang } from '../../src/index.js';
import type { AdapterLogger } from '../shared/logger.js';
import type { SlackConfig } from './config.js';
import type { SlackMemory } from './slack-memory.js';

/** What the handlers check before answering: de-duplication, followed threads and votes (kept in the state store), channels. */
export interface SlackGuards {
  memory: SlackMemory;
  channelAllowed(channel: string, isDm: boolean): boolean;
}

/** Everything a handler needs, passed explicitly: one per `createSlackApp` call. */
export interface SlackContext {
  core: Pick<Core, 'ask'>;
  config: SlackConfig;
  feedback: FeedbackLog | undefined;
  log: AdapterLogger;
  guards: SlackGuards;
  /** Longest wait for the core before replying with an error, in ms. */
  answerTimeoutMs: number;
  publicUrl: string | undefined;
  /** Shortest time between two edits of a streamed draft, in ms (`undefined`: the throttle's default). */
  draftIntervalMs: number | undefined;
}

/** What the user reads when something other than an answer comes back, in the question's language. */
export const MESSAGES = {
  en: {
    timeout: 'Sorry, finding an answer took too long. Please try again in a moment.',
    postFailed: 'Sorry, I could not post the answer (Slack refused it). Please try again.',
    notAllowed: 'I am not enabled in this channel.',
    thanks: 'Thanks for the feedback!',
    feedbackFailed: 'Sorry, your feedback could not be saved. Please try again later.',
    alreadyVoted: 'You have already given feedback on this answer.',
    shared: 'Shared to the channel.',
    shareFailed: 'I could not post in this channel; invite me with /invite and try again.',
    asked: 'asked:',
    help: 'Ask me a question about France’s digital-diplomacy documents, in French or English, e.g.',
    helpExample: 'What is France’s position on Internet governance?',
    helpAfter: 'I answer with verbatim quotes, each with its document, section and lines.',
  },
  fr: {
    timeout: 'Désolé, la recherche d’une réponse a pris trop de temps. Réessayez dans un instant.',
    postFailed: 'Désolé, je n’ai pas pu publier la réponse (Slack l’a refusée). Veuillez réessayer.',
    notAllowed: 'Je ne suis pas activé dans ce canal.',
    thanks: 'Merci pour votre avis !',
    feedbackFailed: 'Désolé, votre avis n’a pas pu être enregistré. Réessayez plus tard.',
    alreadyVoted: 'Vous avez déjà donné votre avis sur cette réponse.',
    shared: 'Partagé dans le canal.',
    shareFailed: 'Je ne peux pas publier dans ce canal ; invitez-moi avec /invite et réessayez.',
    asked: 'a demandé :',
    help: 'Posez-moi une question sur les documents de diplomatie numérique de la France, en français ou en anglais, par ex.',
    helpExample: 'Quelle est la position de la France sur la gouvernance de l’Internet ?',
    helpAfter: 'Je réponds par des citations exactes, chacune avec son document, sa section et ses lignes.',
  },
} as const satisfies Record<Lang, Record<string, string>>;
