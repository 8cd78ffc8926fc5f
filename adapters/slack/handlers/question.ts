import type { webApi } from '@slack/bolt';
import { questionLanguage } from '../../../src/index.js';
import { answerFor, postReply } from '../answer-flow.js';
import { errorCode } from '../bolt-logger.js';
import type { SlackContext } from '../context.js';
import { stripMentions } from '../delivery-guards.js';
import { formatHelp } from '../format.js';
import { createProgressiveReply } from '../progressive.js';

/** A question arriving as a message (mention, DM or thread follow-up). */
export interface QuestionMessage {
  client: webApi.WebClient;
  channel: string;
  ts: string;
  threadTs: string | undefined;
  text: string;
  /** Add 👀 while answering (mentions). */
  react: boolean;
  /** Reply in the message's thread (starting one if needed) rather than at top level (DMs). */
  inThread: boolean;
}

/** Answers a message question with a progressive reply; remembers the thread so follow-ups need no mention. */
export async function handleQuestion(ctx: SlackContext, args: QuestionMessage): Promise<void> {
  const { log } = ctx;
  const question = stripMentions(args.text);
  const replyThread = args.inThread ? (args.threadTs ?? args.ts) : args.threadTs;
  if (question === '') {
    await postReply(ctx, args.client, args.channel, replyThread, formatHelp(ctx.config.command));
    return;
  }
  const reacted = args.react
    ? args.client.reactions.add({ channel: args.channel, timestamp: args.ts, name: 'eyes' }).then(
        () => true,
        (error: unknown) => {
          log.debug({ err: errorCode(error) }, 'reactions.add failed');
          return false;
        },
      )
    : Promise.resolve(false);
  const reply = createProgressiveReply({
    client: args.client,
    channel: args.channel,
    threadTs: replyThread,
    intervalMs: ctx.draftIntervalMs,
    post: (message) => postReply(ctx, args.client, args.channel, replyThread, message, questionLanguage(question)),
    warn: (obj, msg) => log.warn(obj, msg),
  });
  const { message } = await answerFor(ctx, question, false, reply.onDraft);
  const posted = await reply.deliver(message);
  if (posted && replyThread !== undefined) await ctx.guards.memory.followThread(args.channel, replyThread);
  // 👀 says "answering"; once the answer (or an error) is posted, it would only mislead.
  if (await reacted) {
    await args.client.reactions.remove({ channel: args.channel, timestamp: args.ts, name: 'eyes' }).catch((error: unknown) => {
      log.debug({ err: errorCode(error) }, 'reactions.remove failed');
    });
  }
}
