import { RateLimitError, Routes, type ChatInputCommandInteraction } from 'discord.js';
import { withDeadline, isTimeout } from '../../shared/deadline.js';
import { truncate } from '../../shared/truncate.js';
import { escapeMarkdown, formatError } from '../format.js';
import type { HandlerContext } from './context.js';
import { MESSAGES, attempt, errorData, localeLanguage } from './replies.js';

export interface Acknowledgement {
  /** The call that acknowledges (`deferReply`); started at once. */
  acknowledge: () => Promise<unknown>;
  /** When the interaction reached the bot (ms since the epoch): the window is counted from there. */
  receivedAt: number;
  /** A public question may be told about in its channel; a private one is never. */
  isPrivate: boolean;
  question: string;
}

/**
 * Acknowledges an interaction within Discord's 3 s window. Past it — Discord slow, or rate-limiting the callback for
 * longer than the window — the interaction is lost: the asker of a public question is told briefly in the channel,
 * a deferral that lands after all is turned into that report too, and the answer is never sent. True when in time.
 */
export async function acknowledgeInTime(ctx: HandlerContext, interaction: ChatInputCommandInteraction, ack: Acknowledgement): Promise<boolean> {
  const said = MESSAGES[localeLanguage(interaction.locale)];
  const left = Math.max(0, ctx.respondWithinMs - (Date.now() - ack.receivedAt));
  const call = ack.acknowledge();
  try {
    await withDeadline(call, left, said.notAcknowledged);
    return true;
  } catch (error) {
    ctx.logger.warn({ ...errorData(error), interaction: interaction.id, withinMs: ctx.respondWithinMs }, 'discord: interaction not acknowledged within its window');
    // Refused otherwise ("unknown interaction": expired, or acknowledged by another replica), there is nothing to report.
    if (!(error instanceof RateLimitError) && !isTimeout(error)) return false;
    const report = error instanceof RateLimitError ? said.rateLimited(Math.round(error.retryAfter / 1000)) : said.notAcknowledged;
    // A late deferral would show "thinking…" for 15 minutes: it becomes the report instead of an answer.
    if (isTimeout(error)) void call.then(() => interaction.editReply(formatError(report))).catch(() => undefined);
    if (!ack.isPrivate && interaction.channelId !== null) await reportInChannel(ctx, interaction.channelId, ack.question, report);
    return false;
  }
}

/** One short message in the channel, naming the question (never pinging anyone). */
async function reportInChannel(ctx: HandlerContext, channelId: string, question: string, report: string): Promise<void> {
  const content = `${formatError(report).content ?? ''}\n> ${truncate(escapeMarkdown(question.replace(/\s+/gu, ' ')), 300)}`;
  await attempt(ctx.logger, 'channel message (not acknowledged)', () =>
    ctx.client.rest.post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: { parse: [] } } }),
  );
}
