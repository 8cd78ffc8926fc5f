import type { webApi } from '@slack/bolt';
import { createDraftThrottle } from '../../src/index.js';
import { errorCode } from './bolt-logger.js';
import { formatDraft, type SlackMessage } from './format.js';

export interface ProgressiveReplyOptions {
  client: webApi.WebClient;
  channel: string;
  threadTs: string | undefined;
  /** Shortest time between two draft posts or edits, in ms (default: the throttle's, about one per second). */
  intervalMs?: number;
  /** Posts a finished message as a new message, with its own error fallback; true when it was posted. */
  post: (message: SlackMessage) => Promise<boolean>;
  warn: (obj: object, msg: string) => void;
}

/** One reply that shows the streamed drafts of an answer, then becomes the answer. */
export interface ProgressiveReply {
  /** Give to `core.ask` as `onDraft`. */
  onDraft: (text: string) => void;
  /**
   * Stops the drafts (waiting for an edit in flight), then edits the draft message into `message`; posts `message`
   * as a new message when no draft was shown, so an answer that never streamed is posted exactly as before.
   */
  deliver(message: SlackMessage): Promise<boolean>;
}

/** The first draft is posted with `chat.postMessage`; later drafts and the final answer use `chat.update`. */
export function createProgressiveReply(options: ProgressiveReplyOptions): ProgressiveReply {
  const { client } = options;
  const thread = options.threadTs === undefined ? {} : { thread_ts: options.threadTs };
  let shown: { channel: string; ts: string } | undefined;

  const throttle = createDraftThrottle({
    intervalMs: options.intervalMs,
    onError: (error) => options.warn({ err: errorCode(error), channel: options.channel }, 'draft not shown'),
    async send(text) {
      const draft = formatDraft(text);
      if (shown !== undefined) {
        await client.chat.update({ ...shown, text: draft.text, blocks: draft.blocks });
        return;
      }
      const posted = await client.chat.postMessage({
        channel: options.channel,
        text: draft.text,
        blocks: draft.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...thread,
      });
      if (posted.ts !== undefined) shown = { channel: posted.channel ?? options.channel, ts: posted.ts };
    },
  });

  return {
    onDraft: (text) => throttle.push(text),
    async deliver(message) {
      await throttle.finish();
      if (shown === undefined) return options.post(message);
      try {
        await client.chat.update({ ...shown, text: message.text, blocks: message.blocks });
        return true;
      } catch (error) {
        // The draft stays as it was (verified sentences only); the answer still reaches the user below it.
        options.warn({ err: errorCode(error), channel: shown.channel }, 'chat.update failed');
        return options.post(message);
      }
    },
  };
}
