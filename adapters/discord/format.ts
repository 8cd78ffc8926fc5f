import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type MessageMentionTypes,
} from 'discord.js';
import { citationPath, type Answer, type Citation, type SearchHit } from '../../src/index.js';
import { CUSTOM_ID_MAX, customIdFor } from './button-ids.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedsTotal: 6000,
  embeds: 10,
  customId: CUSTOM_ID_MAX,
  buttonLabel: 80,
} as const;

/** A message body accepted by `reply`, `editReply`, `followUp` and `message.reply`. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** Always empty: an answer never pings anyone, whatever the documents or the question contain. */
  allowedMentions: { parse: MessageMentionTypes[] };
}

type Lang = Answer['lang'];

const COLOR_ANSWER = 0x002395; // French blue
const COLOR_NOT_COVERED = 0x808080;

const WORDS = {
  fr: {
    lines: 'lignes',
    documents: 'Documents',
    moreSources: (n: number) => `+${n} autre(s) source(s) : « Afficher les sources »`,
    showSources: 'Afficher les sources',
    helpful: 'Utile',
    notHelpful: 'Pas utile',
    seeAlso: 'Passages proches (à consulter, sans valeur de réponse)',
    sources: 'Sources complètes',
    notShown: (n: number) => `${n} autre(s) source(s) non affichée(s).`,
  },
  en: {
    lines: 'lines',
    documents: 'Documents',
    moreSources: (n: number) => `+${n} more source(s): use “Show full sources”`,
    showSources: 'Show full sources',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    seeAlso: 'Nearest passages (for browsing, not an answer)',
    sources: 'Full sources',
    notShown: (n: number) => `${n} more source(s) not shown.`,
  },
} as const;

// ---------------------------------------------------------------------------
// Text helpers

/** Cuts `text` to at most `max` UTF-16 units (never splitting a surrogate pair), ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd() + '…';
}

/** Neutralises Discord markdown so verbatim text renders as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|]/g, '\\$&').replace(/^([#>-])/gm, '\\$1');
}

function nonEmpty(text: string): string {
  return text.trim().length > 0 ? text : '—';
}

function lineRange([a, b]: [number, number], lang: Lang): string {
  return a === b ? `${WORDS[lang].lines} ${a}` : `${WORDS[lang].lines} ${a}–${b}`;
}

/** Characters Discord counts towards the 6000 limit across a message's embeds. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}

interface Slot {
  text: string;
  set: (value: string) => void;
}

function slots(embeds: APIEmbed[]): Slot[] {
  const found: Slot[] = [];
  for (const embed of embeds) {
    if (embed.title !== undefined) found.push({ text: embed.title, set: (v) => (embed.title = v) });
    if (embed.description !== undefined) found.push({ text: embed.description, set: (v) => (embed.description = v) });
    const footer = embed.footer;
    if (footer) found.push({ text: footer.text, set: (v) => (footer.text = v) });
    for (const field of embed.fields ?? []) {
      found.push({ text: field.name, set: (v) => (field.name = v) });
      found.push({ text: field.value, set: (v) => (field.value = v) });
    }
  }
  return found;
}

/**
 * Makes the embeds fit in `budget` characters: every text longer than a common "water level"
 * (title, description, footer, field names and values) is cut to it, the level being the highest
 * that fits; short texts are untouched. Trailing fields are dropped only if cutting to 60 characters
 * is not enough. Mutates and returns `embeds`.
 */
export function fitEmbeds(embeds: APIEmbed[], budget: number = LIMITS.embedsTotal): APIEmbed[] {
  const MIN = 60;
  for (;;) {
    if (embedsLength(embeds) <= budget) return embeds;
    const all = slots(embeds);
    const totalAt = (level: number): number => all.reduce((sum, slot) => sum + Math.min(slot.text.length, level), 0);
    if (totalAt(MIN) <= budget) {
      let low = MIN;
      let high = Math.max(...all.map((slot) => slot.text.length));
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (totalAt(mid) <= budget) low = mid;
        else high = mid - 1;
      }
      for (const slot of all) if (slot.text.length > low) slot.set(truncate(slot.text, low));
      return embeds;
    }
    const last = [...embeds].reverse().find((embed) => (embed.fields?.length ?? 0) > 0);
    if (last?.fields) last.fields.pop();
    else if (embeds.length > 1) embeds.pop();
    else {
      for (const slot of all) slot.set(truncate(slot.text, Math.floor(budget / Math.max(all.length, 1))));
      return embeds;
    }
  }
}

