import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftThrottle, DEFAULT_DRAFT_INTERVAL_MS } from '../../src/index.js';

/** A send whose calls stay in flight until released, recording what was sent and whether two overlapped. */
function controlledSend() {
  const sent: string[] = [];
  const releases: (() => void)[] = [];
  let active = 0;
  let overlapped = false;
  const send = (text: string): Promise<void> => {
    sent.push(text);
    active += 1;
    if (active > 1) overlapped = true;
    return new Promise<void>((resolve) =>
      releases.push(() => {
        active -= 1;
        resolve();
      }),
    );
  };
  const releaseAll = async (): Promise<void> => {
    while (releases.length > 0) releases.shift()?.();
    await Promise.resolve();
  };
  return { sent, send, releaseAll, overlapped: () => overlapped, pending: () => releases.length };
}

/** Lets promise callbacks (the throttle's `finally`) run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => {
  vi.useRealTimers();
});

describe('createDraftThrottle', () => {
  it('sends the first draft at once and only the latest of those offered while a send is in flight', async () => {
    const io = controlledSend();
    const throttle = createDraftThrottle({ intervalMs: 0, send: io.send });
    throttle.push('a');
    expect(io.sent).toEqual(['a']);
    throttle.push('a b');
    throttle.push('a b c');
    expect(io.sent).toEqual(['a']);
    await io.releaseAll();
    await vi.waitFor(() => expect(io.sent).toEqual(['a', 'a b c']));
    await io.releaseAll();
    await throttle.finish();
    expect(io.overlapped()).toBe(false);
  });

  it('waits a full interval between the starts of two sends (default 1200 ms)', async () => {
    vi.useFakeTimers();
    const io = controlledSend();
    const throttle = createDraftThrottle({ send: io.send });
    throttle.push('one');
    await io.releaseAll();
    await settle();
    throttle.push('two');
    throttle.push('two three');
    vi.advanceTimersByTime(DEFAULT_DRAFT_INTERVAL_MS - 1);
    expect(io.sent).toEqual(['one']);
    vi.advanceTimersByTime(1);
    expect(io.sent).toEqual(['one', 'two three']);
    await io.releaseAll();
    await throttle.finish();
  });

  it('finish() drops a waiting draft, waits for the send in flight, and nothing is sent afterwards', async () => {
    vi.useFakeTimers();
    const io = controlledSend();
    const throttle = createDraftThrottle({ intervalMs: 1000, send: io.send });
    throttle.push('first');
    throttle.push('waiting');
    let finished = false;
    const finishing = throttle.finish().then(() => (finished = true));
    await settle();
    expect(finished).toBe(false);
    await io.releaseAll();
    await finishing;
    expect(finished).toBe(true);
    throttle.push('too late');
    vi.advanceTimersByTime(10_000);
    await settle();
    expect(io.sent).toEqual(['first']);
    expect(io.pending()).toBe(0);
  });

  it('finish() resolves at once when nothing is in flight', async () => {
    const throttle = createDraftThrottle({ send: () => undefined });
    await expect(throttle.finish()).resolves.toBeUndefined();
  });

  it('reports a failed send and keeps sending later drafts', async () => {
    const errors: unknown[] = [];
    const sent: string[] = [];
    const throttle = createDraftThrottle({
      intervalMs: 0,
      send: async (text) => {
        sent.push(text);
        if (text === 'bad') throw new Error('refused');
      },
      onError: (error) => errors.push(error),
    });
    throttle.push('bad');
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    throttle.push('good');
    await vi.waitFor(() => expect(sent).toEqual(['bad', 'good']));
    await throttle.finish();
    expect(errors).toHaveLength(1);
  });

  it('survives a reporter that throws', async () => {
    const sent: string[] = [];
    const throttle = createDraftThrottle({
      intervalMs: 0,
      send: async (text) => {
        sent.push(text);
        throw new Error('refused');
      },
      onError: () => {
        throw new Error('reporter broke');
      },
    });
    throttle.push('x');
    await throttle.finish();
    throttle.push('y');
    expect(sent).toEqual(['x']);
  });
});
