/**
 * Cuts `text` to at most `max` UTF-16 units, ending with `…` when cut (trailing spaces before it dropped); never
 * splits a surrogate pair. Slack and Discord limits are counted in the same units.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}