function buttons(answer: Answer, answerId: string): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const words = WORDS[answer.lang];
  const row: APIButtonComponentWithCustomId[] = [];
  if (answer.kind === 'answered' && answer.citations.length > 0) {
    row.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: words.showSources,
      custom_id: customIdFor({ action: 'sources', answerId }),
    });
  }
  row.push(
    {
      type: ComponentType.Button,
      style: ButtonStyle.Success,
      label: words.helpful,
      emoji: { name: '👍' },
      custom_id: customIdFor({ action: 'vote', verdict: 'helpful', answerId }),
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: words.notHelpful,
      emoji: { name: '👎' },
      custom_id: customIdFor({ action: 'vote', verdict: 'not-helpful', answerId }),
    },
  );
  return [{ type: ComponentType.ActionRow, components: row }];
}

// ---------------------------------------------------------------------------
// Answers

/** Options shared by the answer formatters. */
export interface FormatOptions {
  /** Base URL of the web server (no trailing slash): cited lines link to its source viewer. */
  publicUrl?: string;
}

/** `<publicUrl>/doc/<doc>#L<a>-L<b>`, or undefined without a public URL. */
export function citationUrl(publicUrl: string | undefined, doc: string, lines: [number, number]): string | undefined {
  return publicUrl === undefined ? undefined : `${publicUrl}${citationPath(doc, lines)}`;
}

/** Section · paragraph · lines, the lines as a markdown link when a URL is known; the link is never cut. */
function whereLine(parts: string[], doc: string, lines: [number, number], lang: Lang, options: FormatOptions): string {
  const url = citationUrl(options.publicUrl, doc, lines);
  const range = url === undefined ? lineRange(lines, lang) : `[${lineRange(lines, lang)}](${url})`;
  const where = parts.filter((part) => part.trim().length > 0).map(escapeMarkdown).join(' · ');
  return where === '' ? range : `${truncate(where, Math.max(60, 300 - range.length - 3))} · ${range}`;
}

function citationField(citation: Citation, lang: Lang, options: FormatOptions): APIEmbedField {
  const name = truncate(`[${citation.n}] ${citation.title}`, LIMITS.fieldName);
  const head = whereLine([citation.section, citation.paragraph], citation.doc, citation.lines, lang, options);
  const quote = truncate(`> ${escapeMarkdown(citation.quote)}`, LIMITS.fieldValue - head.length - 1);
  return { name: nonEmpty(name), value: nonEmpty(`${head}\n${quote}`) };
}

function datesFooter(citations: readonly Citation[], lang: Lang, extra?: string): string {
  const seen = new Map<string, string>();
  for (const citation of citations) {
    if (!seen.has(citation.doc)) seen.set(citation.doc, `${truncate(citation.title, 120)} (${citation.date})`);
  }
  const text = `${WORDS[lang].documents}: ${[...seen.values()].join(' ; ')}`;
  // The note about hidden sources goes first so that truncation never drops it.
  return truncate(extra ? `${extra}\n${text}` : text, LIMITS.footer);
}

/** The message for an answer. `answerId` keys the buttons (see {@link AnswerStore}). */
export function formatAnswer(answer: Answer, answerId: string, options: FormatOptions = {}): DiscordReply {
  const title = truncate(answer.query.replace(/\s+/g, ' ').trim(), LIMITS.embedTitle);
  const embed: APIEmbed = { title: nonEmpty(title) };
  if (answer.kind === 'answered') {
    embed.color = COLOR_ANSWER;
    embed.description = nonEmpty(truncate(escapeMarkdown(answer.text), LIMITS.embedDescription));
    const shown = answer.citations.slice(0, LIMITS.fields);
    embed.fields = shown.map((citation) => citationField(citation, answer.lang, options));
    const hidden = answer.citations.length - shown.length;
    if (answer.citations.length > 0) {
      embed.footer = {
        text: datesFooter(answer.citations, answer.lang, hidden > 0 ? WORDS[answer.lang].moreSources(hidden) : undefined),
      };
    }
  } else {
    embed.color = COLOR_NOT_COVERED;
    embed.description = nonEmpty(truncate(escapeMarkdown(answer.text), LIMITS.embedDescription));
    embed.fields = answer.seeAlso.slice(0, 5).map((hit) => seeAlsoField(hit, answer.lang, options));
    if (embed.fields.length > 0) embed.footer = { text: WORDS[answer.lang].seeAlso };
  }
  return {
    embeds: fitEmbeds([embed]),
    components: buttons(answer, answerId),
    allowedMentions: { parse: [] },
  };
}

