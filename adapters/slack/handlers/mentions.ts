import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { handleQuestion } from './question.js';

/** `@diplomate <question>` in a channel: react 👀 and answer in the thread. */
export function registerMentions(app: App, ctx: SlackContext): void {
  const { log, guards } = ctx;
  app.event('app_mention', async ({ event, body, client }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined) return;
    if (!(await guards.memory.firstDelivery(body.event_id, event.channel, event.ts))) {
      log.debug({ eventId: body.event_id }, 'duplicate delivery ignored');
      return;
    }
    if (!guards.channelAllowed(event.channel, false)) return;
    await handleQuestion(ctx, { client, channel: event.channel, ts: event.ts, threadTs: event.thread_ts, text: event.text, react: true, inThread: true });
  });
}
