import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Answer } from '../../../src/index.js';
import { parseCustomId, type ButtonAction } from '../button-ids.js';
import { formatFullSources } from '../format.js';
import type { HandlerContext } from './context.js';
import { MESSAGES, attempt, errorData, localeLanguage, replyPrivateError } from './replies.js';

type Vote = Extract<ButtonAction, { action: 'vote' }>;

/** "Show full sources": every citation in full, visible only to the user who clicked. */
async function showSources(ctx: HandlerContext, interaction: ButtonInteraction, answer: Answer): Promise<void> {
  const [first, ...rest] = formatFullSources(answer, 5, ctx.format);
  if (!first) return;
  if (!(await attempt(ctx.logger, 'reply (sources)', () => interaction.reply({ ...first, flags: MessageFlags.Ephemeral })))) return;
  for (const more of rest) {
    if (!(await attempt(ctx.logger, 'followUp (sources)', () => interaction.followUp({ ...more, flags: MessageFlags.Ephemeral })))) return;
  }
}

/** Records one vote per user and answer, as Slack does (the first verdict counts); returns what to tell the user. */
async function recordVote(ctx: HandlerContext, userId: string, answer: Answer, vote: Vote): Promise<string> {
  const key = `${vote.answerId}:${userId}`;
  const said = MESSAGES[answer.lang];
  const counted = await ctx.memory.countVote(key);
  if (counted !== 'counted') return counted === 'already' ? said.already : said.feedbackFailed;
  try {
    await ctx.feedback.record({
      platform: 'discord',
      userId,
      verdict: vote.verdict,
      question: answer.query,
      citations: answer.kind === 'answered' ? answer.citations.map((citation) => citation.passageId) : [],
    });
    return said.thanks;
  } catch (error) {
    ctx.logger.error(errorData(error), 'discord: feedback not recorded');
    await ctx.memory.forgetVote(key);
    return said.feedbackFailed;
  }
}

/** The buttons under an answer: "Show full sources", "Helpful", "Not helpful". */
export async function handleButton(ctx: HandlerContext, interaction: ButtonInteraction): Promise<void> {
  const action = parseCustomId(interaction.customId);
  if (!action) return;
  const answer = await ctx.memory.recallAnswer(action.answerId);
  if (!answer) {
    await replyPrivateError(ctx.logger, interaction, 'reply (expired)', MESSAGES[localeLanguage(interaction.locale)].expired);
    return;
  }
  if (action.action === 'sources') {
    await showSources(ctx, interaction, answer);
    return;
  }
  const text = await recordVote(ctx, interaction.user.id, answer, action);
  await attempt(ctx.logger, 'reply (feedback)', () =>
    interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }),
  );
}
