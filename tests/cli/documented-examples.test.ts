import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isVerbatim, type Core } from '../../src/index.js';
import { runCli } from '../support/run-cli.js';
import { sharedIndexDir } from '../support/shared-index.js';
import { getTestCore } from '../support/test-core.js';

const root = join(import.meta.dirname, '..', '..');
const seedLines = (doc: string) => readFileSync(join(root, 'seeds', doc), 'utf8').split('\n');

/** What the answer to each documented example must quote: a user copying the example expects that fact. */
const EXPECTED: Record<string, RegExp> = {
  "Combien d'États ont ratifié la Convention de Budapest ?": /ratifi/iu,
  'Quelle est la position de la France sur la Convention de Budapest ?': /Budapest/iu,
  "Who signed the ambassador's mission letter?": /Le Drian/iu,
  'NIS directive transposition': /directive/iu,
  // An example of `explain` shows a refusal and its reason: the documents name the visa but give no number of them.
  'Combien de French Tech Visa ?': /no-amount-stated/u,
};

type Command = 'ask' | 'search' | 'explain';

/** `ask` and `search` examples with a quoted question, from the text of `--help` or README. */
function examplesIn(text: string): { command: Command; question: string }[] {
  const pattern = /(?:diplomate|npm run cli --) (ask|search|explain)(?: --json| -k \d+)* "([^"]+)"/gu;
  return [...text.matchAll(pattern)].map((match) => ({ command: match[1] as Command, question: match[2] ?? '' }));
}

describe('every example in --help and README', () => {
  let core: Core;
  let examples: { command: Command; question: string }[];
  beforeAll(async () => {
    core = await getTestCore();
    const help = await runCli(['--help'], { indexDir: sharedIndexDir() });
    examples = [...examplesIn(help.stdout), ...examplesIn(readFileSync(join(root, 'README.md'), 'utf8'))];
  });

  it('is found, and has an expectation here', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const { question } of examples) expect(EXPECTED[question], question).toBeDefined();
  });

  it('is answered with a verbatim quote stating what it asks', async () => {
    for (const { command, question } of examples) {
      const expected = EXPECTED[question] ?? /$^/u;
      if (command === 'explain') {
        const shown = await runCli(['explain', question], { indexDir: sharedIndexDir() });
        expect(shown.stdout, question).toMatch(expected);
        continue;
      }
      if (command === 'search') {
        const hits = await core.search(question, { limit: 5 });
        expect(hits.some((hit) => expected.test(hit.passage.text)), question).toBe(true);
        continue;
      }
      const answer = await core.ask(question);
      expect(answer.kind, question).toBe('answered');
      if (answer.kind !== 'answered') continue;
      expect(answer.citations.some((citation) => expected.test(citation.quote)), question).toBe(true);
      for (const citation of answer.citations) {
        expect(isVerbatim(seedLines(citation.doc), citation.lines, citation.quote), citation.quote).toBe(true);
      }
    }
  });
});
