/** Offset in the built text where a source line's words begin, and that line's 1-based number. */
export type LineMark = [offset: number, line: number];

/**
 * Joins cleaned source lines into one paragraph text while remembering which line each character came from,
 * so any sentence can later be cited with its exact line range. Undoes PDF line-end hyphenation.
 */
export class TextBuilder {
  private text = '';
  private readonly marks: LineMark[] = [];

  get isEmpty(): boolean {
    return this.text.length === 0;
  }

  get value(): string {
    return this.text;
  }

  append(piece: string, line: number): void {
    const words = piece.trim();
    if (!words) return;
    if (this.text && /\p{L}-$/u.test(this.text) && /^\p{Ll}/u.test(words)) {
      this.text = this.text.slice(0, -1);
    } else if (this.text) {
      this.text += ' ';
    }
    this.marks.push([this.text.length, line]);
    this.text += words;
  }

  build(): { text: string; lineMap: LineMark[] } {
    return { text: this.text, lineMap: [...this.marks] };
  }
}

/** 1-based source line of the character at `offset`. */
export function lineAt(lineMap: readonly LineMark[], offset: number): number {
  let found = lineMap[0]?.[1] ?? 1;
  for (const [start, line] of lineMap) {
    if (start > offset) break;
    found = line;
  }
  return found;
}

/** Inclusive line range covering `text.slice(start, end)`. */
export function linesOf(lineMap: readonly LineMark[], start: number, end: number): [number, number] {
  return [lineAt(lineMap, start), lineAt(lineMap, Math.max(start, end - 1))];
}
