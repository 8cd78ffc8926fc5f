import { describe, expect, it } from 'vitest';
import {
  ACTION_HELPFUL,
  ACTION_NOT_HELPFUL,
  ACTION_SHARE,
  LIMITS,
  decodeFeedbackValue,
  encodeFeedbackValue,
  escapeText,
  formatAnswer,
  messageSize,
  type SlackBlock,
  type SlackMessage,
} from '../../../adapters/slack/format.js';
import type { Answer, Citation, SearchHit } from '../../../src/index.js';
import { getTestCore } from '../../support/test-core.js';

function citation(n: number, quote: string, extra: Partial<Citation> = {}): Citation {
  return {
    n,
    doc: `00${n}_doc.txt`,
    title: `Stratégie ${n}`,
    section: '1. Promouvoir › 1.1 Préserver',
    paragraph: `§${n}`,
    lines: [10 * n, 10 * n + 3],
    quote,
    date: '2017-12-15',
    passageId: `00${n}_doc.txt#${10 * n}-${10 * n + 3}`,
    ...extra,
  };
}

function answered(citations: Citation[], lang: 'fr' | 'en' = 'fr'): Answer {
  return { kind: 'answered', query: 'Quelle position ?', lang, citations, confidence: 'firm', mode: 'extractive' };
}

function hit(i: number, text: string): SearchHit {
  return {
    title: `Doc ${i}`,
    score: 1 / (i + 1),
    passage: {
      id: `d${i}.txt#1-2`,
      paragraphId: `d${i}.txt#1-2`,
      doc: `d${i}.txt`,
      section: ['Titre', 'Sous-titre'],
      label: `¶${i}`,
      lines: [1, 2],
      text,
      lineMap: [],
      context: '',
      kind: 'paragraph',
    },
  };
}

/** Every structural limit Slack enforces on what we produce. */
function expectValid(message: SlackMessage): void {
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(messageSize(message)).toBeLessThanOrEqual(LIMITS.totalChars);
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  expect(message.text.length).toBeGreaterThan(0);
  for (const block of message.blocks) {
    if (block.type === 'section') {
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    }
    if (block.type === 'context') for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    if (block.type === 'actions') {
      for (const e of block.elements) {
        expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        expect(e.text.text.length).toBeLessThanOrEqual(75);
      }
    }
  }
  const all = JSON.stringify(message);
  expect(all).not.toMatch(/<!/);
  expect(all).not.toMatch(/@(channel|here|everyone)\b/);
}

function sections(message: SlackMessage): string[] {
  return message.blocks.flatMap((b: SlackBlock) => (b.type === 'section' ? [b.text.text] : []));
}

