import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerText, answerToJson, isVerbatim, type Answer, type Core, type LlmLogEntry } from '../../src/index.js';
import { passagesIn, passageWith, startFakeLlmApi, type FakeLlmApi, type RecordedLlmRequest } from '../support/llm-api.js';
import { getTestCore } from '../support/test-core.js';
import { llmCore, seedLines, seedsDir } from './llm-test-core.js';

const FR = 'Quelle est la position de la France sur la Convention de Budapest ?';
const EN = 'What did France and India say about 5G?';

/** The first `count` words of passage `id` as the model received it. */
const wordsOf = (request: RecordedLlmRequest, id: number, count: number): string =>
  (passagesIn(request).get(id) ?? '').split(' ').slice(0, count).join(' ');

/**
 * The passage on the Convention's universalisation and another one, by the ids the model received: a scripted reply
 * cites passages by what they say, whatever order retrieval gives them.
 */
function byContent(request: RecordedLlmRequest): [number, number] {
  const main = passageWith(request, 'universalisation');
  return [main, [...passagesIn(request).keys()].find((id) => id !== main) ?? main];
}

/** Every citation the user sees is verbatim in its cited lines. */
function expectVerified(answer: Answer): void {
  if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
  expect(answer.citations.length).toBeGreaterThan(0);
  for (const citation of answer.citations) {
    expect(isVerbatim(seedLines(seedsDir, citation.doc), citation.lines, citation.quote), citation.quote).toBe(true);
  }
  const numbers = [...answerText(answer).matchAll(/\[(\d+)\]/gu)].map((match) => Number(match[1]));
  expect(new Set(numbers)).toEqual(new Set(answer.citations.map((c) => c.n)));
}

