// Source viewer: highlights every block whose line range meets the #L<start>-L<end> fragment, then scrolls the
// first into view and focuses it. Served from /assets/ so the page keeps a strict Content-Security-Policy.
(function () {
  'use strict';
  function parse(hash) {
    var m = /^#L(\d+)(?:-L?(\d+))?$/.exec(hash);
    if (!m) return null;
    var a = Number(m[1]);
    var b = m[2] ? Number(m[2]) : a;
    return a <= b ? [a, b] : [b, a];
  }
  function linesOf(el) {
    var parts = (el.getAttribute('data-lines') || '').split('-');
    return [Number(parts[0]), Number(parts[1])];
  }
  function mark(range) {
    var blocks = document.querySelectorAll('[data-lines]');
    for (var i = 0; i < blocks.length; i++) {
      var lines = linesOf(blocks[i]);
      var hit = lines[0] <= range[1] && range[0] <= lines[1];
      blocks[i].classList.toggle('cited', hit);
      var spans = blocks[i].querySelectorAll('.ln');
      for (var j = 0; j < spans.length; j++) {
        var line = Number(spans[j].getAttribute('data-line'));
        spans[j].classList.toggle('hit', hit && range[0] <= line && line <= range[1]);
      }
      if (hit) blocks[i].setAttribute('aria-current', 'location');
      else blocks[i].removeAttribute('aria-current');
    }
  }
  function highlight() {
    var range = parse(location.hash);
    if (range) mark(range);
    var first = document.querySelector('.cited');
    if (!first) return;
    // In a long paragraph the cited lines may be far from its top: centre them, not the paragraph.
    (first.querySelector('.ln.hit') || first).scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
    var status = document.getElementById('hl-status');
    if (status) status.textContent = (status.getAttribute('data-label') || '') + ' (' + first.getAttribute('data-lines').replace('-', '–') + ')';
  }
  window.addEventListener('hashchange', highlight);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', highlight);
  else highlight();
})();
