import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, Citation } from '../../../src/index.js';
import { customIdFor } from '../button-ids.js';
import { LIMITS, escapeMarkdown, fitEmbeds, nonEmpty, truncate, type DiscordReply } from './limits.js';
import { whereLine, type FormatOptions } from './links.js';
import { seeAlsoField } from './sources.js';
import { COLOR_ANSWER, COLOR_NOT_COVERED, WORDS, type Lang } from './words.js';

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

/** The message for an answer. `answerId` keys the buttons (see `DiscordMemory.rememberAnswer`). */
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
