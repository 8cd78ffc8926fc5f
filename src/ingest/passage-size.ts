/**
 * Paragraphs longer than this are cut into passages; shorter ones are passages as they are. Apart from
 * `to-passages.ts` so that reading the index settings does not load the splitter.
 */
export const MAX_PASSAGE_CHARS = 1000;