function seeAlsoField(hit: SearchHit, lang: Lang, options: FormatOptions): APIEmbedField {
  const { passage } = hit;
  const name = truncate(`${hit.title} — ${passage.label}`, LIMITS.fieldName);
  const head = whereLine([passage.section.join(' › ')], passage.doc, passage.lines, lang, options);
  const snippet = truncate(`> ${escapeMarkdown(passage.text)}`, Math.min(300, LIMITS.fieldValue - head.length - 1));
  return { name: nonEmpty(name), value: nonEmpty(`${head}\n${snippet}`) };
}

/**
 * Every citation in full, one embed each, split into as many messages as the limits require
 * (at most `maxMessages`). Meant for an ephemeral reply to "Show full sources".
 */
export function formatFullSources(answer: Answer, maxMessages = 5, options: FormatOptions = {}): DiscordReply[] {
  const lang = answer.lang;
  if (answer.kind !== 'answered' || answer.citations.length === 0) {
    return [{ content: answer.text.length > 0 ? truncate(answer.text, LIMITS.content) : '—', embeds: [], components: [], allowedMentions: { parse: [] } }];
  }
  const embeds: APIEmbed[] = answer.citations.map((citation) => {
    const meta = [
      citation.section ? `**${escapeMarkdown(citation.section)}**` : '',
      [citation.paragraph, lineRange(citation.lines, answer.lang), citation.date, citation.doc]
        .filter((part) => part.length > 0)
        .map(escapeMarkdown)
        .join(' · '),
    ]
      .filter(Boolean)
      .join('\n');
    const head = truncate(meta, 600);
    const quote = truncate(`> ${escapeMarkdown(citation.quote)}`, LIMITS.embedDescription - head.length - 2);
    const url = citationUrl(options.publicUrl, citation.doc, citation.lines);
    return {
      title: truncate(`[${citation.n}] ${citation.title}`, LIMITS.embedTitle),
      ...(url === undefined ? {} : { url }),
      description: nonEmpty(`${head}\n\n${quote}`),
      color: COLOR_ANSWER,
    };
  });

  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  for (const embed of embeds) {
    const single = fitEmbeds([embed]);
    if (current.length >= LIMITS.embeds || embedsLength([...current, ...single]) > LIMITS.embedsTotal) {
      messages.push(current);
      current = [];
    }
    current.push(...single);
  }
  if (current.length > 0) messages.push(current);

  const kept = messages.slice(0, maxMessages);
  const left = messages.slice(maxMessages).reduce((sum, group) => sum + group.length, 0);
  return kept.map((group, index) => ({
    ...(index === 0 ? { content: `**${WORDS[lang].sources}**` } : {}),
    ...(index === kept.length - 1 && left > 0 ? { content: WORDS[lang].notShown(left) } : {}),
    embeds: group,
    components: [],
    allowedMentions: { parse: [] },
  }));
}

/**
 * A draft shown while an LLM answer streams: the verified sentences so far, escaped like a final answer, in an embed
 * titled like the answer's and with no buttons. It has no `content`, so the answer's embeds replace it entirely.
 */
export function formatDraft(question: string, text: string): DiscordReply {
  const title = truncate(question.replace(/\s+/g, ' ').trim(), LIMITS.embedTitle);
  const description = truncate(`✍️ ${escapeMarkdown(text)}`, LIMITS.embedDescription);
  return {
    embeds: fitEmbeds([{ title: nonEmpty(title), description: nonEmpty(description), color: COLOR_ANSWER }]),
    components: [],
    allowedMentions: { parse: [] },
  };
}

/** A short, plain error message for the user. */
export function formatError(message: string): DiscordReply {
  return {
    content: truncate(`⚠️ ${message}`, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
  };
}
