/**
 * Tracks the heading path and gives each paragraph a human label:
 * `§4.b` where the source numbers its paragraphs, `<heading>, ¶3` elsewhere.
 */
export class ParagraphLabeler {
  private path: { level: number; title: string }[] = [];
  private counter = 0;
  private lastNumber: string | null = null;

  enterHeading(level: number, title: string): void {
    this.path = this.path.filter((heading) => heading.level < level);
    this.path.push({ level, title });
    this.counter = 0;
  }

  label(text: string): { section: string[]; label: string } {
    this.counter += 1;
    const section = this.path.map((heading) => heading.title);
    return { section, label: this.labelFor(text, section) };
  }

  private labelFor(text: string, section: string[]): string {
    const numbered = /^(\d+)\.\s+(\S+)/u.exec(text);
    if (numbered?.[1] && !/^https?:/u.test(numbered[2] ?? '')) {
      this.lastNumber = numbered[1];
      return `§${numbered[1]}`;
    }
    if (numbered?.[1]) return `note ${numbered[1]}`;
    const lettered = /^([a-z])[.)]\s/u.exec(text);
    if (lettered?.[1] && this.lastNumber) return `§${this.lastNumber}.${lettered[1]}`;
    const heading = section[section.length - 1];
    return heading ? `${shorten(heading)}, ¶${this.counter}` : `¶${this.counter}`;
  }
}

function shorten(title: string): string {
  return title.length <= 70 ? title : `${title.slice(0, 67).trimEnd()}…`;
}
