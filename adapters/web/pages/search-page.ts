import { escapeHtml, embedJson, layout } from './html.js';
import type { Strings, UiLang } from './strings.js';

export interface SearchPageParts {
  lang: UiLang;
  strings: Strings;
  query: string;
  /** Already-rendered answer or error markup, or '' for the empty page. */
  result: string;
  maxQuestionChars: number;
  canonical?: string;
}

/** `/`: one search box; with `?q=` the answer is rendered here too, so a shared link works without JavaScript. */
export function searchPage(parts: SearchPageParts): string {
  const s = parts.strings;
  const title = parts.query ? `${parts.query} — diplomate` : s.appTitle;
  const body = `<header class="site"><p class="brand"><a href="/">diplomate</a></p></header>
<main id="main">
<h1>${escapeHtml(s.appTitle)}</h1>
<p class="tagline">${escapeHtml(s.tagline)}</p>
<form id="search-form" role="search" action="/" method="get">
<label for="q">${escapeHtml(s.question)}</label>
<div class="search-row">
<input id="q" name="q" type="search" value="${escapeHtml(parts.query)}" placeholder="${escapeHtml(s.placeholder)}"
 maxlength="${parts.maxQuestionChars}" autocomplete="off" autofocus enterkeyhint="search" aria-describedby="search-hint">
<button type="submit">${escapeHtml(s.submit)}</button>
</div>
<p id="search-hint" class="hint">${escapeHtml(s.hint)}</p>
</form>
<p id="status" class="status" role="status" aria-live="polite"></p>
<section id="result" aria-label="${escapeHtml(s.answer)}">${parts.result}</section>
</main>
<script type="application/json" id="ui-strings">${embedJson(s)}</script>`;
  return layout({ lang: parts.lang, title, body, script: 'search.js', skipLabel: s.skip, canonical: parts.canonical });
}
