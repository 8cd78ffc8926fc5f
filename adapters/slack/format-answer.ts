import { citationPath, type Answer, type Citation, type SearchHit } from '../../src/index.js';
import { LIMITS, context, fit, section, type ButtonElement, type SlackBlock, type SlackMessage } from './blocks.js';
import { ACTION_HELPFUL, ACTION_NOT_HELPFUL, ACTION_SHARE, encodeFeedbackValue } from './feedback-value.js';
import { quoteLines, safe, truncate } from './mrkdwn.js';

export interface FormatOptions {
  /** Add helpful / not-helpful buttons (default true). */
  feedback?: boolean;
  /** Add a "Share to channel" button (for ephemeral slash-command replies). */
  share?: boolean;
  /** Base URL of the web server (no trailing slash): each source's lines link to its source-viewer page. */
  publicUrl?: string;
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
