import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { PRIVATE_OPTION, QUESTION_OPTION } from '../commands.js';
import { interactionTarget } from '../progressive.js';
import { channelAllowed, type HandlerContext } from './context.js';
import { deliverAnswer } from './deliver-answer.js';
import { acknowledgeInTime } from './acknowledge.js';
import { MESSAGES, localeLanguage, replyPrivateError } from './replies.js';

/**
 * `/ask question:<text> [private:true]`: acknowledge within Discord's window (counted from `receivedAt`, ms since the
 * epoch), then edit the deferred reply into the answer.
 */
export async function handleAskCommand(ctx: HandlerContext, interaction: ChatInputCommandInteraction, receivedAt: number): Promise<void> {
  const question = interaction.options.getString(QUESTION_OPTION, true).trim();
  const isPrivate = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  if (!channelAllowed(ctx, interaction.channelId, interaction.inGuild())) {
    await replyPrivateError(ctx.logger, interaction, 'reply (channel not allowed)', MESSAGES[localeLanguage(interaction.locale)].channel);
    return;
  }
  // Acknowledge at once: Discord drops interactions not acknowledged within 3 seconds.
  const deferred = await acknowledgeInTime(ctx, interaction, {
    acknowledge: () => interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
    receivedAt,
    isPrivate,
    question,
  });
  if (!deferred) return;
  await deliverAnswer(ctx, {
    question,
    target: interactionTarget(interaction),
    kind: 'interaction',
    id: interaction.id,
    fallback: (reply) => interaction.editReply(reply),
  });
}
