// Search page enhancement: answers in place from /api/ask (the same JSON as the CLI), keeps ?q= in the URL so an
// answer can be shared, focus on load, Enter to search, Esc to clear. Without JavaScript the form still works.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var result = document.getElementById('result');
  var status = document.getElementById('status');
  var stringsEl = document.getElementById('ui-strings');
  if (!form || !input || !result || !status || !stringsEl) return;
  var s = JSON.parse(stringsEl.textContent || '{}');
  var pending = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }
  function lineLabel(lines) { return lines[0] === lines[1] ? 'l. ' + lines[0] : 'l. ' + lines[0] + '–' + lines[1]; }
  // placeLabel and docHref mirror adapters/shared/citation-text.ts (placeLabel, sourcePath), French like the quotes: "p. 3, l. 40–42" for a PDF.
  function placeLabel(item) { return (item.page ? 'p. ' + item.page + ', ' : '') + lineLabel(item.lines); }
  function docHref(doc, lines) {
    return '/doc/' + encodeURIComponent(doc) + '?hl=' + lines[0] + '-' + lines[1] + '#L' + lines[0] + '-L' + lines[1];
  }
  function withMarkers(text) {
    var p = el('p', { class: 'answer-text' });
    text.split(/(\[\d+\])/).forEach(function (part) {
      var m = /^\[(\d+)\]$/.exec(part);
      p.append(m ? el('a', { class: 'marker', href: '#cite-' + m[1] }, [part]) : part);
    });
    return p;
  }
  function source(item, n) {
    var lines = placeLabel(item);
    var summary = el('summary', {}, n ? [el('span', { class: 'n' }, ['[' + n + ']']), ' '] : []);
    summary.append(el('cite', { lang: 'fr' }, [item.title]), ' ', el('span', { class: 'where', lang: 'fr' }, [item.paragraph + ' · ' + lines]));
    var details = el('details', {}, [
      summary,
      el('p', { class: 'path', lang: 'fr' }, [item.section]),
      el('blockquote', { lang: 'fr' }, [item.quote || item.text]),
      el('p', {}, [el('a', { class: 'source-link', href: docHref(item.doc, item.lines) }, [s.open + ' (' + lines + ')'])]),
    ]);
    return el('li', n ? { id: 'cite-' + n, class: 'source' } : { class: 'source' }, [details]);
  }
  function render(json) {
    var covered = !json.abstained;
    var items = covered ? json.citations.map(function (c) { return source(c, c.n); }) : (json.seeAlso || []).map(function (h) { return source(h, 0); });
    var article = el('article', { class: covered ? 'answer' : 'answer not-covered', 'aria-labelledby': 'answer-title' }, [
      el('h2', { id: 'answer-title' }, [covered ? s.answer : s.notCovered]),
      covered ? withMarkers(json.answer) : el('p', { class: 'answer-text' }, [json.answer]),
    ]);
    if (items.length) article.append(el('h3', {}, [covered ? s.sources : s.seeAlso]), el(covered ? 'ol' : 'ul', { class: 'sources' }, items));
    return article;
  }
  function showError(message) {
    result.replaceChildren(el('div', { class: 'error', role: 'alert' }, [el('strong', {}, [s.error]), ' ' + message]));
  }
  function ask(q) {
    if (pending) pending.abort();
    var controller = new AbortController();
    pending = controller;
    status.textContent = s.searching;
    history.replaceState(null, '', '/?q=' + encodeURIComponent(q));
    fetch('/api/ask?q=' + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (!r.ok) { showError(r.body && r.body.error ? r.body.error.message : String(r.status)); status.textContent = ''; return; }
        result.replaceChildren(render(r.body));
        status.textContent = s.done;
      })
      .catch(function (e) { if (e.name !== 'AbortError') { showError(String(e.message || e)); status.textContent = ''; } });
  }
  function clear() {
    if (pending) pending.abort();
    input.value = '';
    result.replaceChildren();
    status.textContent = '';
    history.replaceState(null, '', '/');
    input.focus();
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var q = input.value.trim();
    if (q) ask(q); else clear();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { event.preventDefault(); clear(); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
  input.focus();
  if (input.value) input.setSelectionRange(input.value.length, input.value.length);
})();
