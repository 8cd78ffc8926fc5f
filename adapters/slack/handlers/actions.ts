import type { App } from '@slack/bolt';
import { describeError, questionLanguage } from '../../../src/index.js';
import { answerFor, postReply } from '../answer-flow.js';
import { MESSAGES, type SlackContext } from '../context.js';
import { context } from '../blocks.js';
import { ACTION_HELPFUL, ACTION_NOT_HELPFUL, ACTION_SHARE, decodeFeedbackValue, escapeText, formatAnswer, truncate, type SlackMessage } from '../format.js';

/** The buttons under an answer: share an ephemeral answer to the channel, and helpful / not-helpful votes. */
export function registerActions(app: App, ctx: SlackContext): void {
  app.action({ type: 'block_actions', action_id: ACTION_SHARE }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const value = action.type === 'button' ? decodeFeedbackValue(action.value) : null;
    const channel = body.channel?.id;
    if (value === null || channel === undefined) return;
    const message = await sharedMessage(ctx, value.question, value.answerId);
    const lang = questionLanguage(value.question);
    const said = MESSAGES[lang];
    const shared: SlackMessage = {
      text: message.text,
      blocks: [context(`<@${body.user.id}> ${said.asked} ${escapeQuestion(value.question)}`), ...message.blocks],
    };
    const ok = await postReply(ctx, client, channel, undefined, shared, lang);
    const text = ok ? said.shared : said.shareFailed;
    await respond({ response_type: 'ephemeral', replace_original: ok, text }).catch(() => undefined);
  });
  app.action({ type: 'block_actions', action_id: ACTION_HELPFUL }, onFeedback(ctx, 'helpful'));
  app.action({ type: 'block_actions', action_id: ACTION_NOT_HELPFUL }, onFeedback(ctx, 'not-helpful'));
}

type FeedbackArgs = {
  ack: () => Promise<void>;
  body: { user: { id: string }; container?: { channel_id?: string; message_ts?: string } };
  action: { type: string; value?: string };
  respond: (message: { response_type: 'ephemeral'; replace_original: boolean; text: string }) => Promise<unknown>;
};

function onFeedback(ctx: SlackContext, verdict: 'helpful' | 'not-helpful') {
  const { feedback, log } = ctx;
  return async ({ ack, body, action, respond }: FeedbackArgs): Promise<void> => {
    await ack();
    const value = action.type === 'button' ? decodeFeedbackValue(action.value) : null;
    if (value === null) return;
    const vote = `${body.container?.channel_id ?? ''}:${body.container?.message_ts ?? ''}:${body.user.id}`;
    const said = MESSAGES[questionLanguage(value.question)];
    const counted = await ctx.guards.memory.countVote(vote);
    let text: string = counted === 'counted' ? said.thanks : counted === 'already' ? said.alreadyVoted : said.feedbackFailed;
    if (counted === 'counted') {
      try {
        await feedback?.record({ platform: 'slack', userId: body.user.id, verdict, question: value.question, citations: value.citations });
      } catch (error) {
        // The voter is told, rather than thanked for a vote that was lost, and may vote again.
        log.error({ err: describeError(error) }, 'feedback not recorded');
        await ctx.guards.memory.forgetVote(vote);
        text = said.feedbackFailed;
      }
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
  };
}

/** The answer the user saw, kept when it was shown; asked again only if it has expired since. */
async function sharedMessage(ctx: SlackContext, question: string, answerId: string | undefined): Promise<SlackMessage> {
  const shown = answerId === undefined ? undefined : await ctx.guards.memory.recallAnswer(answerId);
  if (shown) return formatAnswer(shown, { publicUrl: ctx.publicUrl });
  return (await answerFor(ctx, question, false)).message;
}

function escapeQuestion(q: string): string {
  return escapeText(truncate(q, 500));
}
