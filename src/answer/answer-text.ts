import type { Answer, Confidence, Lang, NotCoveredAnswer } from '../types.js';

/** The fixed "not covered" sentence, also the reply the LLM is told to give when the passages do not answer. */
export const NOT_COVERED: Record<Lang, string> = {
  fr: 'Les documents ne traitent pas de cette question.',
  en: 'The documents do not cover this question.',
};

const LEAD: Record<Confidence, Record<Lang, string>> = {
  firm: {
    fr: 'Les documents indiquent :',
    en: 'The documents say (quoted in the original French):',
  },
  tentative: {
    fr: 'Réponse incertaine : les passages les plus proches indiquent :',
    en: 'Uncertain answer: the closest passages say (quoted in the original French):',
  },
};

/** Put before an LLM's prose when the model trusts its passages little (`Confidence`). */
const TENTATIVE_NOTE: Record<Lang, string> = {
  fr: 'Réponse incertaine :',
  en: 'Uncertain answer:',
};

const openQuote = (lang: Lang): string => (lang === 'fr' ? '« ' : '“');
const closeQuote = (lang: Lang): string => (lang === 'fr' ? ' »' : '”');

/**
 * An answer as one plain text, for the JSON contract's `answer`, the terminal and the web page: the refusal and its
 * reason; the LLM's verified prose; or connecting words in the question's language around each verbatim French quote
 * with its [n]. The core returns data; this is one way of showing it (the chat adapters show quotes as their own blocks).
 */
export function answerText(answer: Answer): string {
  if (answer.kind === 'not-covered') return refusalText(answer);
  if (answer.mode === 'llm') {
    return answer.confidence === 'tentative' ? `${TENTATIVE_NOTE[answer.lang]} ${answer.text}` : answer.text;
  }
  const { lang } = answer;
  const quotes = answer.citations.map((c) => `${openQuote(lang)}${c.quote}${closeQuote(lang)} [${c.n}]`);
  return [LEAD[answer.confidence][lang], ...quotes].join('\n');
}

/** "The documents do not cover this question." and the reason, in the question's language. */
export function refusalText(answer: NotCoveredAnswer): string {
  return `${NOT_COVERED[answer.lang]} ${answer.reason.detail}`;
}
