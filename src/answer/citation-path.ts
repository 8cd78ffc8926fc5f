/**
 * Path of the source viewer page showing `lines` (1-based, inclusive) of seed file `doc`:
 * `/doc/<doc>#L<start>-L<end>`. Adapters prefix it with the public URL of the web server.
 */
export function citationPath(doc: string, lines: readonly [number, number]): string {
  return `/doc/${encodeURIComponent(doc)}#L${lines[0]}-L${lines[1]}`;
}
