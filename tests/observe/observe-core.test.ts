import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerText,
  citationPath,
  createFeedbackLog,
  createMetrics,
  createQuestionGate,
  observeCore,
  observeFeedback,
  type Core,
  type ObserveLogger,
} from '../../src/index.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestCore } from '../support/test-core.js';

const ANSWERED = 'Combien de pays ont ratifié la Convention de Budapest ?';
const NOT_COVERED = 'What is France’s position on regulating cryptocurrencies such as Bitcoin?';

interface Line {
  level: 'info' | 'warn';
  obj: Record<string, unknown>;
  msg: string | undefined;
}

function recorder(): { logger: ObserveLogger; lines: Line[] } {
  const lines: Line[] = [];
  const push = (level: Line['level']) => (obj: object, msg?: string) => lines.push({ level, obj: { ...obj }, msg });
  return { logger: { info: push('info'), warn: push('warn') }, lines };
}

/** The real core, with `ask` held until `release()` is called: questions stay in flight as long as a test needs. */
function heldCore(core: Core): { core: Core; release: () => void; started: Promise<void> } {
  let release = (): void => {};
  let markStarted = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    core: {
      ...core,
      ask: async (...args) => {
        markStarted();
        await gate;
        return core.ask(...args);
      },
    },
    release: () => release(),
    started,
  };
}

/** True when `promise` has settled once pending callbacks have run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  const value = await Promise.race([promise, new Promise((resolve) => setImmediate(() => resolve(pending)))]);
  return value !== pending;
}

let core: Core;
beforeAll(async () => {
  core = await getTestCore();
});

describe('observeCore', () => {
  it('exposes the question, latency, abstention, error and feedback series in Prometheus text', async () => {
    const metrics = createMetrics();
    const slack = observeCore(core, { platform: 'slack', metrics });
    const web = observeCore(core, { platform: 'web', metrics });
    await slack.ask(ANSWERED);
    await slack.ask(NOT_COVERED);
    await web.ask(ANSWERED);
    await expect(web.ask('')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const dir = mkdtempSync(join(tmpdir(), 'diplomate-feedback-'));
    const feedback = observeFeedback(createFeedbackLog(join(dir, 'votes.jsonl')), { platform: 'discord', metrics });
    await feedback.record({ platform: 'discord', userId: 'U1', verdict: 'helpful', question: ANSWERED, citations: [] });

    const text = await metrics.render();
    expect(metrics.contentType).toMatch(/^text\/plain/u);
    expect(text).toContain('diplomate_questions_total{platform="slack"} 2');
    expect(text).toContain('diplomate_questions_total{platform="web"} 1');
    expect(text).toContain('diplomate_abstentions_total{platform="slack"} 1');
    expect(text).toContain('diplomate_answer_seconds_count{platform="slack"} 2');
    expect(text).toMatch(/diplomate_answer_seconds_bucket\{le="\+Inf",platform="web"\} 1/u);
    expect(text).toContain('diplomate_errors_total{platform="web",code="BAD_INPUT"} 1');
    expect(text).toContain('diplomate_feedback_total{platform="discord",vote="helpful"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(readFileSync(feedback.path, 'utf8')).toContain('"verdict":"helpful"');
  });

  it('logs one line per question with its facts, and never the answer text', async () => {
    const { logger, lines } = recorder();
    const observed = observeCore(core, { platform: 'discord', logger });
    const answer = await observed.ask(ANSWERED);
    const missed = await observed.ask(NOT_COVERED);
    const hits = await observed.search('NIS directive transposition', { limit: 3 });
    expect(lines).toHaveLength(3);
    expect(answer.kind).toBe('answered');
    expect(missed.kind).toBe('not-covered');
    if (answer.kind !== 'answered' || missed.kind !== 'not-covered') return;

    const [asked, abstained, searched] = lines.map((line) => line.obj);
    expect(asked).toMatchObject({ platform: 'discord', kind: 'ask', question: ANSWERED, abstained: false });
    expect(asked?.['requestId']).toMatch(/^[0-9a-f-]{36}$/u);
    expect(asked?.['latencyMs']).toBeTypeOf('number');
    expect(asked?.['citations']).toEqual(answer.citations.map((c) => c.passageId));
    expect(asked?.['mode']).toBe('extractive');
    expect(abstained).toMatchObject({ abstained: true, citations: [], topScores: missed.seeAlso.slice(0, 3).map((h) => Number(h.score.toFixed(4))) });
    expect(searched).toMatchObject({ kind: 'search', results: hits.map((h) => h.passage.id) });
    expect(new Set(lines.map((line) => line.obj['requestId'])).size).toBe(3);
    const logged = JSON.stringify(lines);
    for (const citation of answer.citations) expect(logged).not.toContain(citation.quote);
    expect(logged).not.toContain(answerText(answer));
  });

  it('logs a failure with its error code and rethrows the original error', async () => {
    const { logger, lines } = recorder();
    const observed = observeCore(core, { platform: 'web', logger });
    await expect(observed.ask('\u0000\u0001binary')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(lines).toEqual([{ level: 'warn', msg: 'question failed', obj: expect.objectContaining({ error: 'BAD_INPUT', platform: 'web' }) }]);
  });

  it('passes extra ask arguments through unchanged', async () => {
    const seen: unknown[][] = [];
    const recording: Core = { ...core, ask: (...args) => (seen.push(args), core.ask(...args)) };
    const signal = new AbortController().signal;
    await observeCore(recording, { platform: 'web' }).ask(ANSWERED, { signal });
    expect(seen).toEqual([[ANSWERED, { signal }]]);
  });

  it('drain waits for questions in flight; a closed core refuses new ones but finishes the others', async () => {
    const metrics = createMetrics();
    const gate = createQuestionGate();
    const held = heldCore(core);
    const slack = observeCore(held.core, { platform: 'slack', metrics, gate });
    const web = observeCore(core, { platform: 'web', metrics, gate });
    const inFlight = slack.ask(ANSWERED);
    await held.started;
    expect(gate.inFlight).toBe(1);

    const drained = slack.drain(120_000);
    expect(await isSettled(drained)).toBe(false);
    expect(await slack.drain(1)).toBe(false);

    web.close(); // one gate: closing any platform closes them all
    await expect(slack.ask(ANSWERED)).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    await expect(web.search(ANSWERED)).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    expect(await isSettled(drained)).toBe(false);

    held.release();
    expect((await inFlight).kind).toBe('answered');
    expect(await drained).toBe(true);
    expect(gate.inFlight).toBe(0);
    expect(await web.drain(1)).toBe(true);
    const text = await metrics.render();
    expect(text).toContain('diplomate_errors_total{platform="slack",code="SHUTTING_DOWN"} 1');
    expect(text).toContain('diplomate_questions_total{platform="slack"} 1');
  });

  it('keeps the other members of the core', () => {
    const observed = observeCore(core, { platform: 'web' });
    expect(observed.info).toBe(core.info);
    expect(observed.documents).toBe(core.documents);
  });
});

describe('citationPath', () => {
  it('points to the source viewer with a line-range fragment', () => {
    expect(citationPath('004_c3f6cb5d275c60c7.txt', [602, 603])).toBe('/doc/004_c3f6cb5d275c60c7.txt#L602-L603');
    expect(citationPath('a b#?.txt', [1, 1])).toBe('/doc/a%20b%23%3F.txt#L1-L1');
  });
});
