import { randomUUID } from 'node:crypto';
import type { Core } from '../core/core.js';
import { isAppError } from '../errors.js';
import type { Answer, SearchHit } from '../types.js';
import type { Metrics, Platform } from './metrics.js';
import { createQuestionGate, type QuestionGate } from './question-gate.js';

/** pino-compatible subset used for the one-line-per-question log. */
export interface ObserveLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface ObserveOptions {
  /** Label of every log line and metric, e.g. `slack`, `discord`, `web`. */
  platform: Platform;
  metrics?: Metrics;
  logger?: ObserveLogger;
  /** Shared by every platform of a process so that one shutdown stops them all; a private one otherwise. */
  gate?: QuestionGate;
}

/** A core that logs and measures each question and can be closed for shutdown. */
export type ObservedCore<C extends Core = Core> = C & {
  /** Refuses new questions (`AppError('SHUTTING_DOWN')`); those in flight go on. */
  close(): void;
  /** Resolves `true` once no question is in flight, `false` after `timeoutMs` milliseconds. */
  drain(timeoutMs: number): Promise<boolean>;
};

/** Longest part of a question kept in a log line. */
const LOGGED_QUESTION_CHARS = 300;
const TOP_SCORES = 3;

const round = (score: number): number => Number(score.toFixed(4));
const errorCode = (error: unknown): string => (isAppError(error) ? error.code : 'INTERNAL');

/** Facts of an answer worth a log line: never the answer text, only ids and scores. */
function describeAnswer(answer: Answer): Record<string, unknown> {
  const mode: unknown = Reflect.get(answer, 'mode');
  const facts: Record<string, unknown> = typeof mode === 'string' ? { mode } : {};
  if (answer.kind === 'not-covered') {
    return { ...facts, abstained: true, topScores: answer.seeAlso.slice(0, TOP_SCORES).map((hit) => round(hit.score)), citations: [] };
  }
  return { ...facts, abstained: false, citations: answer.citations.map((citation) => citation.passageId) };
}

function describeHits(hits: readonly SearchHit[]): Record<string, unknown> {
  return { topScores: hits.slice(0, TOP_SCORES).map((hit) => round(hit.score)), results: hits.map((hit) => hit.passage.id) };
}

/**
 * Wraps `core` so that each `ask` / `search` writes one JSON log line (request id, platform, latency in ms, top scores,
 * cited passage ids, abstained, mode, error code — the question itself but never answer text or credentials) and
 * updates `metrics`. Extra `ask` arguments pass through unchanged.
 */
export function observeCore<C extends Core>(core: C, options: ObserveOptions): ObservedCore<C> {
  const { platform, metrics, logger } = options;
  const gate = options.gate ?? createQuestionGate();

  async function observe<T>(
    kind: 'ask' | 'search',
    question: unknown,
    run: () => Promise<T>,
    facts: (value: T) => Record<string, unknown>,
  ): Promise<T> {
    const requestId = randomUUID();
    const started = performance.now();
    const base = { requestId, platform, kind, question: typeof question === 'string' ? question.slice(0, LOGGED_QUESTION_CHARS) : '' };
    let release: (() => void) | undefined;
    try {
      release = gate.enter();
      const value = await run();
      const seconds = (performance.now() - started) / 1000;
      const described = facts(value);
      if (kind === 'ask') metrics?.recordAnswer(platform, seconds, described['abstained'] === true);
      logger?.info({ ...base, latencyMs: Math.round(seconds * 10_000) / 10, ...described }, 'question');
      return value;
    } catch (error: unknown) {
      const code = errorCode(error);
      metrics?.recordError(platform, code);
      logger?.warn({ ...base, latencyMs: Math.round(performance.now() - started), error: code }, 'question failed');
      throw error;
    } finally {
      release?.();
    }
  }

  return {
    ...core,
    ask: (...args: Parameters<Core['ask']>) => observe('ask', args[0], () => core.ask(...args), describeAnswer),
    search: (...args: Parameters<Core['search']>) => observe('search', args[0], () => core.search(...args), describeHits),
    close: () => gate.close(),
    drain: (timeoutMs: number) => gate.drain(timeoutMs),
  };
}
