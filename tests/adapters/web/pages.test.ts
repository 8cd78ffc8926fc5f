import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerText, type Core } from '../../../src/index.js';
import { getTestCore } from '../../support/test-core.js';
import { BUDAPEST_FR, FAR_OFF, OFF_TOPIC, startWeb, type RunningWeb } from './running-web.js';

let core: Core;
let web: RunningWeb;

beforeAll(async () => {
  core = await getTestCore();
  web = await startWeb({ core, limits: { requestsPerMinute: 1000 } });
});
afterAll(() => web.web.stop());

const DOC = '004_c3f6cb5d275c60c7.txt';

/** Every `data-lines` range of the blocks marked cited in a rendered document page. */
function citedRanges(html: string): [number, number][] {
  return [...html.matchAll(/class="[^"]*\bcited\b[^"]*" data-lines="(\d+)-(\d+)"/gu)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('search page', () => {
  it('serves the shell with strict security headers, a labelled search box and our own assets only', async () => {
    const res = await web.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toMatch(/<html lang="fr">/u);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toMatch(/<label for="q">[^<]+<\/label>/u);
    expect(html).toMatch(/<input id="q" name="q" type="search"[^>]* autofocus/u);
    expect(html).toContain('<script src="/assets/search.js" defer></script>');
    expect(html).not.toMatch(/https?:\/\//u);
    expect(html).not.toMatch(/<script>(?!<)/u);
  });

  it('renders the answer for ?q= on the server, with citation links to the source viewer', async () => {
    const answer = await core.ask(BUDAPEST_FR);
    if (answer.kind !== 'answered') throw new Error('expected an answer');
    const html = await (await web.get(`/?q=${encodeURIComponent(BUDAPEST_FR)}`)).text();
    expect(html).toContain(`value="Combien d&#39;États ont ratifié la Convention de Budapest ?"`);
    for (const c of answer.citations) {
      expect(html).toContain(`href="/doc/${c.doc}?hl=${c.lines[0]}-${c.lines[1]}#L${c.lines[0]}-L${c.lines[1]}"`);
      expect(html).toContain(`<li id="cite-${c.n}" class="source">`);
    }
    expect(html).toContain('<a class="marker" href="#cite-1">[1]</a>');
    expect(html).toContain('<details>');
  });

  it('shows the not-covered sentence and the nearest passages for an off-topic question', async () => {
    const answer = await core.ask(OFF_TOPIC);
    if (answer.kind !== 'not-covered') throw new Error('expected an abstention');
    const html = await (await web.get(`/?q=${encodeURIComponent(OFF_TOPIC)}`)).text();
    expect(html).toContain('class="answer not-covered"');
    expect(html).toContain(answerText(answer).replace(/'/gu, '&#39;'));
    expect(answer.seeAlso.length).toBeGreaterThan(0);
    expect(html.match(/class="source-link"/gu)).toHaveLength(answer.seeAlso.length);
  });

  it('leaves out the nearest-passages list when there is none', async () => {
    const answer = await core.ask(FAR_OFF);
    expect(answer).toMatchObject({ kind: 'not-covered', seeAlso: [] });
    const html = await (await web.get(`/?q=${encodeURIComponent(FAR_OFF)}`)).text();
    expect(html).toContain('class="answer not-covered"');
    expect(html).not.toContain('<h3>Passages les plus proches</h3>');
  });

  it('escapes the question everywhere and reports bad input in the page with 400', async () => {
    const res = await web.get(`/?q=${encodeURIComponent('<script>alert(1)</script>"><img src=x>')}`);
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    const bad = await web.get(`/?q=${encodeURIComponent('\u0001\u0002')}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('role="alert"');
  });

  it('gives shared pages a canonical address under PUBLIC_URL when one is set', async () => {
    const shared = await startWeb({ core, publicUrl: 'https://diplomate.test/' });
    try {
      const search = await (await shared.get('/?q=budapest')).text();
      expect(search).toContain('<link rel="canonical" href="https://diplomate.test/?q=budapest">');
      const doc = await (await shared.get(`/doc/${DOC}`)).text();
      expect(doc).toContain(`<link rel="canonical" href="https://diplomate.test/doc/${DOC}">`);
      expect(await (await web.get('/')).text()).not.toContain('rel="canonical"');
    } finally {
      await shared.web.stop();
    }
  });

  it('speaks English to browsers that prefer it', async () => {
    const html = await (await web.get('/', { headers: { 'Accept-Language': 'en-GB,en;q=0.8' } })).text();
    expect(html).toMatch(/<html lang="en">/u);
    expect(html).toContain('Your question');
  });
});

describe('source viewer', () => {
  it('renders the document with headings, labelled blocks, line numbers and fragment anchors', async () => {
    const res = await web.get(`/doc/${DOC}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Stratégie internationale de la France pour le numérique</h1>');
    expect(html).toMatch(/<h\d id="L601-L601" class="heading">LA CONVENTION DE BUDAPEST \(2001\)<\/h\d>/u);
    expect(html).toContain('<script src="/assets/doc.js" defer></script>');
    expect(html).toMatch(/id="L602-L\d+" class="block paragraph" data-lines="602-\d+" tabindex="-1"/u);
    expect(html).toContain('<span class="lines">l. 602–');
    expect(citedRanges(html)).toEqual([]);
  });

  it('gzips pages for clients that accept it, and only for them', async () => {
    const gz = await web.get(`/doc/${DOC}`);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    const plainRes = await web.get(`/doc/${DOC}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plainRes.headers.get('content-encoding')).toBeNull();
    const [zipped, plain] = [await gz.text(), await plainRes.text()];
    expect(zipped).toBe(plain);
    expect(Number(plainRes.headers.get('content-length'))).toBe(Buffer.byteLength(plain));
  });

  it('highlights server-side every block meeting ?hl=, and only those', async () => {
    const html = await (await web.get(`/doc/${DOC}?hl=602-603`)).text();
    const cited = citedRanges(html);
    expect(cited.length).toBeGreaterThan(0);
    for (const [a, b] of cited) expect(a <= 603 && 602 <= b).toBe(true);
    expect(html).toMatch(/class="block paragraph cited" data-lines="602-\d+" tabindex="-1" aria-current="location"/u);
    const hits = [...html.matchAll(/<span class="ln hit" data-line="(\d+)">/gu)].map((m) => Number(m[1]));
    expect(hits).toEqual([602, 603]);
  });

  it('renders tables with caption, column headers and one addressable row per source line', async () => {
    const html = await (await web.get('/doc/002_b68b6197e0460cb7.txt?hl=185')).text();
    expect(html).toContain('<th scope="col">Sujet</th><th scope="col">Action</th><th scope="col">Lieu</th><th scope="col">Date</th>');
    expect(html).toMatch(/<tr id="L185-L185" class="block table-row cited" data-lines="185-185"/u);
    expect(html).toContain('<caption>Actions menées pour approfondir notre dialogue');
  });

  it('answers 404 with a page for an unknown or traversing document name', async () => {
    for (const path of ['/doc/nope.txt', '/doc/..%2Fpackage.json', '/doc/%E0%A4%A', '/doc/']) {
      const res = await web.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('<h1>Document introuvable</h1>');
    }
  });
});

describe('assets', () => {
  it.each([
    ['style.css', 'text/css'],
    ['search.js', 'text/javascript'],
    ['doc.js', 'text/javascript'],
  ])('serves %s with its type and an ETag, and 304 when unchanged', async (name, type) => {
    const res = await web.get(`/assets/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    const etag = res.headers.get('etag') ?? '';
    expect((await res.text()).length).toBeGreaterThan(100);
    expect((await web.get(`/assets/${name}`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('answers 404 for any other asset path', async () => {
    for (const path of ['/assets/nope.js', '/assets/../package.json', '/assets/%2e%2e/server.ts']) {
      expect((await web.get(path)).status, path).toBe(404);
    }
  });
});
