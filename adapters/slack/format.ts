import { citationPath, type Answer, type Citation, type SearchHit } from '../../src/index.js';

/** Slack Block Kit limits this module stays within. */
export const LIMITS = {
  sectionText: 3000,
  blocks: 50,
  /** Budget for all visible text plus button values of one message. */
  totalChars: 12_000,
  buttonValue: 2000,
  fallbackText: 2000,
  /** Longest quote shown in a source; longer ones end with an ellipsis. */
  quote: 1500,
  /** Longest excerpt shown for a see-also passage. */
  excerpt: 300,
  /** Question length kept in button values. */
  valueQuestion: 1000,
  /** Cited passage ids kept in button values. */
  valueCitations: 10,
  seeAlso: 5,
} as const;

export const ACTION_HELPFUL = 'feedback_helpful';
export const ACTION_NOT_HELPFUL = 'feedback_not_helpful';
export const ACTION_SHARE = 'share_answer';

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
}
export type SlackBlock =
  | { type: 'section'; block_id?: string; text: MrkdwnText }
  | { type: 'divider' }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; block_id?: string; elements: ButtonElement[] };

/** A ready-to-post message: `text` is the notification / accessibility fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export interface FormatOptions {
  /** Add helpful / not-helpful buttons (default true). */
  feedback?: boolean;
  /** Add a "Share to channel" button (for ephemeral slash-command replies). */
  share?: boolean;
  /** Base URL of the web server (no trailing slash): each source's lines link to its source-viewer page. */
  publicUrl?: string;
}

/** What a feedback button carries: the question and the cited passage ids. */
export interface FeedbackValue {
  question: string;
  citations: string[];
}

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

