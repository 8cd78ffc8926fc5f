import { extractTextItems, getDocumentProxy, getMeta, type StructuredTextItem } from 'unpdf';
import { RefusedFile, type ExtractedDocument, type FileMetadata } from './extracted.js';
import { pdfLines, type PdfLine } from './pdf-lines.js';

/**
 * A PDF's text layer, page by page (pdf.js through unpdf), laid out as lines and paragraphs, with the stored line where
 * each page starts. A PDF with no text layer (a scan) is refused: there is nothing to quote.
 */
export async function pdfText(bytes: Buffer): Promise<ExtractedDocument> {
  const pdf = await openPdf(bytes);
  const { items } = await extractTextItems(pdf);
  const metadata = pdfMetadata((await getMeta(pdf)).info);
  await pdf.destroy();
  const pages = items.map((pageItems: StructuredTextItem[]) => pdfLines(pageItems));
  if (pages.every((lines) => lines.length === 0)) {
    throw new RefusedFile(`it has no text layer (${items.length} page(s) of images only: a scan?); run OCR on it first`);
  }
  return { ...layOut(pages), metadata };
}

async function openPdf(bytes: Buffer) {
  try {
    return await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (error: unknown) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new RefusedFile('it is password-protected');
    throw new RefusedFile('it is not a readable PDF (damaged, truncated or not a PDF)');
  }
}

const YEAR_START = /^\d{4}[.,;)]/u;

/**
 * Joins the pages' lines into one text. A page break inside a sentence does not end its paragraph, so a paragraph
 * running over two pages stays one; the page map keeps where each page starts.
 */
function layOut(pages: readonly PdfLine[][]): { text: string; pages: number[] } {
  const out: string[] = [];
  const starts: number[] = [];
  for (const lines of pages) {
    const previous = out[out.length - 1];
    const continues = lines[0] !== undefined && previous !== undefined && previous !== '' && !/[.!?:;»)]$/u.test(previous);
    if (!continues && out.length > 0 && lines.length > 0) out.push('');
    starts.push(out.length + 1);
    for (const line of lines) {
      if (line.gapBefore && out.length > 0 && out[out.length - 1] !== '') out.push('');
      const last = out[out.length - 1];
      // A wrapped line starting with a year ("2015. Cette…") would read as a numbered paragraph: it stays on the line before.
      if (!line.gapBefore && last && YEAR_START.test(line.text) && !last.startsWith('#')) out[out.length - 1] = `${last} ${line.text}`;
      else out.push(line.text);
    }
  }
  return { text: out.join('\n') + '\n', pages: starts };
}

function pdfMetadata(info: Record<string, unknown>): FileMetadata {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  return { title: text(info['Title']), date: pdfDate(text(info['CreationDate'])), language: text(info['Language']) };
}

/** `D:20191203…` (the PDF date form) as `2019-12-03`. */
function pdfDate(value: string | undefined): string | undefined {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/u.exec(value ?? '');
  if (!match?.[1]) return undefined;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}
