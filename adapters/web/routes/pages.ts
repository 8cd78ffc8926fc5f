import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeFailure, sendCompressed } from '../http.js';
import { answerHtml, errorHtml } from '../pages/answer-html.js';
import { docPage, notFoundPage, type LineRange } from '../pages/doc-page.js';
import { searchPage } from '../pages/search-page.js';
import { STRINGS, uiLang } from '../pages/strings.js';
import type { WebContext } from '../types.js';
import { readQuestion } from './read-question.js';

const HTML = 'text/html; charset=utf-8';

/** `/` and `/?q=`: the shell, plus the answer rendered on the server when a question is in the URL. */
export async function handleSearchPage(req: IncomingMessage, res: ServerResponse, url: URL, ctx: WebContext, requestId: string): Promise<void> {
  const lang = uiLang(req);
  const strings = STRINGS[lang];
  const raw = url.searchParams.get('q');
  let result = '';
  let status = 200;
  if (raw !== null && raw.trim()) {
    try {
      result = answerHtml(await ctx.core.ask(readQuestion(url.searchParams, ctx.maxQuestionChars)), strings);
    } catch (error: unknown) {
      const failure = describeFailure(error);
      if (failure.status >= 500) ctx.logger.error({ requestId, route: '/', code: failure.code, err: error }, 'web request failed');
      status = failure.status;
      result = errorHtml(failure.message, strings);
    }
  }
  const query = (raw ?? '').slice(0, ctx.maxQuestionChars);
  const canonical = ctx.publicUrl && `${ctx.publicUrl}/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
  const page = searchPage({ lang, strings, query, result, maxQuestionChars: ctx.maxQuestionChars, canonical });
  sendCompressed(req, res, status, HTML, page, { 'Content-Language': lang });
}

/** `hl=602-603` (or `hl=602`); anything else is ignored rather than refused, as the fragment may still work. */
export function parseHighlight(value: string | null): LineRange | null {
  const match = /^L?(\d{1,6})(?:-L?(\d{1,6}))?$/u.exec(value ?? '');
  if (!match?.[1]) return null;
  const a = Number(match[1]);
  const b = match[2] ? Number(match[2]) : a;
  return a <= b ? [a, b] : [b, a];
}

/** `/doc/<seed file>`: the readable document, with `?hl=` highlighted server-side. */
export function handleDocPage(req: IncomingMessage, res: ServerResponse, url: URL, ctx: WebContext): void {
  const lang = uiLang(req);
  const strings = STRINGS[lang];
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice('/doc/'.length));
  } catch {
    name = '';
  }
  const view = ctx.core.documentView(name);
  if (!view) {
    sendCompressed(req, res, 404, HTML, notFoundPage(lang, strings));
    return;
  }
  const canonical = ctx.publicUrl && `${ctx.publicUrl}/doc/${encodeURIComponent(view.doc)}`;
  const page = docPage(view, lang, strings, parseHighlight(url.searchParams.get('hl')), canonical);
  sendCompressed(req, res, 200, HTML, page, { 'Content-Language': lang });
}
