/** Every failure the core can report. Expected outcomes (nothing relevant found) are values, not errors. */
export type AppErrorCode =
  | 'BAD_INPUT'
  | 'BAD_CONFIG'
  | 'SEEDS_MISSING'
  | 'INDEX_MISSING'
  | 'INDEX_STALE'
  | 'INDEX_CORRUPT'
  /** Another process holds the build lock and did not finish in time. */
  | 'INDEX_BUSY'
  /** The index folder cannot be written (no space left, read-only, no permission). */
  | 'INDEX_WRITE'
  | 'MODEL_UNAVAILABLE'
  | 'UPSTREAM'
  /** The process is shutting down and takes no new question. */
  | 'SHUTTING_DOWN'
  /** A call outlived its deadline (the core, or a chat platform's response window); its late result is dropped. */
  | 'TIMEOUT'
  | 'INTERNAL';

/** The one error class of the project: a string code for programs, a short message fit for a user. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A short, stack-free sentence for any thrown value. */
export function describeError(error: unknown): string {
  if (isAppError(error)) return error.message;
  return 'An internal error occurred.';
}

/** The `code` of a Node.js system error (`ENOSPC`, `EEXIST`…), undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
