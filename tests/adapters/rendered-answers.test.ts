import { describe, expect, it } from 'vitest';
import { formatAnswer as discordAnswer, escapeMarkdown } from '../../adapters/discord/format.js';
import { escapeText, formatAnswer as slackAnswer } from '../../adapters/slack/format.js';
import { answerHtml } from '../../adapters/web/pages/answer-html.js';
import { STRINGS } from '../../adapters/web/pages/strings.js';
import type { Answer, Core } from '../../src/index.js';
import { getTestCore } from '../support/test-core.js';

/**
 * The Slack and Discord messages as posted, for real answers of the real core: a French answer, an English one, a
 * refusal with its reason and an answer quoting two documents. The snapshots follow the real data: a change of
 * ranking or wording shows here as a diff to read, and is accepted with `npx vitest run -u`.
 */
const QUESTIONS = {
  french: 'Quelle est la position de la France sur la Convention de Budapest ?',
  english: 'Which city hosted the 2019 Internet Governance Forum?',
  refusal: 'Que pense la France de TikTok ?',
  multiSource: 'Quels partenariats la France a-t-elle noués en intelligence artificielle ?',
} as const;

const PUBLIC_URL = 'https://diplomate.example.org';

/** Every string of a payload, in order: what Slack or Discord may display. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

let core: Core | undefined;
async function ask(question: string): Promise<Answer> {
  core ??= await getTestCore();
  return core.ask(question);
}

describe.each(Object.entries(QUESTIONS))('the %s answer, as Slack and Discord show it', (name, question) => {
  it('renders as its snapshot, each quote exactly once', async () => {
    const answer = await ask(question);
    expect(answer.kind).toBe(name === 'refusal' ? 'not-covered' : 'answered');
    const slack = slackAnswer(answer, { publicUrl: PUBLIC_URL });
    const discord = discordAnswer(answer, 'ANSWER_ID', { publicUrl: PUBLIC_URL });
    expect(slack).toMatchSnapshot('slack');
    expect(discord).toMatchSnapshot('discord');
    if (answer.kind === 'not-covered') {
      // The refusal's reason, shown plainly in both.
      expect(strings(slack.blocks).join('\n')).toContain(escapeText(answer.reason.detail));
      expect(strings(discord.embeds).join('\n')).toContain(escapeMarkdown(answer.reason.detail));
      return;
    }
    if (name === 'multiSource') expect(new Set(answer.citations.map((c) => c.doc)).size).toBeGreaterThan(1);
    // The blocks and embeds are what is shown; Slack's `text` is only the notification line.
    const slackShown = strings(slack.blocks).join('\n');
    const discordShown = strings(discord.embeds).join('\n');
    for (const citation of answer.citations) {
      expect(count(slackShown, escapeText(citation.quote)), citation.quote).toBe(1);
      expect(count(discordShown, escapeMarkdown(citation.quote)), citation.quote).toBe(1);
    }
  });
});

describe('the page of a quote from a PDF', () => {
  it('is shown next to its lines in Slack, Discord and the web page', async () => {
    const real = await ask(QUESTIONS.french);
    if (real.kind !== 'answered') throw new Error('expected an answer');
    const answer: Answer = { ...real, citations: real.citations.map((c) => ({ ...c, page: 3 })) };
    const [first] = real.citations;
    if (first === undefined) throw new Error('expected a citation');
    const [a, b] = first.lines;
    const range = a === b ? `${a}` : `${a}–${b}`;

    expect(strings(slackAnswer(answer, { publicUrl: PUBLIC_URL }).blocks).join('\n')).toContain(`|p. 3, l. ${range}>`);
    const english = { ...answer, lang: 'en' as const };
    expect(strings(slackAnswer(english).blocks).join('\n')).toContain(`page 3, lines ${range}`);
    expect(strings(discordAnswer(answer, 'ID', { publicUrl: PUBLIC_URL }).embeds).join('\n')).toContain(`[p. 3, l. ${range}](${PUBLIC_URL}/doc/`);
    expect(answerHtml(answer, STRINGS.fr)).toContain(`p. 3, l. ${range}`);
    // Without a page (a text or Word document), nothing is added.
    expect(strings(slackAnswer(real).blocks).join('\n')).not.toContain('p. 3');
  });

  it('is shown for a nearest passage from a PDF under a refusal', async () => {
    const real = await ask(QUESTIONS.refusal);
    if (real.kind !== 'not-covered') throw new Error('expected a refusal');
    const answer: Answer = { ...real, seeAlso: real.seeAlso.map((hit) => ({ ...hit, page: 7 })) };
    expect(strings(slackAnswer(answer).blocks).join('\n')).toContain('p. 7, l. ');
    expect(strings(discordAnswer(answer, 'ID').embeds).join('\n')).toContain('p. 7, l. ');
    expect(answerHtml(answer, STRINGS.fr)).toContain('p. 7, l. ');
  });
});
