import { questionLanguage } from '../../../src/index.js';
import { withDeadline } from '../../shared/deadline.js';
import { formatAnswer, formatError, type DiscordReply } from '../format.js';
import { createProgressiveReply, type ProgressiveReply, type ReplyTarget } from '../progressive.js';
import type { HandlerContext } from './context.js';
import { MESSAGES, attempt, errorData, userMessage } from './replies.js';

/** Where one answer goes: the deferred reply of an `/ask`, or a reply to a mention or DM. */
export interface AnswerDelivery {
  question: string;
  target: ReplyTarget;
  /** What `id` is, and the key it is logged under. */
  kind: 'interaction' | 'message';
  /** The interaction or message id. */
  id: string;
  /** Last resort when Discord refused the answer itself. */
  fallback: (reply: DiscordReply) => Promise<unknown>;
}

/** The Discord call named in failure logs. */
const VERB = { interaction: 'editReply', message: 'reply' } as const;

async function ask(ctx: HandlerContext, question: string, progress: ProgressiveReply): Promise<DiscordReply> {
  const giveUp = new AbortController();
  try {
    const asked = ctx.core.ask(question, { onDraft: progress.onDraft, signal: giveUp.signal });
    const answer = await withDeadline(asked, ctx.answerTimeoutMs, MESSAGES[questionLanguage(question)].timeout);
    const id = await ctx.memory.rememberAnswer(answer);
    return formatAnswer(answer, id, ctx.format);
  } finally {
    giveUp.abort(); // after a timeout the answer is dropped: stop the LLM too (a no-op once answered)
  }
}

/** Asks the core, shows its streamed drafts, then the answer, or a short error sentence; never rejects on Discord errors. */
export async function deliverAnswer(ctx: HandlerContext, delivery: AnswerDelivery): Promise<void> {
  const { question, kind, id } = delivery;
  const verb = VERB[kind];
  const progress = createProgressiveReply({
    question,
    intervalMs: ctx.draftIntervalMs,
    ...delivery.target,
    onDraftError: (error) => ctx.logger.warn({ ...errorData(error), replyTo: id }, 'discord: draft not shown'),
  });
  let reply: DiscordReply;
  try {
    reply = await ask(ctx, question, progress);
  } catch (error) {
    ctx.logger.warn({ ...errorData(error), [kind]: id }, 'discord: could not answer');
    const said = userMessage(error, questionLanguage(question));
    await attempt(ctx.logger, `${verb} (error)`, () => progress.deliver(formatError(said)));
    return;
  }
  const sent = await attempt(ctx.logger, `${verb} (answer)`, () => progress.deliver(reply));
  if (!sent) await attempt(ctx.logger, `${verb} (fallback)`, () => delivery.fallback(formatError(MESSAGES[questionLanguage(question)].undelivered)));
}