/** Cuts `text` to at most `max` characters, ending with `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Escapes then truncates, never leaving a half entity such as `&am`. */
function safe(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

const LABELS = {
  fr: {
    sources: 'Sources',
    lines: 'lignes',
    dates: 'Documents',
    more: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''} source${n > 1 ? 's' : ''} non affichée${n > 1 ? 's' : ''}.`,
    helpful: '👍 Utile',
    notHelpful: '👎 Pas utile',
    share: 'Partager dans le canal',
    seeAlso: '*Passages les plus proches* (pour information, ils ne répondent pas à la question) :',
  },
  en: {
    sources: 'Sources',
    lines: 'lines',
    dates: 'Documents',
    more: (n: number) => `… and ${n} more source${n > 1 ? 's' : ''} not shown.`,
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    share: 'Share to channel',
    seeAlso: '*Nearest passages* (for browsing only; they do not answer the question):',
  },
} as const;

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) }] };
}

function lineRange(lines: readonly [number, number], word: string): string {
  return lines[0] === lines[1] ? `${word} ${lines[0]}` : `${word} ${lines[0]}–${lines[1]}`;
}

/** The line range, as a `<url|label>` link to the source viewer when a public URL is known. */
function linesLink(doc: string, lines: readonly [number, number], lang: 'fr' | 'en', publicUrl: string | undefined): string {
  const label = safe(lineRange(lines, LABELS[lang].lines), 100);
  return publicUrl === undefined ? label : `<${publicUrl}${citationPath(doc, lines)}|${label}>`;
}

function sourceBlock(c: Citation, lang: 'fr' | 'en', publicUrl: string | undefined): SlackBlock {
  const where = [c.section, c.paragraph].filter((part) => part.trim() !== '').map((part) => safe(part, 300));
  const meta = [...where, linesLink(c.doc, c.lines, lang, publicUrl)].join(' · ');
  const head = `*[${c.n}] ${safe(c.title, 300)}*\n${meta}\n`;
  const quote = quoteLines(safe(c.quote, Math.min(LIMITS.quote, LIMITS.sectionText - head.length - 20)));
  return section(head + quote);
}

function seeAlsoBlock(hit: SearchHit, lang: 'fr' | 'en', publicUrl: string | undefined): SlackBlock {
  const p = hit.passage;
  const where = [p.section.join(' › '), p.label].filter((part) => part.trim() !== '').map((part) => safe(part, 300));
  const meta = [...where, linesLink(p.doc, p.lines, lang, publicUrl)].join(' · ');
  return section(`• *${safe(hit.title, 300)}* — ${meta}\n${quoteLines(safe(p.text, LIMITS.excerpt))}`);
}

/** Compact JSON for a button value, always ≤ 2000 characters. */
export function encodeFeedbackValue(value: FeedbackValue): string {
  const q = truncate(value.question, LIMITS.valueQuestion);
  const ids: string[] = [];
  for (const id of value.citations.slice(0, LIMITS.valueCitations)) {
    const next = JSON.stringify({ q, c: [...ids, id] });
    if (next.length > LIMITS.buttonValue) break;
    ids.push(id);
  }
  let out = JSON.stringify({ q, c: ids });
  // JSON escaping can lengthen a question; shrink it until it fits.
  let len = q.length;
  while (out.length > LIMITS.buttonValue && len > 0) {
    len = Math.floor(len * 0.8);
    out = JSON.stringify({ q: truncate(value.question, len), c: ids });
  }
  return out;
}

/** Reads a button value back; `null` when it is not one of ours. */
export function decodeFeedbackValue(raw: string | undefined): FeedbackValue | null {
  if (raw === undefined) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const q: unknown = Reflect.get(data, 'q');
  const c: unknown = Reflect.get(data, 'c');
  if (typeof q !== 'string') return null;
  const citations = Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string') : [];
  return { question: q, citations };
}

function actionsBlock(answer: Answer, options: FormatOptions): SlackBlock | null {
  const labels = LABELS[answer.lang];
  const citations = answer.kind === 'answered' ? answer.citations.map((c) => c.passageId) : [];
  const value = encodeFeedbackValue({ question: answer.query, citations });
  const elements: ButtonElement[] = [];
  if (options.share === true) {
    elements.push({
      type: 'button',
      action_id: ACTION_SHARE,
      style: 'primary',
      text: { type: 'plain_text', text: labels.share, emoji: true },
      value: encodeFeedbackValue({ question: answer.query, citations: [] }),
    });
  }
  if (options.feedback !== false) {
    elements.push(
      { type: 'button', action_id: ACTION_HELPFUL, text: { type: 'plain_text', text: labels.helpful, emoji: true }, value },
      { type: 'button', action_id: ACTION_NOT_HELPFUL, text: { type: 'plain_text', text: labels.notHelpful, emoji: true }, value },
    );
  }
  return elements.length === 0 ? null : { type: 'actions', block_id: 'diplomate_actions', elements };
}

/** Characters a message spends: every visible text plus button values and the fallback. */
export function messageSize(message: SlackMessage): number {
  let size = message.text.length;
  for (const block of message.blocks) {
    if (block.type === 'section') size += block.text.text.length;
    else if (block.type === 'context') for (const e of block.elements) size += e.text.length;
    else if (block.type === 'actions') for (const e of block.elements) size += e.text.text.length + e.value.length;
  }
  return size;
}

/** Assembles head + as many items as fit + tail, noting how many items were left out. */
function fit(
  fallback: string,
  head: SlackBlock[],
  items: SlackBlock[],
  tail: SlackBlock[],
  moreNote: (n: number) => string,
): SlackMessage {
  for (let keep = items.length; keep >= 0; keep--) {
    const dropped = items.length - keep;
    const note = dropped > 0 ? [context(moreNote(dropped))] : [];
    const message: SlackMessage = { text: fallback, blocks: [...head, ...items.slice(0, keep), ...note, ...tail] };
    if (message.blocks.length <= LIMITS.blocks && messageSize(message) <= LIMITS.totalChars) return message;
  }
  // Head and tail are bounded, so this is only reached with absurd inputs: drop the tail too.
  return { text: fallback, blocks: head.slice(0, LIMITS.blocks) };
}

/** Turns a core answer into Block Kit blocks plus a plain fallback text, within Slack's limits. */
export function formatAnswer(answer: Answer, options: FormatOptions = {}): SlackMessage {
  const labels = LABELS[answer.lang];
  const fallback = safe(answer.text, LIMITS.fallbackText);
  const actions = actionsBlock(answer, options);
  const tail: SlackBlock[] = actions === null ? [] : [actions];
  if (answer.kind === 'not-covered') {
    const head: SlackBlock[] = [section(`:information_source: ${safe(answer.text, LIMITS.sectionText - 30)}`)];
    const hits = answer.seeAlso.slice(0, LIMITS.seeAlso);
    const items = hits.map((hit) => seeAlsoBlock(hit, answer.lang, options.publicUrl));
    if (items.length > 0) head.push(section(labels.seeAlso));
    return fit(fallback, head, items, tail, labels.more);
  }
  const head: SlackBlock[] = [section(safe(answer.text, LIMITS.sectionText)), { type: 'divider' }];
  const items = answer.citations.map((c) => sourceBlock(c, answer.lang, options.publicUrl));
  const dates = new Map<string, string>();
  for (const c of answer.citations) if (!dates.has(c.doc)) dates.set(c.doc, `${safe(truncate(c.title, 120), 200)} (${safe(c.date, 20)})`);
  const dateLine = dates.size > 0 ? [context(truncate(`:date: ${labels.dates} : ${[...dates.values()].join(' · ')}`, 1000))] : [];
  return fit(fallback, head, items, [...dateLine, ...tail], labels.more);
}

/**
 * A draft shown while an LLM answer streams: the verified sentences so far, escaped like a final answer, with no
 * sources and no buttons (the final answer replaces it).
 */
export function formatDraft(text: string): SlackMessage {
  const shown = `:writing_hand: ${safe(text, LIMITS.sectionText - 20)}`;
  return { text: safe(text, LIMITS.fallbackText), blocks: [section(shown)] };
}

/** A short message for failures; `detail` is a user-safe sentence. */
export function formatError(detail: string): SlackMessage {
  const text = `:warning: ${safe(detail, 500)}`;
  return { text, blocks: [section(text)] };
}

/** Usage hint for an empty question. */
export function formatHelp(command: string): SlackMessage {
  const text =
    `Ask me a question about France's digital-diplomacy documents, e.g. \`${escapeText(command)} Quelle est la position de la France sur la gouvernance de l'Internet ?\`. ` +
    'I answer with verbatim, line-cited quotes.';
  return { text, blocks: [section(text)] };
}
