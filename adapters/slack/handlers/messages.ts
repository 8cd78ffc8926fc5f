import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { handleQuestion } from './question.js';

/** Direct messages, and follow-ups without a mention in threads the bot answered. */
export function registerMessages(app: App, ctx: SlackContext): void {
  const { guards } = ctx;
  app.message(async ({ message, body, client, context }) => {
    if (message.subtype !== undefined) return; // edits, joins, bot_message…
    if (message.bot_id !== undefined) return;
    if (context.botUserId !== undefined && message.user === context.botUserId) return;
    const text = message.text ?? '';
    const isDm = message.channel_type === 'im';
    if (!isDm) {
      // Mentions are handled by app_mention; only follow-ups in threads we answered need no mention.
      if (context.botUserId !== undefined && text.includes(`<@${context.botUserId}>`)) return;
      if (message.thread_ts === undefined || !guards.channelAllowed(message.channel, false)) return;
      if (!(await guards.memory.followsThread(message.channel, message.thread_ts))) return;
    }
    if (!(await guards.memory.firstDelivery(body.event_id, message.channel, message.ts))) return;
    await handleQuestion(ctx, {
      client,
      channel: message.channel,
      ts: message.ts,
      threadTs: message.thread_ts,
      text,
      react: false,
      inThread: !isDm,
    });
  });
}
