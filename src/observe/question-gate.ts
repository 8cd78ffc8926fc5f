import { AppError } from '../errors.js';

/** Counts questions in flight, so a shutdown can refuse new ones and wait for the others. */
export interface QuestionGate {
  /** Admits one question and returns its release function; throws `AppError('SHUTTING_DOWN')` once closed. */
  enter(): () => void;
  /** Refuses every question from now on. */
  close(): void;
  /** Resolves `true` when no question is in flight, or `false` after `timeoutMs` milliseconds. */
  drain(timeoutMs: number): Promise<boolean>;
  readonly closed: boolean;
  readonly inFlight: number;
}

/** One gate is shared by every platform of a process, so one `close()` stops them all. */
export function createQuestionGate(): QuestionGate {
  let closed = false;
  let inFlight = 0;
  const idle = new Set<() => void>();
  const release = (): void => {
    inFlight -= 1;
    if (inFlight === 0) for (const wake of [...idle]) wake();
  };
  return {
    get closed() {
      return closed;
    },
    get inFlight() {
      return inFlight;
    },
    enter() {
      if (closed) throw new AppError('SHUTTING_DOWN', 'The service is restarting; please ask again in a moment.');
      inFlight += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        release();
      };
    },
    close() {
      closed = true;
    },
    drain(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const finish = (drained: boolean): void => {
          clearTimeout(timer);
          idle.delete(wake);
          resolve(drained);
        };
        const wake = (): void => finish(true);
        const timer = setTimeout(() => finish(false), timeoutMs);
        timer.unref();
        idle.add(wake);
      });
    },
  };
}
