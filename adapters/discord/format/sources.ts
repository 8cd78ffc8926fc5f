import type { APIEmbed, APIEmbedField } from 'discord.js';
import { answerText, type Answer, type Citation, type SearchHit } from '../../../src/index.js';
import { LIMITS, embedsLength, escapeMarkdown, fitEmbeds, nonEmpty, truncate, type DiscordReply } from './limits.js';
import { paragraphMark, placeLabel, sourceUrl } from '../../shared/citation-text.js';
import { whereLine, type FormatOptions } from './links.js';
import { COLOR_ANSWER, WORDS, type Lang } from './words.js';

/** One nearest passage under a "not covered" answer: where it is and a short snippet. */
export function seeAlsoField(hit: SearchHit, lang: Lang, options: FormatOptions): APIEmbedField {
  const { passage } = hit;
  const section = passage.section.join(' › ');
  const name = truncate(hit.title, LIMITS.fieldName);
  const head = whereLine([section, paragraphMark(section, passage.label)], { ...passage, page: hit.page }, lang, options);
  const snippet = truncate(`> ${escapeMarkdown(passage.text)}`, Math.min(300, LIMITS.fieldValue - head.length - 1));
  return { name: nonEmpty(name), value: nonEmpty(`${head}\n${snippet}`) };
}

/** One citation in full: title (linked when a URL is known), section, paragraph, lines, date, doc, quote. */
function sourceEmbed(citation: Citation, lang: Lang, options: FormatOptions): APIEmbed {
  const meta = [
    citation.section ? `**${escapeMarkdown(citation.section)}**` : '',
    [paragraphMark(citation.section, citation.paragraph), placeLabel(citation.lines, lang, citation.page), citation.date, citation.doc]
      .filter((part) => part.length > 0)
      .map(escapeMarkdown)
      .join(' · '),
  ]
    .filter(Boolean)
    .join('\n');
  const head = truncate(meta, 600);
  const quote = truncate(`> ${escapeMarkdown(citation.quote)}`, LIMITS.embedDescription - head.length - 2);
  const url = sourceUrl(options.publicUrl, citation.doc, citation.lines);
  return {
    title: truncate(`[${citation.n}] ${citation.title}`, LIMITS.embedTitle),
    ...(url === undefined ? {} : { url }),
    description: nonEmpty(`${head}\n\n${quote}`),
    color: COLOR_ANSWER,
  };
}

/** Packs embeds, in order, into as few messages as Discord's per-message limits allow. */
function groupIntoMessages(embeds: readonly APIEmbed[]): APIEmbed[][] {
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
  return messages;
}

/**
 * Every citation in full, one embed each, split into as many messages as the limits require
 * (at most `maxMessages`). Meant for an ephemeral reply to "Show full sources".
 */
export function formatFullSources(answer: Answer, maxMessages = 5, options: FormatOptions = {}): DiscordReply[] {
  const lang = answer.lang;
  if (answer.kind !== 'answered' || answer.citations.length === 0) {
    return [{ content: truncate(answerText(answer), LIMITS.content), embeds: [], components: [], allowedMentions: { parse: [] } }];
  }
  const messages = groupIntoMessages(answer.citations.map((citation) => sourceEmbed(citation, lang, options)));
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
