import { z } from 'zod';
import { AppError } from '../errors.js';

/** How to reach an OpenAI-compatible chat-completions API (OpenAI, Mistral, vLLM, Ollama's `/v1`). */
export interface LlmConfig {
  /** Base URL of the API, e.g. `http://127.0.0.1:11434/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  /** Bearer token; absent for local servers that need none. Never logged. */
  apiKey?: string;
  /** Whole-request bound in milliseconds (streaming included); past it the answer is extractive. */
  timeoutMs: number;
}

export const DEFAULT_LLM_TIMEOUT_MS = 6000;

const blankIsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const schema = z.object({
  LLM_BASE_URL: z.preprocess(blankIsMissing, z.url({ protocol: /^https?$/u }).optional()),
  LLM_MODEL: z.preprocess(blankIsMissing, z.string().optional()),
  LLM_API_KEY: z.preprocess(blankIsMissing, z.string().optional()),
  LLM_TIMEOUT_MS: z.preprocess(blankIsMissing, z.coerce.number().int().min(100).max(600_000).optional()),
});

/**
 * Reads `LLM_BASE_URL`, `LLM_MODEL`, `LLM_API_KEY`, `LLM_TIMEOUT_MS`. Returns null when neither the URL nor the
 * model is set (extractive answers only). Throws `BAD_CONFIG` naming every bad variable, never a value.
 */
export function loadLlmConfig(env: Readonly<Record<string, string | undefined>>): LlmConfig | null {
  const parsed = schema.safeParse({
    LLM_BASE_URL: env.LLM_BASE_URL,
    LLM_MODEL: env.LLM_MODEL,
    LLM_API_KEY: env.LLM_API_KEY,
    LLM_TIMEOUT_MS: env.LLM_TIMEOUT_MS,
  });
  const bad = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
  const data = parsed.success ? parsed.data : undefined;
  const hasUrl = blankIsMissing(env.LLM_BASE_URL) !== undefined;
  const hasModel = blankIsMissing(env.LLM_MODEL) !== undefined;
  if (!hasUrl && !hasModel && bad.size === 0) return null;
  if (!hasUrl) bad.add('LLM_BASE_URL');
  if (!hasModel) bad.add('LLM_MODEL');
  if (bad.size > 0 || !data?.LLM_BASE_URL || !data.LLM_MODEL) {
    const names = [...bad].sort().join(', ');
    throw new AppError('BAD_CONFIG', `Invalid LLM configuration: ${names} (LLM_BASE_URL and LLM_MODEL go together).`);
  }
  return {
    baseUrl: data.LLM_BASE_URL.replace(/\/+$/u, ''),
    model: data.LLM_MODEL,
    ...(data.LLM_API_KEY ? { apiKey: data.LLM_API_KEY } : {}),
    timeoutMs: data.LLM_TIMEOUT_MS ?? DEFAULT_LLM_TIMEOUT_MS,
  };
}
