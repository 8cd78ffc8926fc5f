import type { Message } from 'discord.js';
import { formatError } from '../format.js';
import { messageTarget } from '../progressive.js';
import { channelAllowed, type HandlerContext } from './context.js';
import { deliverAnswer } from './deliver-answer.js';
import { MESSAGES, attempt, errorData, localeLanguage } from './replies.js';

/** The message without the bot's mentions, whitespace collapsed. */
function questionFrom(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

async function answerMessage(ctx: HandlerContext, message: Message, question: string): Promise<void> {
  if (question.length === 0) {
    await attempt(ctx.logger, 'reply (empty)', () => message.reply(formatError(MESSAGES[localeLanguage(message.guild?.preferredLocale)].empty)));
    return;
  }
  const channel = message.channel;
  if (channel.isSendable()) await attempt(ctx.logger, 'sendTyping', () => channel.sendTyping());
  await deliverAnswer(ctx, {
    question,
    target: messageTarget(message),
    kind: 'message',
    id: message.id,
    fallback: (reply) => message.reply(reply),
  });
}

/** A mention of the bot in an allowed channel, or a DM: reply with the answer. Never rejects. */
export async function handleMessage(ctx: HandlerContext, message: Message): Promise<void> {
  try {
    const me = ctx.client.user;
    if (!me || message.author.bot || message.author.id === me.id || message.system) return;
    const inGuild = message.inGuild();
    if (inGuild && !message.mentions.users.has(me.id)) return;
    if (!channelAllowed(ctx, message.channelId, inGuild)) return;
    if (!(await ctx.memory.firstDelivery(`m:${message.id}`))) return;
    await answerMessage(ctx, message, questionFrom(message.content, me.id));
  } catch (error) {
    ctx.logger.error(errorData(error), 'discord: message handler failed');
  }
}
