import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { RefusedFile, type ExtractedDocument } from './extracted.js';
import { plainText } from './plain-text.js';

type Reader = (bytes: Buffer) => ExtractedDocument | Promise<ExtractedDocument>;

// The PDF, Word and HTML libraries load on first use: every command imports the core, and only `add` reads them
// (loading them at start-up cost each `ask` about 0.3 s).
const html: Reader = async (bytes) => (await import('./html-text.js')).htmlText(bytes.toString('utf8'));
const READERS: Record<string, Reader> = {
  '.txt': plainText,
  '.md': plainText,
  '.html': html,
  '.htm': html,
  '.pdf': async (bytes) => (await import('./pdf-text.js')).pdfText(bytes),
  '.docx': async (bytes) => (await import('./docx-text.js')).docxText(bytes),
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
