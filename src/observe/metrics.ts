import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Where a question came from; free-form so new adapters need no change here. */
export type Platform = string;

/** The service's counters, in one private registry (never prom-client's global one, so tests stay isolated). */
export interface Metrics {
  readonly registry: Registry;
  /** `Content-Type` of {@link Metrics.render}'s output (Prometheus text format). */
  readonly contentType: string;
  /** Every series, default process metrics included, in Prometheus text format. */
  render(): Promise<string>;
  /** One answered or abstained question and its latency in seconds. */
  recordAnswer(platform: Platform, seconds: number, abstained: boolean): void;
  /** One failed or refused question, by error code. */
  recordError(platform: Platform, code: string): void;
  /** One helpful / not-helpful vote. */
  recordFeedback(platform: Platform, vote: string): void;
}

/** Extractive answers take milliseconds, LLM answers seconds: buckets span both. */
export const ANSWER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

/** Creates the metrics of one process: questions, answer latency, abstentions, errors, feedback and process defaults. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const questions = new Counter({ name: 'diplomate_questions_total', help: 'Questions asked, by platform.', labelNames: ['platform'], registers });
  const latency = new Histogram({
    name: 'diplomate_answer_seconds',
    help: 'Time to answer a question (seconds), by platform.',
    labelNames: ['platform'],
    buckets: ANSWER_BUCKETS,
    registers,
  });
  const abstentions = new Counter({
    name: 'diplomate_abstentions_total',
    help: 'Questions answered "not covered", by platform.',
    labelNames: ['platform'],
    registers,
  });
  const errors = new Counter({
    name: 'diplomate_errors_total',
    help: 'Questions that failed or were refused, by platform and error code.',
    labelNames: ['platform', 'code'],
    registers,
  });
  const feedback = new Counter({
    name: 'diplomate_feedback_total',
    help: 'Helpful / not-helpful votes, by platform.',
    labelNames: ['platform', 'vote'],
    registers,
  });
  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    recordAnswer(platform, seconds, abstained) {
      questions.inc({ platform });
      latency.observe({ platform }, seconds);
      if (abstained) abstentions.inc({ platform });
    },
    recordError(platform, code) {
      errors.inc({ platform, code });
    },
    recordFeedback(platform, vote) {
      feedback.inc({ platform, vote });
    },
  };
}
