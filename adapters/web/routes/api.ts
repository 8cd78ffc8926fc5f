import type { ServerResponse } from 'node:http';
import { answerToJson, searchToJson } from '../../../src/index.js';
import { describeFailure, sendJson, sendJsonError } from '../http.js';
import type { WebContext } from '../types.js';
import { readLimit, readQuestion } from './read-question.js';

/** `/api/ask?q=` and `/api/search?q=&k=`: exactly the CLI's `--json` output, so scripts and the page share one path. */
export async function handleApi(kind: 'ask' | 'search', url: URL, res: ServerResponse, ctx: WebContext, requestId: string): Promise<void> {
  try {
    const q = readQuestion(url.searchParams, ctx.maxQuestionChars);
    if (kind === 'ask') {
      sendJson(res, 200, answerToJson(await ctx.core.ask(q)));
    } else {
      const k = readLimit(url.searchParams);
      sendJson(res, 200, searchToJson(q, await ctx.core.search(q, { limit: k })));
    }
  } catch (error: unknown) {
    const failure = describeFailure(error);
    if (failure.status >= 500) ctx.logger.error({ requestId, route: `/api/${kind}`, code: failure.code, err: error }, 'web request failed');
    sendJsonError(res, failure.status, failure.code, failure.message);
  }
}
