import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseMessage } from '@langchain/core/messages';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { packageRoot } from '../paths.js';
import type { Confidence, Lang, SearchHit } from '../types.js';

const LANGUAGE_NAME: Record<Lang, string> = { fr: 'French', en: 'English' };

/**
 * What the prompt says of passages the answerability model trusts little (`Confidence`): the model is to keep to what
 * they state, and to say so when they do not answer, rather than stretch a near match into an answer.
 */
const CLOSENESS: Record<Confidence, string> = {
  firm: '',
  tentative:
    'These passages were judged only a loose match for the question: state only what they say, and if they do not ' +
    'answer it, reply with the exact sentence of rule 4.\n\n',
};

/** Folder of the plain-text templates (`system.txt`, `user.txt`) with `{named}` placeholders. */
export const defaultPromptsDir = (): string => join(packageRoot(), 'prompts');

/** Builds the chat messages for one question from the template files, read once. */
export type PromptBuilder = (input: {
  question: string;
  lang: Lang;
  passages: readonly SearchHit[];
  notCovered: string;
  confidence: Confidence;
}) => Promise<BaseMessage[]>;

export function createPromptBuilder(promptsDir: string = defaultPromptsDir()): PromptBuilder {
  const template = ChatPromptTemplate.fromMessages([
    ['system', readFileSync(join(promptsDir, 'system.txt'), 'utf8').trim()],
    ['human', readFileSync(join(promptsDir, 'user.txt'), 'utf8').trim()],
  ]);
  return ({ question, lang, passages, notCovered, confidence }) =>
    template.formatMessages({
      closeness: CLOSENESS[confidence],
      language: LANGUAGE_NAME[lang],
      not_covered: notCovered,
      passages: passages.map((hit, i) => passageBlock(hit, i + 1)).join('\n\n'),
      question: neutralizeTags(question),
    });
}

/**
 * One passage as a delimited data block. Text that could close or open a block (or the question) is
 * defused, so a document cannot step outside its block and pose as instructions.
 */
export function passageBlock(hit: SearchHit, id: number): string {
  const { passage } = hit;
  const attributes = [
    `id="${id}"`,
    `doc="${attr(hit.title)}"`,
    `section="${attr(passage.section.join(' › '))}"`,
    `lines="${passage.lines[0]}-${passage.lines[1]}"`,
  ].join(' ');
  return `<passage ${attributes}>\n${neutralizeTags(passage.text)}\n</passage>`;
}

const attr = (value: string): string => neutralizeTags(value).replace(/"/gu, "'");

function neutralizeTags(text: string): string {
  return text.replace(/<(\/?\s*(?:passage|question)\b)/giu, '‹$1');
}
