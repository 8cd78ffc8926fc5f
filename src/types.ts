import type { LineMark } from './ingest/text-builder.js';

/** Language of a question; the documents themselves are French. */
export type Lang = 'fr' | 'en';

/** Hand-written facts about one seed document (seeds/metadata.json). */
export interface DocumentMeta {
  /** Seed file name, e.g. `004_c3f6cb5d275c60c7.txt`. */
  doc: string;
  title: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM or YYYY) the document bears. */
  date: string;
  kind: string;
  language: string;
  /** For a document added from a PDF: the 1-based line of its stored text where each page starts (`pages[0]` is page 1's). */
  pages?: number[];
}

/** A unit of a source document, as it reads on the page. */
export interface Paragraph {
  /** Stable id: `<doc>#<start>-<end>`. */
  id: string;
  doc: string;
  /** Heading path, outermost first. */
  section: string[];
  /** Human label, e.g. `§4.b` or `1.3 Renforcer la confiance sur Internet, ¶3`. */
  label: string;
  /** 1-based inclusive line range in the seed file. */
  lines: [number, number];
  /** Clean text: markup removed, line-end hyphenation undone, whitespace collapsed. */
  text: string;
  /** `[offset in text, 1-based source line]` for each source line the text draws on, in order. */
  lineMap: LineMark[];
  kind: 'paragraph' | 'list-item' | 'table-row';
  /** Words indexed with the paragraph but never quoted: table caption and column names, inherited cells. */
  context: string;
  /** Id of an identical paragraph earlier in the corpus, when this one repeats it. */
  duplicateOf?: string;
}

/** What is indexed and retrieved: a paragraph or a piece of a long one. */
export interface Passage {
  id: string;
  paragraphId: string;
  doc: string;
  section: string[];
  label: string;
  lines: [number, number];
  text: string;
  /** `[offset in text, 1-based source line]`, rebased to this passage's text. */
  lineMap: LineMark[];
  /** Index-only words (heading path, table caption); never quoted. */
  context: string;
  kind: Paragraph['kind'];
}

/** One ranked passage returned by a search; `score` is higher-is-better. */
export interface SearchHit {
  passage: Passage;
  title: string;
  score: number;
  /** For a document added from a PDF: the page of the passage's first line (1-based). */
  page?: number;
}

/** A verbatim quote tied to its exact source lines. */
export interface Citation {
  /** 1-based citation number as shown in the answer text, e.g. [1]. */
  n: number;
  doc: string;
  title: string;
  /** Heading path joined with ' › '. */
  section: string;
  paragraph: string;
  /** 1-based inclusive lines of the seed file holding the quote. */
  lines: [number, number];
  /** Exact words of the source (after whitespace and hyphenation normalisation). */
  quote: string;
  /** Date of the cited document. */
  date: string;
  passageId: string;
  /** For a document added from a PDF: the page of the quote's first line (1-based). Absent otherwise. */
  page?: number;
}

/** The core's platform-neutral reply to a question: data, which each adapter renders (or `answerText`). */
export type Answer =
  | (AnsweredCommon & {
      /** Quotes only: the citations are the answer. */
      mode: 'extractive';
    })
  | (AnsweredCommon & {
      /** Fluent prose from the configured LLM, every sentence verified, with [n] markers to the citations. */
      mode: 'llm';
      text: string;
    })
  | {
      kind: 'not-covered';
      query: string;
      lang: Lang;
      /** Nearest passages, offered for browsing only. */
      seeAlso: SearchHit[];
      /** Why the documents give no answer. */
      reason: Refusal;
      /** `llm` when the LLM judged the passages do not answer; absent means `extractive`. */
      mode?: AnswerMode;
    };

/** An answer saying the documents do not cover the question, and why. */
export type NotCoveredAnswer = Extract<Answer, { kind: 'not-covered' }>;

/**
 * How far the answerability model trusts an answer: `tentative` when it gives the deciding passage less than 3 to 1
 * odds of holding the evidence (`TENTATIVE_SUPPORT`), which the answer then says; else `firm`.
 */
export type Confidence = 'firm' | 'tentative';

interface AnsweredCommon {
  kind: 'answered';
  query: string;
  lang: Lang;
  citations: Citation[];
  confidence: Confidence;
  /**
   * The passages that passed the answering checks, best first: what the quotes come from, and what the optional
   * LLM is given to write from (set by the core; adapters do not need it).
   */
  grounds?: SearchHit[];
}

/**
 * Why a question gets no answer, one code per check of `question-facts.ts` (README, "Answering"):
 * - `no-passage-covers-question`: the best passages hold too little of the question's (rarity-weighted) words;
 * - `names-unknown`: the question names something the documents never mention;
 * - `subject-not-found`: the best passages hold none of the question's subject, the rarer half of its words;
 * - `names-elsewhere`: the passages near the question come from documents that do not mention a name it gives;
 * - `year-not-stated`, `rank-not-stated`: none of them states the year or the rank it gives;
 * - `no-amount-stated`, `no-sum-stated`, `no-share-stated`, `no-date-stated`: it asks for a number, a sum of money,
 *   a rate or share (a percentage, "six sur dix") or a date none gives;
 * - `no-country-named`: it asks which country, and none names one it does not already name;
 * - `no-outcome-stated`: it asks what came of something, and none states anything done (only what is to come);
 * - `no-date-for-partner`, `no-person-for-partner`, `no-figure-for-partner`: dates are given, people named, or
 *   numbers, sums or shares given, but not by a passage naming the partner it asks about;
 * - `no-person-named`: it asks who, and none names a person or body it does not already name;
 * - `quote-unverified`: no quote could be checked word for word against its source lines;
 * - `llm-not-covered`: the configured LLM judged that the passages do not answer.
 */
export type RefusalCode =
  | 'no-passage-covers-question'
  | 'names-unknown'
  | 'subject-not-found'
  | 'names-elsewhere'
  | 'year-not-stated'
  | 'rank-not-stated'
  | 'no-amount-stated'
  | 'no-sum-stated'
  | 'no-share-stated'
  | 'no-date-stated'
  | 'no-country-named'
  | 'no-outcome-stated'
  | 'no-date-for-partner'
  | 'no-person-for-partner'
  | 'no-figure-for-partner'
  | 'no-person-named'
  | 'quote-unverified'
  | 'llm-not-covered';

/** A refusal's code, for programs, and one plain sentence in the question's language saying it. */
export interface Refusal {
  code: RefusalCode;
  detail: string;
}

/** Who wrote an answer's text: the extractive core, or the configured LLM (then verified in code). */
export type AnswerMode = 'extractive' | 'llm';