describe('LLM answers against a loopback chat-completions API', () => {
  let api: FakeLlmApi;
  let core: Core;
  let logs: LlmLogEntry[];
  const lastLog = () => logs[logs.length - 1];

  beforeAll(async () => {
    api = await startFakeLlmApi();
    ({ core, logs } = await llmCore(api, { timeoutMs: 1500 }));
  });
  afterAll(() => api.close());

  it('shows a good French answer as prose with verified, densely numbered citations', async () => {
    let quoted = '';
    api.script({
      reply: (request) => {
        const [main, other] = byContent(request);
        quoted = wordsOf(request, other, 8);
        return `La France en fait une priorité : « ${quoted} » [${other}]. Elle œuvre aussi pour son universalisation [${main}].`;
      },
    });
    const answer = await core.ask(FR);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm', lang: 'fr' });
    expectVerified(answer);
    if (answer.kind !== 'answered') return;
    expect(answerText(answer)).toBe(`La France en fait une priorité : « ${quoted} » [1]. Elle œuvre aussi pour son universalisation [2].`);
    expect(answer.citations[0]?.quote).toBe(quoted);
    expect(answerToJson(answer)).toMatchObject({ mode: 'llm', abstained: false });
    const request = api.requests[api.requests.length - 1];
    expect(request).toMatchObject({ path: '/v1/chat/completions', authorization: 'Bearer sk-test-secret' });
    expect(request?.body).toMatchObject({ model: 'test-model', stream: false });
    expect(request?.body.messages?.[0]?.content).toContain('Answer in French');
    expect(request?.body.messages?.[1]?.content).not.toContain('loose match');
    expect(lastLog()).toMatchObject({ mode: 'llm', dropped: [] });
    expect(JSON.stringify(logs)).not.toContain('sk-test-secret');
  });

  it('says an LLM answer is uncertain when the model trusts its passages little', async () => {
    let quoted = '';
    api.script({
      reply: (request) => {
        const first = [...passagesIn(request).keys()][0] ?? 1;
        quoted = wordsOf(request, first, 8);
        return `La coopération franco-indienne prévoit : « ${quoted} » [${first}].`;
      },
    });
    const answer = await core.ask('Que prévoit la coopération franco-indienne en cybersécurité ?');
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm', confidence: 'tentative' });
    expectVerified(answer);
    expect(answerText(answer)).toBe(`Réponse incertaine : La coopération franco-indienne prévoit : « ${quoted} » [1].`);
    expect(answerToJson(answer)).toMatchObject({ mode: 'llm', confidence: 'tentative' });
    expect(api.requests[api.requests.length - 1]?.body.messages?.[1]?.content).toContain('judged only a loose match');
  });

  it('asks for English and shows the English answer for an English question', async () => {
    api.script({ reply: 'France and India agreed to work together on 5G networks [1]. They also said so again [1].' });
    const answer = await core.ask(EN);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm', lang: 'en' });
    expectVerified(answer);
    // The second sentence shares no word with the passage it cites, so it is not shown.
    expect(answerText(answer)).toBe('France and India agreed to work together on 5G networks [1].');
    expect(lastLog()?.dropped).toEqual(['ungrounded']);
    expect(api.requests[api.requests.length - 1]?.body.messages?.[0]?.content).toContain('Answer in English');
  });

  it('drops a sentence citing a passage that was not provided, keeping the rest', async () => {
    api.script({
      reply: (request) => {
        const [main] = byContent(request);
        return `La France soutient la Convention [${main}]. Elle a signé un traité secret [9]. Elle promeut son universalisation [${main}].`;
      },
    });
    const answer = await core.ask(FR);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm' });
    expectVerified(answer);
    expect(answerText(answer)).not.toContain('traité secret');
    expect(answerText(answer)).not.toContain('[9]');
    expect(lastLog()?.dropped).toEqual(['unknown-passage']);
  });

  it.each([
    ['only unknown passages', 'Un traité secret existe [9]. Il est signé [7].'],
    ['a misquoted span', 'La France déclare : « La France s’oppose fermement à la Convention de Budapest » [1].'],
    ['uncited prose', 'La France soutient la Convention de Budapest.'],
  ])('falls back to the extractive answer on %s, and says why in the log', async (_case, reply) => {
    api.script({ reply });
    const answer = await core.ask(FR);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'extractive' });
    expectVerified(answer);
    expect(answerText(answer)).toMatch(/^Les documents indiquent :/u);
    expect(answerText(answer)).not.toContain('oppose');
    expect(lastLog()).toMatchObject({ mode: 'extractive', fallback: 'unverified' });
  });

  it('drops a misquoted sentence among verified ones', async () => {
    api.script({
      reply: (request) => {
        const [main] = byContent(request);
        return `Elle agit : « ${wordsOf(request, main, 6)} » [${main}]. Elle dit « la France refuse la Convention » [${main}]. Elle promeut l’universalisation de la Convention [${main}].`;
      },
    });
    const answer = await core.ask(FR);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm' });
    expectVerified(answer);
    expect(answerText(answer)).not.toContain('refuse');
    expect(lastLog()?.dropped).toEqual(['misquote']);
  });

  it.each([
    ['a timeout (the server never answers)', { hang: true } as const, { fallback: 'timeout' }],
    ['a 429 rate limit', { status: 429 }, { fallback: 'http-429', status: 429 }],
    ['a 500', { status: 500 }, { fallback: 'http-error', status: 500 }],
    ['malformed JSON', { raw: '{"choices": [ {"message": ' }, { fallback: 'malformed' }],
    ['JSON of the wrong shape', { raw: '{"unexpected": true}' }, { fallback: 'malformed' }],
  ])('answers extractively after %s', async (_case, script, log) => {
    api.script(script);
    const before = api.requests.length;
    const answer = await core.ask(FR);
    expect(api.requests.length).toBe(before + 1);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'extractive' });
    expectVerified(answer);
    expect(answerToJson(answer).mode).toBe('extractive');
    expect(lastLog()).toMatchObject({ mode: 'extractive', ...log });
  });

  it('gives the model the passages that passed the answering checks, not a second search', async () => {
    const question = "Combien d'États ont ratifié la Convention de Budapest ?";
    api.script({ reply: 'Les documents ne traitent pas de cette question.' });
    const extractive = await (await getTestCore()).ask(question);
    await core.ask(question);
    const given = [...passagesIn(api.requests[api.requests.length - 1]).values()];
    const searched = (await core.search(question, { limit: 6 })).map((hit) => hit.passage.text);
    expect(extractive.kind === 'answered' ? extractive.grounds?.map((hit) => hit.passage.text).slice(0, 6) : null).toEqual(given);
    // An amount question is answered only from passages stating an amount, fewer than a plain search returns.
    expect(given.length).toBeGreaterThan(0);
    expect(given).not.toEqual(searched);
  });

  it('turns the fixed "not covered" reply into a not-covered answer with nearest passages', async () => {
    api.script({ reply: 'Les documents ne traitent pas de cette question.' });
    const answer = await core.ask(FR);
    expect(answer).toMatchObject({ kind: 'not-covered', mode: 'llm', reason: { code: 'llm-not-covered' } });
    expect(answerText(answer).startsWith('Les documents ne traitent pas de cette question.')).toBe(true);
    expect(answerToJson(answer)).toMatchObject({ abstained: true, mode: 'llm', citations: [] });
    if (answer.kind === 'not-covered') expect(answer.seeAlso.length).toBeGreaterThan(0);
  });

  it('does not call the LLM when retrieval finds nothing to ground on', async () => {
    api.script({ reply: 'Le Bitcoin est encouragé [1].' });
    const before = api.requests.length;
    const answer = await core.ask('What is France’s position on regulating cryptocurrencies such as Bitcoin?');
    expect(answer).toMatchObject({ kind: 'not-covered' });
    expect(answerToJson(answer).mode).toBe('extractive');
    expect(api.requests.length).toBe(before);
    expect(lastLog()).toMatchObject({ fallback: 'not-covered' });
  });

  it('streams drafts made only of verified sentences, then the verified answer', async () => {
    api.script({
      chunkSize: 7,
      reply: (request) => {
        const [main] = byContent(request);
        return (
          `La France agit : « ${wordsOf(request, main, 6)} » [${main}]. Elle dit « la France refuse tout » [${main}]. ` +
          `Elle en fait un objectif prioritaire [${main}]. Elle coopère aux capacités des pays [${main}].`
        );
      },
    });
    const drafts: string[] = [];
    const answer = await core.ask(FR, { onDraft: (text) => drafts.push(text) });
    expect(api.requests[api.requests.length - 1]?.body.stream).toBe(true);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm' });
    expectVerified(answer);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    for (const [i, draft] of drafts.entries()) {
      expect(draft).not.toContain('refuse');
      expect(answerText(answer).startsWith(draft), draft).toBe(true);
      if (i > 0) expect(draft.length).toBeGreaterThan(drafts[i - 1]?.length ?? 0);
    }
  });

  it('falls back when a stream never starts', async () => {
    api.script({ hang: true });
    const drafts: string[] = [];
    const answer = await core.ask(FR, { onDraft: (text) => drafts.push(text) });
    expect(answer).toMatchObject({ kind: 'answered', mode: 'extractive' });
    expect(drafts).toEqual([]);
    expect(lastLog()).toMatchObject({ fallback: 'timeout' });
  });

  it('answers extractively when the caller gives up (signal)', async () => {
    api.script({ hang: true });
    const controller = new AbortController();
    const pending = core.ask(FR, { signal: controller.signal });
    await vi.waitFor(() => expect(api.requests[api.requests.length - 1]?.body.messages).toBeDefined());
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'answered', mode: 'extractive' });
    expect(lastLog()).toMatchObject({ fallback: 'aborted' });
  });

  it('answers extractively when nothing listens at LLM_BASE_URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const other = await llmCore({ url: `http://127.0.0.1:${port}/v1` });
    const answer = await other.core.ask(FR);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'extractive' });
    expect(other.logs[0]).toMatchObject({ mode: 'extractive', fallback: 'unreachable' });
  });
});
