import JSZip from 'jszip';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { RefusedFile, type ExtractedDocument, type FileMetadata } from './extracted.js';
import { htmlText } from './html-text.js';

/** A Word file through mammoth's HTML (headings, lists and tables kept), then the HTML reading; core.xml for metadata. */
export async function docxText(bytes: Buffer): Promise<ExtractedDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new RefusedFile('it is not a readable Word file (.docx is a zip archive; this one is damaged or is not one)');
  }
  if (!zip.file('word/document.xml')) throw new RefusedFile('it is not a Word document (no word/document.xml inside)');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch {
    throw new RefusedFile('its Word content cannot be read (damaged document.xml)');
  }
  const extracted = htmlText(`<html><body>${html}</body></html>`);
  const core = await zip.file('docProps/core.xml')?.async('string');
  return { text: extracted.text, metadata: { ...extracted.metadata, ...coreProperties(core ?? '') } };
}

/** Title, creation date and language from the package's core properties, when the author set them. */
function coreProperties(xml: string): FileMetadata {
  const dom = parseDocument(xml, { xmlMode: true });
  const value = (tag: string): string | undefined => {
    const element = DomUtils.findOne((el) => el.name === tag, dom.children);
    const text = element ? DomUtils.textContent(element).trim() : '';
    return text ? text : undefined;
  };
  const found = { title: value('dc:title'), date: value('dcterms:created'), language: value('dc:language') };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}
