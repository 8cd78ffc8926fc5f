import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { docxText } from './docx-text.js';
import { RefusedFile, type ExtractedDocument } from './extracted.js';
import { htmlText } from './html-text.js';
import { pdfText } from './pdf-text.js';
import { plainText } from './plain-text.js';

const READERS: Record<string, (bytes: Buffer) => ExtractedDocument | Promise<ExtractedDocument>> = {
  '.txt': plainText,
  '.md': plainText,
  '.html': (bytes) => htmlText(bytes.toString('utf8')),
  '.htm': (bytes) => htmlText(bytes.toString('utf8')),
  '.pdf': pdfText,
  '.docx': docxText,
};

export const SUPPORTED_FORMATS = Object.keys(READERS);

/** The file's bytes and its text, or a `RefusedFile` saying why not (unsupported, empty, damaged, image-only). */
export async function extractDocument(path: string): Promise<{ bytes: Buffer; extracted: ExtractedDocument }> {
  const format = extname(path).toLowerCase();
  const read = READERS[format];
  if (!read) {
    const shown = format || 'without an extension';
    throw new RefusedFile(`unsupported format ${shown} (supported: ${SUPPORTED_FORMATS.join(', ')})`);
  }
  const bytes = await readBytes(path);
  if (bytes.byteLength === 0) throw new RefusedFile('the file is empty');
  const extracted = await read(bytes);
  if (!/[\p{L}\p{N}]/u.test(extracted.text)) throw new RefusedFile('it holds no text to index');
  return { bytes, extracted };
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error: unknown) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new RefusedFile('no such file');
    if (code === 'EISDIR') throw new RefusedFile('it is a folder, not a file');
    if (code === 'EACCES') throw new RefusedFile('it cannot be read (permission denied)');
    throw new RefusedFile('it cannot be read');
  }
}
