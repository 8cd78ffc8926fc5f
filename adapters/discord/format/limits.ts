import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, MessageMentionTypes } from 'discord.js';
import { truncate } from '../../shared/truncate.js';
import { CUSTOM_ID_MAX } from '../button-ids.js';

export { truncate };

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


/** Neutralises Discord markdown so verbatim text renders as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|]/g, '\\$&').replace(/^([#>-])/gm, '\\$1');
}

/** Discord rejects empty embed texts: an empty one becomes a dash. */
export function nonEmpty(text: string): string {
  return text.trim().length > 0 ? text : '—';
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
