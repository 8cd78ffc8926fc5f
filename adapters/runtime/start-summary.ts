import type { Core, LlmConfig } from '../../src/index.js';

export interface SummaryInput {
  core: Core;
  url: string;
  publicUrl: string;
  slack: 'http' | 'socket' | null;
  discord: boolean;
  llm: LlmConfig | null;
  /** Where deliveries and votes are remembered: `Redis` or the embedded store's file. */
  state: string;
}

/** The start-up line: what was loaded, how answers are made, which adapters run, and where (no secrets). */
export function startSummary(input: SummaryInput): { fields: Record<string, unknown>; message: string } {
  const { info } = input.core;
  const adapters = ['web', ...(input.slack === null ? [] : [`slack (${input.slack === 'http' ? 'HTTP at /slack/events' : 'Socket Mode'})`])];
  if (input.discord) adapters.push('discord');
  const retrieval = info.modelFree ? `model-free (${info.embedder})` : `model ${info.embedder}`;
  const answers = input.llm === null ? 'extractive answers' : `LLM answers (${input.llm.model}) with extractive fallback`;
  return {
    fields: {
      indexDir: info.indexDir,
      passages: info.passages,
      embedder: info.embedder,
      modelFree: info.modelFree,
      llmModel: input.llm?.model ?? null,
      adapters,
      url: input.url,
      publicUrl: input.publicUrl,
      state: input.state,
    },
    message:
      `diplomate ready on ${input.url}: ${info.passages} passages from ${info.indexDir}, ${retrieval}, ${answers}; ` +
      `adapters: ${adapters.join(', ')}; links use ${input.publicUrl}; state in ${input.state}`,
  };
}
