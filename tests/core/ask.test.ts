import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerText, answerToJson, isVerbatim, type Core } from '../../src/index.js';
import { getTestCore } from '../support/test-core.js';

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds');
const seedLines = (doc: string) => readFileSync(join(seedsDir, doc), 'utf8').split('\n');

describe('core.ask on the real index', () => {
  let core: Core;
  beforeAll(async () => {
    core = await getTestCore();
  });

  it('answers a French question with a verbatim quote and its exact lines', async () => {
    const answer = await core.ask('Combien de pays ont ratifié la Convention de Budapest ?');
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    const first = answer.citations[0];
    expect(first?.doc).toBe('004_c3f6cb5d275c60c7.txt');
    expect(first?.quote).toContain('56 États');
    expect(answerText(answer)).toContain('[1]');
    expect(answer.lang).toBe('fr');
  });

  it('finds the French passage for an English question and answers in English', async () => {
    const answer = await core.ask('Which French institutes signed the artificial intelligence memorandum with AI Singapore?');
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    expect(answer.lang).toBe('en');
    expect(answerText(answer)).toMatch(/^The documents say/u);
    expect(answer.citations.some((c) => c.quote.includes('INRIA') || c.quote.includes('AI Singapore'))).toBe(true);
  });

  it('quotes a sentence announcing a list with the items after it, bullets included, verbatim over their lines', async () => {
    const answer = await core.ask('Quels engagements la France attend-elle de tout État responsable dans le cyberespace ?');
    if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
    const listed = answer.citations.find((c) => c.quote.includes('s’engager à :'));
    expect(listed?.quote).toContain('s’engager à : • faire preuve de transparence');
    expect(listed?.quote).toContain('• renforcer sur le plan national');
    if (!listed) return;
    expect(listed.lines[1]).toBeGreaterThan(listed.lines[0] + 3);
    expect(isVerbatim(seedLines(listed.doc), listed.lines, listed.quote)).toBe(true);
  });

  it('quotes, for a who-question, no passage that names no one: the one saying "signé le 6 juillet 2016" of a partnership is left out', async () => {
    const answer = await core.ask('Qui a signé la préface de la stratégie internationale pour le numérique ?');
    if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
    expect(answer.citations.some((c) => c.quote.includes('Le Drian'))).toBe(true);
    expect(answer.citations.every((c) => !c.quote.includes('signé le 6 juillet'))).toBe(true);
  });

  it('quotes a list to its end when it goes on in the next passage', async () => {
    const answer = await core.ask('Sur quels enjeux principaux repose le Plan Développement et Numérique ?');
    if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
    const listed = answer.citations.find((c) => c.quote.includes('trois enjeux principaux'));
    expect(listed?.quote).toContain('• la construction d’une économie numérique ; • l’utilisation des technologies');
    if (!listed) return;
    expect(isVerbatim(seedLines(listed.doc), listed.lines, listed.quote)).toBe(true);
  });

  it('of two sentences covering the same words, quotes the one holding more of the question', async () => {
    // "sommet Afrique-France" is one phrase: the sentence before, on "journées Afrique", covers it by one word only.
    const answer = await core.ask('Le 27e sommet Afrique-France, c’était où ?');
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    expect(answer.citations[0]?.quote).toContain('Bamako');
  });

  it('counts people by whatever noun the passage gives them', async () => {
    // "Ce dernier a rassemblé plus de 4 000 participants": no "personnes" beside the number.
    const answer = await core.ask('Combien de personnes le sommet mondial du PGO à Paris a-t-il rassemblées ?');
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    expect(answer.citations.map((c) => c.quote).join(' ')).toContain('4 000 participants');
  });

  it('does not pass off a passage on the right topic as the amount a question asks for', async () => {
    // The Franco-Indian cyber passages match every word here, but none states a sum of money.
    const answer = await core.ask('Quel est le montant du partenariat franco-indien sur la cybersécurité ?');
    expect(answer.kind).toBe('not-covered');
  });

  it('answers a question naming a partner only from documents that mention that partner', async () => {
    // The sum is in the India roadmap; the Singapore roadmap, which its other words also match, states none.
    const india = await core.ask("Combien d'euros par an la France et l'Inde mobiliseront-elles pour les bourses de recherche ?");
    expect(india.kind).toBe('answered');
    if (india.kind === 'answered') expect(india.citations[0]?.doc).toBe('001_d31d5ff027f99deb.txt');
    const singapore = await core.ask("Combien d'euros par an la France et Singapour mobiliseront-elles pour les bourses de recherche ?");
    expect(singapore.kind).toBe('not-covered');
  });

  it('quotes, for a where-question, the sentence of the passage that names the place', async () => {
    const answer = await core.ask('Where were the ICANN forums the ambassador went to in 2019 held?');
    expect(answer.kind).toBe('answered');
    if (answer.kind === 'answered') expect(answer.citations.map((citation) => citation.quote).join(' ')).toContain('à Kobe, au Japon');
  });

  it('quotes, for a where-question, the table row of another answering passage when the first names no place', async () => {
    const answer = await core.ask("In which city did the ambassador lead the work of the Council of Europe's AI committee?");
    expect(answer.kind).toBe('answered');
    if (answer.kind === 'answered') expect(answer.citations.map((citation) => citation.quote).join(' ')).toContain('Strasbourg');
  });

  it('looks for the subject among the words it can render: a dictionary gap is no subject', async () => {
    // "ratifications" has no French rendering in the lexicon; "Budapest Convention" is what the passage must hold.
    const answer = await core.ask('ratifications of the Budapest Convention');
    expect(answer.kind).toBe('answered');
    if (answer.kind === 'answered') expect(answer.citations[0]?.lines).toEqual([602, 603]);
  });

  it('answers a question about a year only from documents that mention that year', async () => {
    expect((await core.ask('Which city hosted the 2019 Internet Governance Forum?')).kind).toBe('answered');
    // The 2019 forum's row matches every other word; no document mentions 2021.
    expect((await core.ask('Which city hosted the 2021 Internet Governance Forum?')).kind).toBe('not-covered');
  });

  it('answers about "the third" meeting only from a passage stating that rank', async () => {
    const third = await core.ask('Quand a eu lieu la troisième réunion des sherpas du G7 ?');
    expect(third.kind).toBe('answered');
    if (third.kind === 'answered') expect(third.citations[0]?.quote).toContain('3 ème réunion des sherpas');
    expect((await core.ask('When did the 3rd G7 sherpa meeting take place?')).kind).toBe('answered');
    expect((await core.ask('Quand a eu lieu la cinquième réunion des sherpas du G7 ?')).kind).toBe('not-covered');
  });

  it('answers a who-question from a passage naming someone new, even about a succession', async () => {
    const answer = await core.ask('Qui a remplacé David Martinon comme ambassadeur pour le numérique ?');
    expect(answer.kind).toBe('answered');
    if (answer.kind === 'answered') expect(answer.citations[0]?.quote).toContain('Henri Verdier a pris ses fonctions');
    // The G7/G20 ministerial rows match every word but name no one who chaired anything.
    expect((await core.ask('Who chaired the 2019 G20 digital ministers meeting?')).kind).toBe('not-covered');
  });

  it('ranks first, for the --help example, the passage of the mission letter that ends with its signature', async () => {
    const [first] = await core.search("Who signed the ambassador's mission letter?", { limit: 1 });
    expect(first?.passage.doc).toBe('002_b68b6197e0460cb7.txt');
    expect(first?.passage.text).toMatch(/LE DRIAN/u);
  });

  it.each(['Quelle est la position de la France sur le chiffrement ?', 'What does France say about encryption?'])(
    'ranks first and quotes, for "%s", the passage on encryption, not the one on turnover ("chiffre d\'affaires")',
    async (question) => {
      const [first] = await core.search(question, { limit: 1 });
      expect(first?.passage.text).toContain('culture du chiffrement en Europe');
      const answer = await core.ask(question);
      if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
      expect(answer.citations[0]?.quote).toContain('culture du chiffrement');
      expect(answer.citations.some((citation) => citation.quote.includes("chiffre d’affaires"))).toBe(false);
    },
  );

  it('quotes the name a who-question asks for, even when it stands below the sentence that covers the question', async () => {
    const answer = await core.ask("Who signed the ambassador's mission letter?");
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    expect(answer.citations.some((c) => /Le Drian/iu.test(c.quote))).toBe(true);
    for (const citation of answer.citations) {
      expect(isVerbatim(seedLines(citation.doc), citation.lines, citation.quote), citation.quote).toBe(true);
    }
  });

  it('dates an event only from a passage naming a partner the question names', async () => {
    // The activity report mentions Canada, but the dated rows these words find are about other partners.
    const canada = await core.ask('Quand la France et le Canada ont-ils signé leur feuille de route numérique ?');
    expect(canada.kind).toBe('not-covered');
    expect((await core.ask('Quand la France et Singapour ont-elles adopté leur feuille de route numérique ?')).kind).toBe(
      'answered',
    );
  });

  it('does not answer about something the documents never name, but forgives a misspelt name', async () => {
    // Without the check, the passages on French strategic thinking would be quoted for this one.
    expect((await core.ask('Que pense la France de TikTok ?')).kind).toBe('not-covered');
    expect((await core.ask('What did the ambassador do in Tallin?')).kind).toBe('answered');
  });

  it('answers "France\'s position on X" about X, never from the passage on France\'s positions in general', async () => {
    const whaling = await core.ask("What is France's position on whaling?");
    expect(whaling.kind).toBe('not-covered');
    const encryption = await core.ask("What is France's position on encryption?");
    if (encryption.kind !== 'answered') throw new Error(`expected an answer, got ${encryption.kind}`);
    expect(encryption.citations[0]?.quote).toContain('chiffrement');
    const french = await core.ask('Quelle est la position de la France sur le chiffrement ?');
    if (french.kind !== 'answered') throw new Error(`expected an answer, got ${french.kind}`);
    expect(french.citations.every((citation) => citation.quote.includes('chiffr'))).toBe(true);
  });

  it('says plainly when the documents do not cover a question, offering nearest passages', async () => {
    const answer = await core.ask('What does the strategy say about the price of electricity?');
    expect(answer.kind).toBe('not-covered');
    if (answer.kind !== 'not-covered') return;
    expect(answer.reason.code).toBe('no-passage-covers-question');
    expect(answerText(answer)).toBe(`The documents do not cover this question. ${answer.reason.detail}`);
    expect(answer.seeAlso.length).toBeGreaterThan(0);
    expect(answerToJson(answer)).toMatchObject({ abstained: true, citations: [], reason: answer.reason });
  });

  it.each([
    ['Que pense la France de TikTok ?', 'names-unknown', 'Ils ne mentionnent jamais « TikTok ».'],
    ['What does France think of TikTok?', 'names-unknown', 'They never mention “TikTok”.'],
    ['Quand la France a-t-elle rencontré le Canada pour un dialogue cyber ?', 'no-date-for-partner', '« Canada »'],
    ["Quelle était la position de la France sur l'intelligence artificielle en 2012 ?", 'year-not-stated', '« 2012 »'],
    ['Combien de French Tech Visa ?', 'no-amount-stated', '« Visa »'],
    ["À quel taux l'UE imposerait-elle le chiffre d'affaires des entreprises du numérique ?", 'no-share-stated', 'ni taux ni proportion'],
    ["Who is the minister heading Singapore's Ministry of Communications and Information?", 'no-person-named', 'name no one'],
    ['Which country chaired the G7 after France?', 'no-country-named', 'name no country'],
    ['Quel a été le résultat de la CMR-19 pour les satellites ?', 'no-outcome-stated', 'sans en donner l’issue'],
    ['What did WRC-19 decide about drones?', 'no-outcome-stated', 'give no outcome'],
    ['Quelles fréquences la CMR-23 attribue-t-elle aux satellites ?', 'year-not-stated', '« CMR-23 »'],
    ['Which bands does WRC-23 open to satellites?', 'year-not-stated', '“WRC-23”'],
    ["Qui dirige l'ANSSI ?", 'no-person-for-partner', '« ANSSI »'],
    ["Combien d'agents compte l'ANSSI ?", 'no-figure-for-partner', '« ANSSI »'],
    ['Is chocolate toxic for cats?', 'subject-not-found', '“chocolate”'],
    ['Est-il vrai que le chocolat est toxique pour les chats ?', 'subject-not-found', '« chocolat »'],
  ])('every refusal says why, in the question\'s language: %s', async (question, code, detail) => {
    const answer = await core.ask(question);
    expect(answer.kind).toBe('not-covered');
    if (answer.kind !== 'not-covered') return;
    expect(answer.reason.code).toBe(code);
    expect(answer.reason.detail).toContain(detail);
    expect(answerText(answer).endsWith(answer.reason.detail)).toBe(true);
  });

  it('weighs a sentence announcing a list with the items it announces, and quotes them together', async () => {
    // Without its items, the announcement ("Plusieurs pistes de réflexion peuvent être explorées :") says too little of
    // the question, and only the last item was quoted.
    const answer = await core.ask('Que pourrait-on demander aux réseaux sociaux contre la propagation des fausses nouvelles ?');
    if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
    const listed = answer.citations.find((c) => c.quote.includes('Plusieurs pistes de réflexion peuvent être explorées :'));
    expect(listed?.quote).toContain('déréférencement et retrait');
    expect(isVerbatim(seedLines(listed?.doc ?? ''), listed?.lines ?? [0, 0], listed?.quote ?? '')).toBe(true);
  });

  it('quotes the passage holding the answer though it words the subject otherwise, once the question is answered', async () => {
    // The law's passage holds none of the question's rarer words, so it fails the subject check; that check decides
    // whether the documents deal with the question (other candidates pass it), not which passage may be quoted.
    const answer = await core.ask("Which law has long protected people's personal data in France?");
    if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
    expect(answer.citations.some((c) => c.quote.includes('loi du 6 janvier 1978'))).toBe(true);
  });

  it.each([
    'Quelle est la position de la France sur la neutralité du net ?',
    'Où et quand a eu lieu le dialogue stratégique cyber avec le Japon ?',
    'What did France and India say about 5G?',
    'lettre de mission ambassadeur langue française',
    'How much will the EU invest in the cybersecurity public-private partnership?',
  ])('every quote is an exact substring of its cited source lines: %s', async (question) => {
    const answer = await core.ask(question);
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    for (const citation of answer.citations) {
      expect(isVerbatim(seedLines(citation.doc), citation.lines, citation.quote), citation.quote).toBe(true);
      expect(citation.title).not.toBe(citation.doc);
      expect(citation.paragraph).not.toBe('');
    }
  });

  it('never returns both copies of a paragraph repeated across documents', async () => {
    const hits = await core.search('Le cyberspace doit donc être protégé en tant que tel, comme un espace libre, neutre et ouvert', { limit: 10 });
    const copies = hits.filter((hit) => hit.passage.text.includes('protégé en tant que tel'));
    expect(copies).toHaveLength(1);
  });

  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['x'.repeat(10_000), 'too long'],
    ['\u0000\u0001\u0002binary', 'does not look like text'],
    ['12345 !!!', 'does not look like text'],
  ])('rejects bad input with BAD_INPUT (%#)', async (question, message) => {
    await expect(core.ask(question)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(message) });
  });
});
