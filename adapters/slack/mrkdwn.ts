/** Text helpers for Slack mrkdwn: escaping, length limits, quoting. */

const MENTION_WORDS = /@(channel|here|everyone)\b/gi;

/**
 * Escapes text for Slack mrkdwn: `&`, `<`, `>` become entities (so no `<!channel>`, `<@U…>` or link
 * syntax survives) and bare `@channel` / `@here` / `@everyone` get a zero-width space so they never ping.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MENTION_WORDS, '@\u200B$1');
}

/** Escapes then truncates, never leaving a half entity such as `&am`. */
export function safe(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
