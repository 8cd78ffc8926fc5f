import { NOT_COVERED } from '../answer/answer-text.js';
import { notCovered } from '../answer/compose-answer.js';
import { normalizeForMatch } from '../answer/verify-quote.js';
import type { AskOptions, Core } from '../core/core.js';
import { analyzeQuery } from '../search/analyze-query.js';
import { emptyLexicon, type Lexicon } from '../search/lexicon.js';
import type { Answer, SearchHit } from '../types.js';
import { createPromptBuilder } from './build-prompt.js';
import { createChatClient, type FallbackReason } from './chat-client.js';
import type { LlmConfig } from './llm-config.js';
import { MARKER, splitAnswer } from './split-answer.js';
import { verifySentences, type DropReason, type VerifyContext } from './verify-answer.js';

/** One line per question answered with an LLM configured: which mode won and, on fallback, why. No bodies, no key. */
export interface LlmLogEntry {
  mode: 'llm' | 'extractive';
  /** Set when the extractive answer was used: the LLM failure, or `not-covered` when retrieval found nothing. */
  fallback?: FallbackReason | 'not-covered';
  status?: number;
  /** Error class name of a failed request. */
  error?: string;
  sentences?: number;
  dropped?: DropReason[];
  latencyMs: number;
}

export interface LlmCoreOptions {
  config: LlmConfig;
  /** Lines of each seed file: every quote is verified against them. */
  seedLines: ReadonlyMap<string, readonly string[]>;
  onLog?: (entry: LlmLogEntry) => void;
  promptsDir?: string;
  /** At most this many of the passages that passed are given to the model (default 6; answerability passes at most 3). */
  passages?: number;
  /** Translates an English sentence's words so it can be checked against French passages (default: none). */
  lexicon?: Lexicon;
}

/**
 * Wraps the extractive core: when it finds evidence, the LLM writes the answer from the passages that passed the
 * answering checks (at most the three candidates) and every sentence is verified in code; any failure returns the extractive answer (mode `extractive`) and logs why.
 */
export function withLlm(core: Core, options: LlmCoreOptions): Core {
  const buildPrompt = createPromptBuilder(options.promptsDir);
  const chat = createChatClient(options.config);
  const documents = new Map(core.documents.map((meta) => [meta.doc, meta]));
  const log = options.onLog ?? (() => {});
  const lexicon = options.lexicon ?? emptyLexicon;
  const sentenceTerms = (text: string) => new Set(analyzeQuery(text, lexicon).terms.keys());

  async function ask(question: string, askOptions: AskOptions = {}): Promise<Answer> {
    const started = Date.now();
    const extractive = await core.ask(question);
    const done = (answer: Answer, entry: Omit<LlmLogEntry, 'latencyMs' | 'mode'>): Answer => {
      log({ mode: answer.mode ?? 'extractive', ...entry, latencyMs: Date.now() - started });
      return answer;
    };
    // Nothing worth grounding on: asking the model would only invite an invented answer.
    if (extractive.kind === 'not-covered') return done(extractive, { fallback: 'not-covered' });
    // The passages that passed the answering checks, not a second retrieval: the model writes from what was judged to answer.
    const passages = (extractive.grounds ?? []).slice(0, options.passages ?? 6);
    const context: VerifyContext = { passages, seedLines: options.seedLines, documents, sentenceTerms };
    const lang = extractive.lang;
    const messages = await buildPrompt({
      question: extractive.query,
      lang,
      passages,
      notCovered: NOT_COVERED[lang],
      confidence: extractive.confidence,
    });
    const onDraft = askOptions.onDraft;
    const generation = await chat(messages, {
      signal: askOptions.signal,
      onText: onDraft ? draftWriter(onDraft, lang, context) : undefined,
    });
    if (!generation.ok) {
      const { reason, status, error } = generation;
      return done(extractive, { fallback: reason, ...(status ? { status } : {}), ...(error ? { error } : {}) });
    }
    if (saysNotCovered(generation.text)) {
      return done({ ...notCovered(extractive.query, lang, seeAlso(passages), { code: 'llm-not-covered' }), mode: 'llm' }, {});
    }
    const sentences = splitAnswer(generation.text, lang);
    const verified = verifySentences(sentences, context);
    const counts = { sentences: sentences.length, dropped: verified.dropped };
    if (verified.kept === 0 || verified.dropped.length * 2 > sentences.length) {
      return done(extractive, { fallback: 'unverified', ...counts });
    }
    // A reply that parrots a passage ("PWNED", as an injected document may ask) cites it but does not answer.
    if (!sharesTerm(sentenceTerms(verified.text.replace(MARKER, ' ')), sentenceTerms(question))) {
      return done(extractive, { fallback: 'off-topic', ...counts });
    }
    const { text, citations } = verified;
    return done({ kind: 'answered', query: extractive.query, lang, text, citations, confidence: extractive.confidence, mode: 'llm' }, counts);
  }

  return { ...core, ask };
}

const sharesTerm = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((term) => b.has(term));

const seeAlso = (passages: readonly SearchHit[]): SearchHit[] => passages.slice(0, 3);

/** The fixed reply the prompt asks for, in either language, with no citation beside it. */
function saysNotCovered(text: string): boolean {
  const said = normalizeForMatch(text);
  if (text.match(MARKER)) return false;
  return Object.values(NOT_COVERED).some((sentence) => said.includes(normalizeForMatch(sentence).replace(/\.$/u, '')));
}

/** Calls `onDraft` with the verified complete sentences so far, only when that text grows. */
function draftWriter(onDraft: (text: string) => void, lang: string, context: VerifyContext) {
  let shown = '';
  return (textSoFar: string): void => {
    const complete = splitAnswer(textSoFar, lang).slice(0, -1);
    if (complete.length === 0) return;
    const { text } = verifySentences(complete, context);
    if (!text || text === shown) return;
    shown = text;
    try {
      onDraft(text);
    } catch {
      // Progressive display is best effort: a failing edit must not cost the answer.
    }
  };
}
