import { AppError } from '../../src/index.js';

/**
 * `work`, or `AppError('TIMEOUT', message)` once `ms` have passed: the one deadline of the adapters, for the core and
 * for every platform call tied to a response window. The late result is dropped; `onTimeout` may stop the work
 * (abort an LLM call). `message` is what the user reads, in their language.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, message: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new AppError('TIMEOUT', message));
    }, ms);
  });
  // A late rejection of `work` must not become an unhandled one once the deadline has won.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** True for the error {@link withDeadline} rejects with. */
export function isTimeout(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'TIMEOUT';
}