describe('formatAnswer', () => {
  it('renders each quote once, as a quote, with its source and date under it, and feedback buttons', () => {
    const message = formatAnswer(
      answered([
        citation(1, 'une gouvernance ouverte'),
        citation(2, 'la confiance', { date: '2019-05', doc: '002_doc.txt' }),
      ]),
    );
    expectValid(message);
    const texts = sections(message);
    expect(texts[0]).toBe('Les documents indiquent (citations exactes) :');
    expect(texts[1]).toMatch(/^>une gouvernance ouverte\n\[1\] \*Stratégie 1\*/u);
    expect(texts[1]).toContain('1. Promouvoir › 1.1 Préserver · §1 · 2017-12-15 · l. 10–13');
    expect(texts[2]).toMatch(/^>la confiance\n\[2\]/u);
    expect(texts[2]).toContain('2019-05');
    const shown = JSON.stringify(message.blocks);
    for (const quote of ['une gouvernance ouverte', 'la confiance']) expect(shown.split(quote).length - 1, quote).toBe(1);
    expect(message.blocks.some((b) => b.type === 'context')).toBe(false);
    const actions = message.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' ? actions.elements.map((e) => e.action_id) : []).toEqual([ACTION_HELPFUL, ACTION_NOT_HELPFUL]);
    expect(message.text).toContain('gouvernance ouverte');
  });

  it('adds a share button on request and uses English labels for English questions', () => {
    const message = formatAnswer(answered([citation(1, 'x')], 'en'), { share: true });
    const actions = message.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' ? actions.elements.map((e) => e.action_id) : []).toEqual([ACTION_SHARE, ACTION_HELPFUL, ACTION_NOT_HELPFUL]);
    expect(JSON.stringify(message)).toContain('lines 10–13');
    expect(sections(message)[0]).toBe('The documents say (quoted verbatim, in the original French):');
  });

  it('says plainly when the documents do not cover the question and lists see-also passages', () => {
    const message = formatAnswer({
      kind: 'not-covered',
      query: 'chocolate cake?',
      lang: 'en',
      seeAlso: [hit(1, 'Un passage proche.'), hit(2, 'Un autre.')],
      reason: { code: 'no-passage-covers-question', detail: 'No passage deals with most of what it asks.' },
    });
    expectValid(message);
    const texts = sections(message);
    expect(texts[0]).toContain('The documents do not cover this question.');
    expect(texts.join('\n')).toContain('for browsing only');
    expect(texts.join('\n')).toContain('*Doc 1*');
    expect(texts.join('\n')).toContain('>Un passage proche.');
  });

  it('escapes user text and never pings', () => {
    const evil = 'Q <!channel> & <@U999> <https://x|y> @here @everyone @channel';
    const message = formatAnswer(answered([citation(1, evil, { title: '<!here>' })]));
    expectValid(message);
    const texts = sections(message).join('\n');
    expect(texts).toContain('&lt;!channel&gt; &amp; &lt;@U999&gt;');
    expect(escapeText('a@here')).not.toMatch(/@here\b/);
  });

  it('stays within Slack limits for a huge answer, trimming sources and saying so', () => {
    const longQuote = 'mot '.repeat(2000);
    const citations = Array.from({ length: 80 }, (_, i) => citation(i + 1, longQuote + '& <x>'));
    const message = formatAnswer({ ...answered(citations), query: 'q'.repeat(5000) }, { share: true });
    expectValid(message);
    expect(JSON.stringify(message.blocks)).toMatch(/et \d+ autres sources non affichées/);
    expect(sections(message)[1]?.split('\n')[0]?.endsWith('…')).toBe(true);
  });

  it('keeps huge not-covered answers valid too', () => {
    const message = formatAnswer({
      kind: 'not-covered',
      query: 'x',
      lang: 'fr',
      seeAlso: Array.from({ length: 60 }, (_, i) => hit(i, '&'.repeat(4000))),
      reason: { code: 'no-passage-covers-question', detail: '<'.repeat(5000) },
    });
    expectValid(message);
    expect(JSON.stringify(message)).not.toMatch(/&am…|&a…|&…/);
  });

  it('formats a real core answer with its verbatim quote', async () => {
    const core = await getTestCore();
    const answer = await core.ask("Quelle est la position de la France sur la gouvernance de l'Internet ?");
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    const message = formatAnswer(answer);
    expectValid(message);
    const first = answer.citations[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    expect(sections(message).join('\n')).toContain(escapeText(first.quote).slice(0, 200));
    expect(sections(message).join('\n')).toContain(`${first.lines[0]}–${first.lines[1]}`);
  });
});

describe('feedback values', () => {
  it('round-trip and stay within 2000 characters', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `004_c3f6cb5d275c60c7.txt#${i}-${i + 5}`);
    const raw = encodeFeedbackValue({ question: '"\\'.repeat(3000), citations: ids });
    expect(raw.length).toBeLessThanOrEqual(2000);
    const back = decodeFeedbackValue(raw);
    expect(back?.question.length).toBeGreaterThan(0);
    expect(decodeFeedbackValue(encodeFeedbackValue({ question: 'Q ?', citations: ['a#1-2'] }))).toEqual({ question: 'Q ?', citations: ['a#1-2'] });
    expect(decodeFeedbackValue('not json')).toBeNull();
    expect(decodeFeedbackValue('{"c":[]}')).toBeNull();
  });
});
