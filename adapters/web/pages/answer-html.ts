import { answerText, refusalText, type Answer, type Citation, type SearchHit } from '../../../src/index.js';
import { docHref, escapeHtml, placeLabel } from './html.js';
import type { Strings } from './strings.js';

/** Answer text with each `[n]` turned into a link to its source below. */
export function markersToLinks(text: string): string {
  return escapeHtml(text).replace(/\[(\d+)\]/gu, '<a class="marker" href="#cite-$1">[$1]</a>');
}

function sourceItem(citation: Citation, s: Strings): string {
  const href = docHref(citation.doc, citation.lines);
  return `<li id="cite-${citation.n}" class="source">
<details>
<summary><span class="n">[${citation.n}]</span> <cite lang="fr">${escapeHtml(citation.title)}</cite>
<span class="where" lang="fr">${escapeHtml(citation.paragraph)} · ${placeLabel(citation.lines, citation.page)}</span></summary>
<p class="path" lang="fr">${escapeHtml(citation.section)}</p>
<blockquote lang="fr">${escapeHtml(citation.quote)}</blockquote>
<p><a class="source-link" href="${escapeHtml(href)}">${escapeHtml(s.open)} (${placeLabel(citation.lines, citation.page)})</a></p>
</details>
</li>`;
}

function seeAlsoItem(hit: SearchHit, s: Strings): string {
  const { passage } = hit;
  const href = docHref(passage.doc, passage.lines);
  return `<li class="source">
<details>
<summary><cite lang="fr">${escapeHtml(hit.title)}</cite>
<span class="where" lang="fr">${escapeHtml(passage.label)} · ${placeLabel(passage.lines, hit.page)}</span></summary>
<p class="path" lang="fr">${escapeHtml(passage.section.join(' › '))}</p>
<blockquote lang="fr">${escapeHtml(passage.text)}</blockquote>
<p><a class="source-link" href="${escapeHtml(href)}">${escapeHtml(s.open)} (${placeLabel(passage.lines, hit.page)})</a></p>
</details>
</li>`;
}

function seeAlsoList(hits: readonly SearchHit[], s: Strings): string {
  return `<h3>${escapeHtml(s.seeAlso)}</h3>
<ul class="sources">${hits.map((hit) => seeAlsoItem(hit, s)).join('\n')}</ul>`;
}

/** Server-rendered answer; `assets/search.js` builds the same markup from `/api/ask` JSON. */
export function answerHtml(answer: Answer, s: Strings): string {
  if (answer.kind === 'not-covered') {
    return `<article class="answer not-covered" lang="${answer.lang}" aria-labelledby="answer-title">
<h2 id="answer-title">${escapeHtml(s.notCovered)}</h2>
<p class="answer-text">${escapeHtml(refusalText(answer))}</p>
${answer.seeAlso.length ? seeAlsoList(answer.seeAlso, s) : ''}
</article>`;
  }
  return `<article class="answer" lang="${answer.lang}" aria-labelledby="answer-title">
<h2 id="answer-title">${escapeHtml(s.answer)}</h2>
<p class="answer-text">${markersToLinks(answerText(answer))}</p>
<h3>${escapeHtml(s.sources)}</h3>
<ol class="sources">${answer.citations.map((c) => sourceItem(c, s)).join('\n')}</ol>
</article>`;
}

/** A short error box for bad input or a failure, in place of an answer. */
export function errorHtml(message: string, s: Strings): string {
  return `<div class="error" role="alert"><strong>${escapeHtml(s.error)}</strong> ${escapeHtml(message)}</div>`;
}
