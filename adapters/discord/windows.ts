import type { RateLimitData } from 'discord.js';

/** Discord's response windows, in ms. */
export const WINDOW = {
  /** An interaction must be acknowledged (deferred or replied to) within 3 s of being sent, or it is lost. */
  respondMs: 3000,
  /** Its token, and so every edit of the deferred reply, lasts 15 minutes. */
  editMs: 15 * 60_000,
} as const;

/** What the bot allows itself of the 3 s: the interaction spent some of them reaching it. */
export const RESPOND_BUDGET_MS = 2500;

const CALLBACK_ROUTE = '/interactions/:id/:token/callback';
const WEBHOOK_ROUTE = '/webhooks/';

/**
 * discord.js's `rejectOnRateLimit`: a rate-limit wait that would outlast the window of the call fails at once
 * (`RateLimitError`) rather than sending a reply Discord no longer takes — or a stale one. Other routes wait as usual.
 */
export function outlastsWindow(limit: Pick<RateLimitData, 'route' | 'retryAfter' | 'timeToReset'>): boolean {
  const wait = Math.max(limit.retryAfter, limit.timeToReset);
  if (limit.route === CALLBACK_ROUTE) return wait >= RESPOND_BUDGET_MS;
  if (limit.route.startsWith(WEBHOOK_ROUTE)) return wait >= WINDOW.editMs;
  return false;
}
