/** The 1-based page holding `line`, given the line where each page starts; undefined for a document without pages. */
export function pageOfLine(pages: readonly number[] | undefined, line: number): number | undefined {
  if (!pages || pages.length === 0) return undefined;
  let page = 1;
  for (let i = 0; i < pages.length; i += 1) if ((pages[i] ?? Infinity) <= line) page = i + 1;
  return page;
}
