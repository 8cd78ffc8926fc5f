/** Durations in seconds, for the TTLs the adapters choose. */
export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
