/** The store's answer, or `fallback` — the safe reading — when it cannot decide; `onFailure` says why (a log line). */
export async function orSafe<T>(work: Promise<T>, fallback: T, onFailure: (error: unknown) => void): Promise<T> {
  try {
    return await work;
  } catch (error: unknown) {
    onFailure(error);
    return fallback;
  }
}
