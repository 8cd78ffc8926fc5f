import { cleanInline, upperCaseRatio } from './clean-text.js';

/** How a seed file is laid out; decides what a blank line and a short line mean. */
export interface DocStyle {
  /** Markdown headings (`#`) present: only those, and `N- Title :` lines, are headings. */
  markdown: boolean;
  /** A blank line after every wrapped line (PDF export): blank lines do not end paragraphs. */
  doubleSpaced: boolean;
}

export interface Heading {
  level: number;
  title: string;
  /** Source lines the heading occupies, starting at the detected one. */
  consumed: number;
}

const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/u;
const NUMBERED_HEADING = /^(\d+(?:\.\d+){0,3})(?:\.|-|\s)\s*\p{Lu}/u;
const ROMAN_HEADING = /^[IVX]+\s*[/.-]\s*\p{Lu}/u;
const BOX_LEVEL = 5;
/** A title standing alone between blank lines, in running (not double-spaced) text: below the numbered outline. */
const STANDALONE_LEVEL = 4;

export function detectDocStyle(lines: readonly string[]): DocStyle {
  const markdown = lines.some((line) => MARKDOWN_HEADING.test(line));
  let filled = 0;
  let followedByBlank = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    filled += 1;
    if (i + 1 < lines.length && !(lines[i + 1] ?? '').trim()) followedByBlank += 1;
  });
  return { markdown, doubleSpaced: filled > 0 && followedByBlank / filled > 0.6 };
}

/** Outline depth implied by a title's numbering: `II/` 1, `2-` 2, `2.1.` 3; unnumbered boxes sit below all. */
export function levelOf(title: string, markdownDepth?: number): number {
  if (ROMAN_HEADING.test(title)) return 1;
  const numbered = /^(\d+(?:\.\d+)*)/u.exec(title);
  if (numbered?.[1]) return 1 + numbered[1].split('.').filter(Boolean).length;
  return markdownDepth ?? BOX_LEVEL;
}

function isCapsTitle(cleaned: string): boolean {
  const letters = cleaned.match(/\p{L}/gu)?.length ?? 0;
  return cleaned.length <= 90 && letters >= 6 && upperCaseRatio(cleaned) >= 0.85;
}

function endsLikeSentence(text: string): boolean {
  return /[.;,!?]$/u.test(text.trim());
}

/** Joins a heading's lines, undoing hyphenation even before capitals (`ATTRACTI-` + `VITÉ`). */
function joinTitle(parts: string[]): string {
  return parts.reduce((acc, part) => (/\p{L}-$/u.test(acc) ? acc.slice(0, -1) + part : `${acc} ${part}`));
}

function continuation(lines: readonly string[], start: number, title: string): string[] {
  const parts = [cleanInline(title)];
  const caps = isCapsTitle(parts[0] ?? '');
  let raw = lines[start] ?? '';
  for (let i = start + 1; i < lines.length; i += 1) {
    const next = cleanInline(lines[i] ?? '');
    if (!next) break;
    const capsGoesOn = caps && isCapsTitle(next);
    const shortTail = next.length <= 60 && !endsLikeSentence(next);
    const wrapGoesOn = !caps && / {2,}$/u.test(raw) && shortTail;
    // A paragraph opens with a capital; a lower-case short line right under a title is the title's second line.
    const lowerGoesOn = !caps && /^\p{Ll}/u.test(next) && shortTail;
    if (!capsGoesOn && !wrapGoesOn && !lowerGoesOn) break;
    parts.push(next);
    raw = lines[i] ?? '';
  }
  return parts;
}

function shortTitleLine(cleaned: string): boolean {
  return cleaned.length >= 3 && cleaned.length <= 90 && /^\p{Lu}/u.test(cleaned) && !/[.;:,!?]$/u.test(cleaned);
}

/**
 * Recognises a heading starting at `lines[i]`, or returns null.
 * `afterSentenceEnd` says whether the text before it closed a sentence (needed for double-spaced PDF text).
 */
export function detectHeading(
  lines: readonly string[],
  i: number,
  style: DocStyle,
  afterSentenceEnd: boolean,
): Heading | null {
  const raw = lines[i] ?? '';
  const md = MARKDOWN_HEADING.exec(raw);
  if (md) {
    const title = cleanInline(md[2] ?? '');
    return title ? { level: levelOf(title, md[1]?.length), title, consumed: 1 } : null;
  }
  const cleaned = cleanInline(raw);
  if (!cleaned) return null;
  const numbered = NUMBERED_HEADING.test(cleaned) || ROMAN_HEADING.test(cleaned);
  const singleLineBlock = !(lines[i + 1] ?? '').trim();
  const numberedTitle =
    numbered && !endsLikeSentence(cleaned) && (cleaned.length <= 80 || (singleLineBlock && cleaned.length <= 130));
  const capsTitle = !style.markdown && isCapsTitle(cleaned);
  const spacedTitle = style.doubleSpaced && afterSentenceEnd && shortTitleLine(cleaned) && nextStartsUpper(lines, i);
  const standalone = !style.doubleSpaced && !style.markdown && afterSentenceEnd && standsAlone(lines, i);
  if (!numberedTitle && !capsTitle && !spacedTitle && !standalone) return null;
  const parts = continuation(lines, i, raw);
  const title = joinTitle(parts);
  const plainLevel = spacedTitle ? 2 : STANDALONE_LEVEL;
  return { level: levelOf(title, numbered || capsTitle ? undefined : plainLevel), title, consumed: parts.length };
}

/**
 * Dates, references and signatures sit on lines of their own too ("Paris, le 03.06.19 002166 CM", "Monsieur Henri
 * VERDIER"): a title holds no figure and is not a person's name (a capitalised word, then a surname in capitals).
 */
function isPlainTitle(title: string): boolean {
  return !/\d/u.test(title) && !/\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}+)*\s+\p{Lu}{3,}$/u.test(title);
}

/**
 * A title set apart by blank lines, on one line or wrapped once (its first line ending in spaces), of three words or
 * more, followed by a paragraph opening with a capital: a sub-heading in text whose paragraphs are separated by
 * blank lines. Shorter lines standing alone are more often captions ("Légende").
 */
function standsAlone(lines: readonly string[], i: number): boolean {
  if ((lines[i - 1] ?? '').trim()) return false;
  const wrapped = / {2,}$/u.test(lines[i] ?? '') && (lines[i + 1] ?? '').trim() !== '';
  const size = wrapped ? 2 : 1;
  if ((lines[i + size] ?? '').trim()) return false;
  const title = lines.slice(i, i + size).map(cleanInline).join(' ');
  const wordCount = title.match(/\p{L}+/gu)?.length ?? 0;
  const titleShaped = /^\p{Lu}/u.test(title) && title.length <= 130 && !/[.;,!?]$|:/u.test(title);
  return titleShaped && isPlainTitle(title) && wordCount >= 3 && nextStartsUpper(lines, i + size - 1);
}

function nextStartsUpper(lines: readonly string[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j += 1) {
    const next = cleanInline(lines[j] ?? '');
    if (next) return /^\p{Lu}/u.test(next);
  }
  return true;
}
