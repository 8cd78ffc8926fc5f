/** Handlers started and not yet finished, so that `stop` (and tests) can wait for them. */
export interface InFlight {
  track(work: Promise<void>): void;
  /** Resolves once every handler started so far, including ones started while waiting, has finished. */
  whenIdle(): Promise<void>;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<void>>();
  return {
    track(work) {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
    async whenIdle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
