import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, answerToJson, searchToJson, type Core } from '../../../src/index.js';
import { getTestCore } from '../../support/test-core.js';
import { BUDAPEST_FR, OFF_TOPIC, startWeb, type RunningWeb } from './running-web.js';

let core: Core;
let web: RunningWeb;

beforeAll(async () => {
  core = await getTestCore();
  web = await startWeb({ core, limits: { maxQuestionChars: 200, requestsPerMinute: 1000 } });
});
afterAll(() => web.web.stop());

const q = (text: string): string => encodeURIComponent(text);

describe('/api/ask and /api/search return the CLI JSON contracts', () => {
  it('answers with exactly answerToJson(core.ask(q))', async () => {
    const res = await web.get(`/api/ask?q=${q(BUDAPEST_FR)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/u);
    const body: unknown = await res.json();
    expect(body).toEqual(answerToJson(await core.ask(BUDAPEST_FR)));
    expect(body).toMatchObject({ abstained: false, citations: [{ doc: '004_c3f6cb5d275c60c7.txt' }] });
  });

  it('returns the abstention with its see-also list for an off-topic question', async () => {
    const body: unknown = await (await web.get(`/api/ask?q=${q(OFF_TOPIC)}`)).json();
    expect(body).toEqual(answerToJson(await core.ask(OFF_TOPIC)));
    expect(body).toMatchObject({ abstained: true, citations: [] });
  });

  it('searches with k and returns exactly searchToJson(q, core.search(q, {limit: k}))', async () => {
    const res = await web.get(`/api/search?q=${q('convention de Budapest')}&k=3`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: unknown[] };
    expect(body).toEqual(searchToJson('convention de Budapest', await core.search('convention de Budapest', { limit: 3 })));
    expect(body.results).toHaveLength(3);
  });

  it.each([
    ['/api/ask', 'empty'],
    ['/api/ask?q=', 'empty'],
    ['/api/ask?q=%20%20', 'empty'],
    [`/api/ask?q=${'a'.repeat(201)}`, 'too long (at most 200'],
    ['/api/search?q=budapest&k=0', 'k must be'],
    ['/api/search?q=budapest&k=51', 'k must be'],
    ['/api/search?q=budapest&k=abc', 'k must be'],
    ['/api/ask?q=%01%02%03', 'does not look like text'],
  ])('refuses %s with 400 and a short message', async (path, words) => {
    const res = await web.get(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_INPUT');
    expect(body.error.message).toContain(words);
  });

  it('answers 404 in JSON for an unknown API path', async () => {
    const res = await web.get('/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
});

describe('core failures', () => {
  it('maps an AppError to its status and short message, and anything else to 500 without a stack', async () => {
    const failing: Core = {
      ...core,
      ask: () => Promise.reject(new AppError('UPSTREAM', 'The language model did not answer.')),
      search: () => Promise.reject(new TypeError('secret internal detail')),
    };
    const errors: object[] = [];
    const logger = { info: () => {}, warn: () => {}, error: (obj: object) => void errors.push(obj) };
    const other = await startWeb({ core: failing, logger });
    try {
      const ask = await other.get('/api/ask?q=budapest');
      expect(ask.status).toBe(502);
      expect(await ask.json()).toEqual({ error: { code: 'UPSTREAM', message: 'The language model did not answer.' } });
      const search = await other.get('/api/search?q=budapest');
      expect(search.status).toBe(500);
      const text = await search.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'An internal error occurred.' } });
      expect(text).not.toContain('secret');
      expect(errors).toHaveLength(2);
    } finally {
      await other.web.stop();
    }
  });
});
