/** Chat platforms allow about one edit per second on a message; a little slower leaves room for the final one. */
export const DEFAULT_DRAFT_INTERVAL_MS = 1200;

export interface DraftThrottleOptions {
  /** Shortest time between the starts of two sends, in milliseconds (default {@link DEFAULT_DRAFT_INTERVAL_MS}). */
  intervalMs?: number;
  /** Shows one draft (posts or edits a message). Never called twice at once. */
  send: (text: string) => Promise<unknown> | void;
  /** Told about a failed send; drafts are best effort, so later drafts are still sent. */
  onError?: (error: unknown) => void;
}

export interface DraftThrottle {
  /** Offers the latest draft: sent at once when the interval allows, otherwise it replaces any draft still waiting. */
  push(text: string): void;
  /** Drops any waiting draft and waits for a send in flight; nothing is sent afterwards, so the final message lands last. */
  finish(): Promise<void>;
}

/** Coalesces a stream of drafts into at most one send per interval, the latest draft winning. */
export function createDraftThrottle(options: DraftThrottleOptions): DraftThrottle {
  const intervalMs = Math.max(0, options.intervalMs ?? DEFAULT_DRAFT_INTERVAL_MS);
  let waiting: string | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let finished = false;

  function schedule(): void {
    if (finished || waiting === undefined || inFlight !== undefined || timer !== undefined) return;
    const wait = lastStart + intervalMs - Date.now();
    if (wait <= 0) {
      sendWaiting();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      schedule();
    }, wait);
  }

  function sendWaiting(): void {
    const text = waiting;
    if (text === undefined) return;
    waiting = undefined;
    lastStart = Date.now();
    inFlight = (async () => {
      try {
        await options.send(text);
      } catch (error) {
        try {
          options.onError?.(error);
        } catch {
          // A failing reporter must not turn into an unhandled rejection.
        }
      }
    })().finally(() => {
      inFlight = undefined;
      schedule();
    });
  }

  return {
    push(text) {
      if (finished) return;
      waiting = text;
      schedule();
    },
    async finish() {
      finished = true;
      waiting = undefined;
      clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
