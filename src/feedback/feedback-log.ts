import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One helpful / not-helpful vote on an answer. */
export interface FeedbackEntry {
  platform: 'slack' | 'discord' | 'web';
  userId: string;
  verdict: 'helpful' | 'not-helpful';
  question: string;
  /** Ids of the cited passages (`<doc>#<start>-<end>`). */
  citations: string[];
}

export interface FeedbackLog {
  record(entry: FeedbackEntry): Promise<void>;
  readonly path: string;
}

/**
 * Append-only JSON Lines log of votes, shared by every platform.
 * One `appendFile` per vote keeps each line whole even with concurrent writers in one process.
 */
export function createFeedbackLog(path: string, now: () => Date = () => new Date()): FeedbackLog {
  let ready: Promise<unknown> | undefined;
  return {
    path,
    async record(entry) {
      // A folder that could not be made (disk full, a file in the way) is tried again at the next vote, not given up.
      ready ??= mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      const line = JSON.stringify({ at: now().toISOString(), ...entry });
      await appendFile(path, line + '\n', 'utf8');
    },
  };
}
