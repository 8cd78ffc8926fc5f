import { answerText, refusalText, type Answer, type Citation, type SearchHit } from '../../src/index.js';
import { LIMITS, fit, section, type ButtonElement, type SlackBlock, type SlackMessage } from './blocks.js';
import { ACTION_HELPFUL, ACTION_NOT_HELPFUL, ACTION_SHARE, encodeFeedbackValue } from './feedback-value.js';
import { ANSWER_LEAD, paragraphMark, placeLabel, sourceUrl, whereParts } from '../shared/citation-text.js';
import { quoteLines, safe } from './mrkdwn.js';

export interface FormatOptions {
  /** Add helpful / not-helpful buttons (default true). */
  feedback?: boolean;
  /** Add a "Share to channel" button (for ephemeral slash-command replies). */
  share?: boolean;
  /** The id the shown answer is kept under, so that Share posts this very answer. */
  shareId?: string;
  /** Base URL of the web server (no trailing slash): each source's lines link to its source-viewer page. */
  publicUrl?: string;
}

const LABELS = {
  fr: {
    more: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''} source${n > 1 ? 's' : ''} non affichée${n > 1 ? 's' : ''}.`,
    helpful: '👍 Utile',
    notHelpful: '👎 Pas utile',
    share: 'Partager dans le canal',
    seeAlso: '*Passages les plus proches* (pour information, ils ne répondent pas à la question) :',
  },
  en: {
    more: (n: number) => `… and ${n} more source${n > 1 ? 's' : ''} not shown.`,
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    share: 'Share to channel',
    seeAlso: '*Nearest passages* (for browsing only; they do not answer the question):',
  },
} as const;

/** Where a quote stands (line range, and page for a PDF), as a `<url|label>` link to the source viewer when a public URL is known. */
function placeLink(place: { doc: string; lines: [number, number]; page?: number | undefined }, lang: 'fr' | 'en', publicUrl: string | undefined): string {
  const label = safe(placeLabel(place.lines, lang, place.page), 100);
  const url = sourceUrl(publicUrl, place.doc, place.lines);
  return url === undefined ? label : `<${url}|${label}>`;
}

/** One quote, once, as a quote; its source under it: title, section, paragraph, linked lines, date. */
function sourceBlock(c: Citation, lang: 'fr' | 'en', publicUrl: string | undefined): SlackBlock {
  const where = whereParts(c).map((part) => safe(part, 300));
  const source = `[${c.n}] *${safe(c.title, 300)}* · ${[...where, placeLink(c, lang, publicUrl)].join(' · ')}`;
  const quote = quoteLines(safe(c.quote, Math.min(LIMITS.quote, LIMITS.sectionText - source.length - 20)));
  return section(`${quote}\n${source}`);
}

function seeAlsoBlock(hit: SearchHit, lang: 'fr' | 'en', publicUrl: string | undefined): SlackBlock {
  const p = hit.passage;
  const sectionPath = p.section.join(' › ');
  const where = [sectionPath, paragraphMark(sectionPath, p.label)].filter((part) => part.trim() !== '').map((part) => safe(part, 300));
  const meta = [...where, placeLink({ ...p, page: hit.page }, lang, publicUrl)].join(' · ');
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
      value: encodeFeedbackValue({
        question: answer.query,
        citations: [],
        ...(options.shareId === undefined ? {} : { answerId: options.shareId }),
      }),
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
  const fallback = safe(answerText(answer), LIMITS.fallbackText);
  const actions = actionsBlock(answer, options);
  const tail: SlackBlock[] = actions === null ? [] : [actions];
  if (answer.kind === 'not-covered') {
    const head: SlackBlock[] = [section(`:information_source: ${safe(refusalText(answer), LIMITS.sectionText - 30)}`)];
    const hits = answer.seeAlso.slice(0, LIMITS.seeAlso);
    const items = hits.map((hit) => seeAlsoBlock(hit, answer.lang, options.publicUrl));
    if (items.length > 0) head.push(section(labels.seeAlso));
    return fit(fallback, head, items, tail, labels.more);
  }
  // An extractive answer's text is its quotes, shown below with their sources; a model's answer is its own prose.
  const lead =
    answer.mode === 'extractive' ? ANSWER_LEAD[answer.confidence][answer.lang] : safe(answerText(answer), LIMITS.sectionText);
  const head: SlackBlock[] = [section(lead)];
  const items = answer.citations.map((c) => sourceBlock(c, answer.lang, options.publicUrl));
  return fit(fallback, head, items, tail, labels.more);
}
