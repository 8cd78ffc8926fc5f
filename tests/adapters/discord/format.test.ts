import { describe, expect, it } from 'vitest';
import type { Answer, Citation, SearchHit } from '../../../src/index.js';
import { customIdFor, parseCustomId } from '../../../adapters/discord/button-ids.js';
import {
  LIMITS,
  embedsLength,
  escapeMarkdown,
  fitEmbeds,
  formatAnswer,
  formatError,
  formatFullSources,
  truncate,
  type DiscordReply,
} from '../../../adapters/discord/format.js';

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    doc: `00${n % 5}_doc.txt`,
    title: `Stratégie internationale de la France pour le numérique ${n}`,
    section: 'Partie 1 › Gouvernance',
    paragraph: `§${n}`,
    lines: [10 + n, 12 + n],
    quote: `La France promeut un Internet ouvert, libre et sûr (${n}).`,
    date: '2017-12',
    passageId: `00${n % 5}_doc.txt#${10 + n}-${12 + n}`,
    ...overrides,
  };
}

function answered(citations: Citation[]): Answer {
  return { kind: 'answered', query: 'Que dit la France sur Internet ?', lang: 'fr', citations, confidence: 'firm', mode: 'extractive' };
}

/** Every Discord limit, asserted on one payload. */
function expectValid(reply: DiscordReply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  expect((reply.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embedsLength(reply.embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const embed of reply.embeds) {
    expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
    if (embed.description !== undefined) {
      expect(embed.description.length).toBeGreaterThan(0);
      expect(embed.description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    }
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footer);
  }
  for (const row of reply.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      expect((button.label ?? '').length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
}

describe('formatAnswer', () => {
  it('renders each quote once, as a quote, with its source and date under it; no full-sources button when nothing was cut', () => {
    const answer = answered([citation(1), citation(2, { doc: 'other.txt', title: 'Autre', date: '2019' })]);
    const reply = formatAnswer(answer, 'abc123');
    expectValid(reply);
    const [embed] = reply.embeds;
    expect(embed?.description).toBe('Les documents indiquent (citations exactes) :');
    expect(embed?.fields).toHaveLength(2);
    expect(embed?.fields?.[0]?.name).toBe('[1] Stratégie internationale de la France pour le numérique 1');
    const [quote, source] = (embed?.fields?.[0]?.value ?? '').split('\n');
    expect(quote).toBe('> La France promeut un Internet ouvert, libre et sûr (1).');
    expect(source).toBe('Partie 1 › Gouvernance · §1 · 2017-12 · l. 11–13');
    expect(embed?.fields?.[1]?.value).toContain('2019');
    expect(JSON.stringify(reply.embeds).split('Internet ouvert, libre et sûr (1)').length - 1).toBe(1);
    expect(embed?.footer).toBeUndefined();
    const ids = reply.components.flatMap((row) => row.components.map((b) => b.custom_id));
    expect(ids.map(parseCustomId)).toEqual([
      { action: 'vote', verdict: 'helpful', answerId: 'abc123' },
      { action: 'vote', verdict: 'not-helpful', answerId: 'abc123' },
    ]);
  });

  it('keeps an oversized answer within every Discord limit', () => {
    const huge = 'Très long passage '.repeat(400); // ~7200 chars
    const citations = Array.from({ length: 40 }, (_, i) =>
      citation(i + 1, { title: 'T'.repeat(400), section: 'S'.repeat(500), quote: huge }),
    );
    const reply = formatAnswer(answered(citations), 'id');
    expectValid(reply);
    expect(reply.embeds[0]?.fields?.length).toBeGreaterThan(0);
    expect(reply.embeds[0]?.footer?.text).toContain('+15');
    const labels = reply.components.flatMap((row) => row.components.map((b) => b.label));
    expect(labels[0]).toBe('Afficher les sources');
  });

  it('never lets @everyone or user mentions ping and escapes markdown', () => {
    const reply = formatAnswer(answered([citation(1, { quote: '@everyone <@123456789012345678> **gras** _x_' })]), 'id');
    expect(reply.allowedMentions.parse).toEqual([]);
    expect(reply.embeds[0]?.fields?.[0]?.value).toContain('\\*\\*gras\\*\\* \\_x\\_');
    expect(escapeMarkdown('> a|b`c')).toBe('\\> a\\|b\\`c');
  });

  it('says plainly when the documents do not cover the question, with see-also passages', () => {
    const hit: SearchHit = {
      title: 'Feuille de route franco-indienne',
      score: 0.2,
      passage: {
        id: 'p1',
        paragraphId: 'p1',
        doc: '001.txt',
        section: ['Cybersécurité'],
        label: '§3',
        lines: [40, 41],
        text: 'Les deux pays coopèrent.',
        lineMap: [],
        context: '',
        kind: 'paragraph',
      },
    };
    const answer: Answer = {
      kind: 'not-covered',
      query: 'What about football?',
      lang: 'en',
      seeAlso: [hit],
      reason: { code: 'no-passage-covers-question', detail: 'No passage deals with most of what it asks.' },
    };
    const reply = formatAnswer(answer, 'nc1');
    expectValid(reply);
    expect(reply.embeds[0]?.description).toBe('The documents do not cover this question. No passage deals with most of what it asks.');
    expect(reply.embeds[0]?.fields?.[0]?.name).toBe('Feuille de route franco-indienne');
    expect(reply.embeds[0]?.fields?.[0]?.value).toContain('§3');
    expect(reply.embeds[0]?.fields?.[0]?.value).toContain('Cybersécurité · §3 · lines 40–41');
    expect(reply.embeds[0]?.footer?.text).toMatch(/not an answer/);
    const labels = reply.components.flatMap((row) => row.components.map((b) => b.label));
    expect(labels).toEqual(['Helpful', 'Not helpful']);
  });
});

describe('formatFullSources', () => {
  it('puts every citation in full, split over valid messages', () => {
    const long = 'mot '.repeat(375); // 1500 chars: three per message
    const replies = formatFullSources(answered(Array.from({ length: 12 }, (_, i) => citation(i + 1, { quote: long }))));
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) expectValid(reply);
    const titles = replies.flatMap((r) => r.embeds.map((e) => e.title));
    expect(titles[0]).toMatch(/^\[1\] /);
    expect(titles).toHaveLength(12);
    expect(replies[0]?.embeds[0]?.description).toContain(long.trim());
  });

  it('caps the number of messages and says how many sources were left out', () => {
    const long = 'mot '.repeat(900); // 3600 chars: one per message
    const replies = formatFullSources(answered(Array.from({ length: 8 }, (_, i) => citation(i + 1, { quote: long }))), 5);
    expect(replies).toHaveLength(5);
    for (const reply of replies) expectValid(reply);
    expect(replies[4]?.content).toBe('3 autre(s) source(s) non affichée(s).');
  });
});

describe('helpers', () => {
  it('truncates without breaking surrogate pairs', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('keeps custom ids short and rejects foreign ones', () => {
    const id = 'AbCdEfGhIjKl';
    expect(customIdFor({ action: 'vote', verdict: 'not-helpful', answerId: id }).length).toBeLessThanOrEqual(100);
    expect(parseCustomId(customIdFor({ action: 'sources', answerId: id }))).toEqual({ action: 'sources', answerId: id });
    expect(parseCustomId('other:thing')).toBeNull();
    expect(parseCustomId('dpl:src:../../etc')).toBeNull();
  });

  it('formats errors as short plain content', () => {
    const reply = formatError('x'.repeat(3000));
    expectValid(reply);
    expect(reply.embeds).toEqual([]);
  });
});

describe('fitEmbeds', () => {
  it('cuts only the longest texts, to a common level, and keeps short ones whole', () => {
    const embeds = fitEmbeds([
      { title: 'short title', description: 'd'.repeat(4000), fields: [{ name: 'n', value: 'v'.repeat(1000) }, { name: 'm', value: 'tiny' }] },
      { description: 'e'.repeat(3000) },
    ]);
    expect(embedsLength(embeds)).toBeLessThanOrEqual(6000);
    expect(embedsLength(embeds)).toBeGreaterThan(5900);
    expect(embeds[0]?.title).toBe('short title');
    expect(embeds[0]?.fields?.[1]?.value).toBe('tiny');
    expect(embeds[0]?.fields?.[0]?.value).toHaveLength(1000);
    expect(embeds[0]?.description?.endsWith('…')).toBe(true);
  });
});
