import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { answerText, refusalText, type Answer, type Citation } from '../../../src/index.js';
import { customIdFor } from '../button-ids.js';
import { LIMITS, escapeMarkdown, fitEmbeds, nonEmpty, truncate, type DiscordReply } from './limits.js';
import { ANSWER_LEAD, whereParts } from '../../shared/citation-text.js';
import { whereLine, type FormatOptions } from './links.js';
import { seeAlsoField } from './sources.js';
import { COLOR_ANSWER, COLOR_NOT_COVERED, WORDS, type Lang } from './words.js';

function buttons(answer: Answer, answerId: string, trimmed: boolean): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const words = WORDS[answer.lang];
  const row: APIButtonComponentWithCustomId[] = [];
  if (trimmed) {
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

/** One quote, once, as a quote, with its source under it; `trimmed` when the quote had to be cut to fit. */
function citationField(citation: Citation, lang: Lang, options: FormatOptions): { field: APIEmbedField; trimmed: boolean } {
  const name = truncate(`[${citation.n}] ${citation.title}`, LIMITS.fieldName);
  const source = whereLine(whereParts(citation), citation, lang, options);
  const full = `> ${escapeMarkdown(citation.quote)}`;
  const quote = truncate(full, LIMITS.fieldValue - source.length - 1);
  return { field: { name: nonEmpty(name), value: nonEmpty(`${quote}\n${source}`) }, trimmed: quote !== full };
}

/** The message for an answer. `answerId` keys the buttons (see `DiscordMemory.rememberAnswer`). */
export function formatAnswer(answer: Answer, answerId: string, options: FormatOptions = {}): DiscordReply {
  const title = truncate(answer.query.replace(/\s+/g, ' ').trim(), LIMITS.embedTitle);
  const embed: APIEmbed = { title: nonEmpty(title) };
  let trimmed = false;
  if (answer.kind === 'answered') {
    embed.color = COLOR_ANSWER;
    // An extractive answer's text is its quotes, shown below with their sources; a model's answer is its own prose.
    const lead =
      answer.mode === 'extractive' ? ANSWER_LEAD[answer.confidence][answer.lang] : escapeMarkdown(answerText(answer));
    embed.description = nonEmpty(truncate(lead, LIMITS.embedDescription));
    const shown = answer.citations.slice(0, LIMITS.fields).map((citation) => citationField(citation, answer.lang, options));
    embed.fields = shown.map((item) => item.field);
    const hidden = answer.citations.length - shown.length;
    trimmed = hidden > 0 || shown.some((item) => item.trimmed);
    if (hidden > 0) embed.footer = { text: WORDS[answer.lang].moreSources(hidden) };
  } else {
    embed.color = COLOR_NOT_COVERED;
    embed.description = nonEmpty(truncate(escapeMarkdown(refusalText(answer)), LIMITS.embedDescription));
    embed.fields = answer.seeAlso.slice(0, 5).map((hit) => seeAlsoField(hit, answer.lang, options));
    if (embed.fields.length > 0) embed.footer = { text: WORDS[answer.lang].seeAlso };
  }
  const fitted = fitEmbeds([embed]);
  // Fitting the embed into Discord's limits may cut it further: then the full sources are worth a button too.
  trimmed ||= JSON.stringify(fitted) !== JSON.stringify([embed]);
  return {
    embeds: fitted,
    components: buttons(answer, answerId, answer.kind === 'answered' && trimmed),
    allowedMentions: { parse: [] },
  };
}
