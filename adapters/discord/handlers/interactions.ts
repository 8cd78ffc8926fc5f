import type { Interaction } from 'discord.js';
import { ASK_COMMAND } from '../commands.js';
import { handleAskCommand } from './ask-command.js';
import { handleButton } from './buttons.js';
import type { HandlerContext } from './context.js';
import { errorData } from './replies.js';

/** Routes `/ask` and the answer buttons; drops replayed interactions; never rejects. */
export async function handleInteraction(ctx: HandlerContext, interaction: Interaction): Promise<void> {
  // Discord's 3 s to acknowledge run from here, whatever the state store's claim below costs.
  const receivedAt = Date.now();
  try {
    if (!(await ctx.memory.firstDelivery(`i:${interaction.id}`))) return;
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === ASK_COMMAND) await handleAskCommand(ctx, interaction, receivedAt);
    } else if (interaction.isButton()) {
      await handleButton(ctx, interaction);
    }
  } catch (error) {
    ctx.logger.error(errorData(error), 'discord: interaction handler failed');
  }
}
