import type { ChatInputCommandInteraction, Message } from 'discord.js';
import { createDraftThrottle } from '../../src/index.js';
import { formatDraft, type DiscordReply } from './format.js';

export interface ProgressiveReplyOptions {
  /** Titles the drafts like the answer will be. */
  question: string;
  /** Shortest time between two draft edits, in ms (default: the throttle's, about one per second). */
  intervalMs?: number;
  /** Creates the reply (a message reply, or the first edit of a deferred interaction reply). */
  create: (reply: DiscordReply) => Promise<unknown>;
  /** Edits the reply once `create` has succeeded. */
  edit: (reply: DiscordReply) => Promise<unknown>;
  /** Told about a draft that could not be shown; drafts are best effort. */
  onDraftError: (error: unknown) => void;
}

/** One reply that shows the streamed drafts of an answer, then becomes the answer (or the error). */
export interface ProgressiveReply {
  /** Give to `core.ask` as `onDraft`. */
  onDraft: (text: string) => void;
  /**
   * Stops the drafts (waiting for an edit in flight), then edits the draft into `reply`, or creates `reply` when no
   * draft was shown, so an answer that never streamed is sent exactly as before. Rejects when Discord refuses it.
   */
  deliver(reply: DiscordReply): Promise<void>;
}

/** The first draft creates the reply; later drafts and the answer edit it, the answer always last. */
export function createProgressiveReply(options: ProgressiveReplyOptions): ProgressiveReply {
  let shown = false;
  const throttle = createDraftThrottle({
    intervalMs: options.intervalMs,
    onError: options.onDraftError,
    async send(text) {
      const draft = formatDraft(options.question, text);
      if (shown) {
        await options.edit(draft);
        return;
      }
      await options.create(draft);
      shown = true;
    },
  });
  return {
    onDraft: (text) => throttle.push(text),
    async deliver(reply) {
      await throttle.finish();
      await (shown ? options.edit(reply) : options.create(reply));
    },
  };
}

/** Where the drafts and the answer go. */
export type ReplyTarget = Pick<ProgressiveReplyOptions, 'create' | 'edit'>;

/** Drafts and answer all edit the deferred reply (`PATCH …/messages/@original`). */
export function interactionTarget(interaction: ChatInputCommandInteraction): ReplyTarget {
  const edit = (reply: DiscordReply) => interaction.editReply(reply);
  return { create: edit, edit };
}

/** The first draft replies to the question; later drafts and the answer edit that reply. */
export function messageTarget(message: Message): ReplyTarget {
  let sent: Message | undefined;
  return {
    async create(reply) {
      sent = await message.reply(reply);
    },
    edit: (reply) => (sent === undefined ? message.reply(reply) : sent.edit(reply)),
  };
}
