import { firstHeading, RefusedFile, tidyText, type ExtractedDocument } from './extracted.js';

/** `.txt` and `.md`: UTF-8 text as it is (line ends and trailing spaces tidied), refused when it is not text. */
export function plainText(bytes: Buffer): ExtractedDocument {
  if (bytes.includes(0)) throw new RefusedFile('it is binary, not text');
  const decoded = decodeUtf8(bytes);
  const text = tidyText(decoded.replace(/^\uFEFF/u, ''));
  return { text, metadata: { title: firstHeading(text) } };
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RefusedFile('it is not UTF-8 text (save it as UTF-8 and add it again)');
  }
}
