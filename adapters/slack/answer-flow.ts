import type { webApi } from '@slack/bolt';
import { describeError, questionLanguage, type Answer, type Lang } from '../../src/index.js';
import { errorCode } from './bolt-logger.js';
import { MESSAGES, type SlackContext } from './context.js';
import { isTimeout, withDeadline } from '../shared/deadline.js';
import { formatAnswer, formatError, type SlackMessage } from './format.js';

/** Asks the core within the time box (streaming drafts to `onDraft` if given); returns a message to post either way. */
export async function answerFor(
  ctx: SlackContext,
  question: string,
  share: boolean,
  onDraft?: (text: string) => void,
): Promise<{ message: SlackMessage; answer: Answer | null }> {
  const { core, log, answerTimeoutMs: timeoutMs } = ctx;
  const giveUp = new AbortController();
  const said = MESSAGES[questionLanguage(question)];
  try {
    const asked = core.ask(question, { signal: giveUp.signal, ...(onDraft ? { onDraft } : {}) });
    // Past the deadline the late answer is dropped: stop the LLM too.
    const answer = await withDeadline(asked, timeoutMs, said.timeout, () => giveUp.abort());
    const shareId = share ? ((await ctx.guards.memory.rememberAnswer(answer)) ?? undefined) : undefined;
    return { message: formatAnswer(answer, { share, publicUrl: ctx.publicUrl, ...(shareId ? { shareId } : {}) }), answer };
  } catch (error) {
    if (isTimeout(error)) {
      log.warn({ timeoutMs }, 'core answer timed out');
      return { message: formatError(error.message), answer: null };
    }
    log.warn({ err: describeError(error) }, 'core answer failed');
    return { message: formatError(describeError(error)), answer: null };
  }
}

/** Posts `message`; if Slack refuses it, posts a short error instead (once). */
export async function postReply(
  ctx: SlackContext,
  client: webApi.WebClient,
  channel: string,
  threadTs: string | undefined,
  message: SlackMessage,
  lang: Lang = 'en',
): Promise<boolean> {
  const { log } = ctx;
  const thread = threadTs === undefined ? {} : { thread_ts: threadTs };
  try {
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false, ...thread });
    return true;
  } catch (error) {
    log.warn({ err: errorCode(error), channel }, 'chat.postMessage failed');
    try {
      const fallback = formatError(MESSAGES[lang].postFailed);
      await client.chat.postMessage({ channel, text: fallback.text, blocks: fallback.blocks, ...thread });
    } catch (again) {
      log.error({ err: errorCode(again), channel }, 'could not post the error message either');
    }
    return false;
  }
}
