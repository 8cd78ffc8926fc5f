/** Small guards around deliveries: retry de-duplication, time limits, mention stripping. */

/** A set that forgets its oldest entries past `max`. */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly max: number) {}
  has(key: string): boolean {
    return this.items.has(key);
  }
  add(key: string): void {
    this.items.delete(key);
    this.items.add(key);
    while (this.items.size > this.max) {
      const oldest = this.items.values().next();
      if (oldest.done === true) break;
      this.items.delete(oldest.value);
    }
  }
  /** Adds `key`; false when it was already there. */
  claim(key: string): boolean {
    if (this.items.has(key)) return false;
    this.add(key);
    return true;
  }
  /** Gives a claim back (the work it guarded failed and may be tried again). */
  release(key: string): void {
    this.items.delete(key);
  }
}

export class TimeoutError extends Error {}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError('timeout')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Removes `<@U…>` mentions (the bot's and others') and trims. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True the first time an event (by id, and by channel + ts) is seen. */
export function firstDelivery(seen: BoundedSet, eventId: string | undefined, channel: string, ts: string): boolean {
  const byId = eventId === undefined ? true : seen.claim(`event:${eventId}`);
  const byTs = seen.claim(`msg:${channel}:${ts}`);
  return byId && byTs;
}
