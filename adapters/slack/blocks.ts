import type { types } from '@slack/bolt';
import { truncate } from '../shared/truncate.js';

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

export type MrkdwnText = types.MrkdwnElement;
export type PlainText = types.PlainTextElement;

/*
 * Bolt's own Block Kit types, narrowed to the shapes this adapter produces (mrkdwn sections and context, buttons with
 * a value), so the compiler checks each block against Slack's schema and the formatters can read them back.
 */
export type ButtonElement = types.Button & { action_id: string; text: PlainText; value: string };
export type SectionBlock = types.SectionBlock & { text: MrkdwnText };
export type ContextBlock = types.ContextBlock & { elements: MrkdwnText[] };
export type ActionsBlock = types.ActionsBlock & { elements: ButtonElement[] };
export type SlackBlock = SectionBlock | types.DividerBlock | ContextBlock | ActionsBlock;

/** A ready-to-post message: `text` is the notification / accessibility fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } };
}

export function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) }] };
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
export function fit(
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
