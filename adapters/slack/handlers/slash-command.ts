import type { App } from '@slack/bolt';
import { questionLanguage } from '../../../src/index.js';
import { answerFor } from '../answer-flow.js';
import { errorCode } from '../bolt-logger.js';
import { MESSAGES, type SlackContext } from '../context.js';
import { formatHelp } from '../format.js';

/** `/diplomate <question>`: one private (ephemeral) answer with a share button. */
export function registerSlashCommand(app: App, ctx: SlackContext): void {
  const { config, log, guards } = ctx;
  app.command(config.command, async ({ command, ack, respond }) => {
    await ack();
    const isDm = command.channel_name === 'directmessage' || command.channel_id.startsWith('D');
    if (!guards.channelAllowed(command.channel_id, isDm)) {
      await respond({ response_type: 'ephemeral', text: MESSAGES[questionLanguage(command.text)].notAllowed });
      return;
    }
    const question = command.text.trim();
    const { message } = question === '' ? { message: formatHelp(config.command) } : await answerFor(ctx, question, true);
    try {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      log.warn({ err: errorCode(error) }, 'respond failed');
    }
  });
}
