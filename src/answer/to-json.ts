import type { Answer, AnswerMode, Confidence, RefusalCode, SearchHit } from '../types.js';
import { answerText } from './answer-text.js';

/** `search --json` contract: stable, documented in README. */
export interface SearchJson {
  query: string;
  results: {
    doc: string;
    title: string;
    section: string;
    paragraph: string;
    lines: [number, number];
    text: string;
    score: number;
    /** Only for a document added from a PDF: the page of the first line. */
    page?: number;
  }[];
}

/** `ask --json` contract: stable, documented in README. */
export interface AskJson {
  query: string;
  answer: string;
  abstained: boolean;
  /** `llm` when the configured LLM wrote the answer (every sentence verified), else `extractive`. */
  mode: AnswerMode;
  /** When answering: `tentative` when the model gives its deciding passage under 3 to 1 odds of answering, else `firm`. */
  confidence?: Confidence;
  citations: {
    n: number;
    doc: string;
    title: string;
    section: string;
    paragraph: string;
    lines: [number, number];
    quote: string;
    /** Only for a document added from a PDF: the page of the quote's first line. */
    page?: number;
  }[];
  /** When abstaining: why, as a code for programs and one sentence in the question's language. */
  reason?: { code: RefusalCode; detail: string };
  /** Nearest passages when abstaining (browsing only, not evidence). */
  seeAlso?: SearchJson['results'];
}

export function searchToJson(query: string, hits: readonly SearchHit[]): SearchJson {
  return { query, results: hits.map(hitToJson) };
}

function hitToJson(hit: SearchHit): SearchJson['results'][number] {
  const { passage } = hit;
  return {
    doc: passage.doc,
    title: hit.title,
    section: passage.section.join(' › '),
    paragraph: passage.label,
    lines: passage.lines,
    text: passage.text,
    score: Number(hit.score.toFixed(6)),
    ...(hit.page === undefined ? {} : { page: hit.page }),
  };
}

export function answerToJson(answer: Answer): AskJson {
  if (answer.kind === 'not-covered') {
    return {
      query: answer.query,
      answer: answerText(answer),
      abstained: true,
      mode: answer.mode ?? 'extractive',
      citations: [],
      reason: { code: answer.reason.code, detail: answer.reason.detail },
      seeAlso: answer.seeAlso.map(hitToJson),
    };
  }
  return {
    query: answer.query,
    answer: answerText(answer),
    abstained: false,
    mode: answer.mode,
    confidence: answer.confidence,
    citations: answer.citations.map(({ n, doc, title, section, paragraph, lines, quote, page }) => ({
      n,
      doc,
      title,
      section,
      paragraph,
      lines,
      quote,
      ...(page === undefined ? {} : { page }),
    })),
  };
}
