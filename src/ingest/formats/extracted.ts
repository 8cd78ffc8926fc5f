/** What the file itself says about a document; flags win over it. */
export interface FileMetadata {
  title?: string;
  /** As found (PDF date, HTML meta); validated later with the flags. */
  date?: string;
  language?: string;
}

/** A document's text as it will be stored and cited, with what the file says about itself. */
export interface ExtractedDocument {
  /** Plain text, LF line ends, paragraphs separated by blank lines, headings as `#` lines. */
  text: string;
  /** For a PDF: the 1-based line of `text` where each page starts (`pages[0]` is page 1's). */
  pages?: number[];
  metadata: FileMetadata;
}

/** Why a file cannot be added, said to the user after its name ("report.pdf: …"). */
export class RefusedFile extends Error {
  override readonly name = 'RefusedFile';
}

/** Blank-line-separated blocks, trailing spaces cut, no run of more than one blank line, ending with one newline. */
export function tidyText(text: string): string {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n').map((line) => line.replace(/[ \t\u00a0]+$/u, ''));
  const kept: string[] = [];
  for (const line of lines) {
    if (!line.trim() && (kept.length === 0 || !(kept[kept.length - 1] ?? '').trim())) continue;
    kept.push(line.trim() ? line : '');
  }
  while (kept.length > 0 && !(kept[kept.length - 1] ?? '').trim()) kept.pop();
  return kept.length ? kept.join('\n') + '\n' : '';
}

/** The first markdown heading's words, the usual title of a document that states none elsewhere. */
export function firstHeading(text: string): string | undefined {
  const match = /^#{1,6}\s+(.+)$/mu.exec(text);
  return match?.[1]?.replace(/[*_]+/gu, '').trim() || undefined;
}
