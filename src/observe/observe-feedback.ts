import type { FeedbackLog } from '../feedback/feedback-log.js';
import type { Metrics, Platform } from './metrics.js';

/** Wraps a feedback log so that each vote recorded also counts in `diplomate_feedback_total{platform,vote}`. */
export function observeFeedback(feedback: FeedbackLog, options: { platform: Platform; metrics: Metrics }): FeedbackLog {
  return {
    path: feedback.path,
    async record(entry) {
      // Counted as received, before the write: a vote is cast even if the log refuses it (that failure is logged).
      options.metrics.recordFeedback(options.platform, entry.verdict);
      await feedback.record(entry);
    },
  };
}
