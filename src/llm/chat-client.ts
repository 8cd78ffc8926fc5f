import type { BaseMessage } from '@langchain/core/messages';
import { ChatOpenAICompletions } from '@langchain/openai';
import type { LlmConfig } from './llm-config.js';

/** Why an LLM answer was not used; written to the log, never shown to the user. */
export type FallbackReason =
  | 'timeout'
  | 'aborted'
  | 'http-429'
  | 'http-error'
  | 'unreachable'
  | 'malformed'
  | 'unverified'
  | 'off-topic';

export type Generation =
  | { ok: true; text: string }
  | { ok: false; reason: FallbackReason; status?: number; error?: string };

/** Sends the messages and returns the reply text; streams (calling `onText` with the text so far) when asked. */
export type ChatClient = (
  messages: BaseMessage[],
  options: { signal?: AbortSignal; onText?: (textSoFar: string) => void },
) => Promise<Generation>;

/**
 * A chat-completions client on langchain's `ChatOpenAICompletions`: the chat-completions flavour of `ChatOpenAI`,
 * chosen because it never switches to OpenAI's Responses API (which `ChatOpenAI` does for some model names and
 * which vLLM, Ollama or Mistral do not serve). No retries: a failure falls back to the extractive answer at once.
 */
export function createChatClient(config: LlmConfig): ChatClient {
  const model = new ChatOpenAICompletions({
    model: config.model,
    // The OpenAI SDK refuses to start without a key; local servers ignore this placeholder.
    apiKey: config.apiKey ?? 'no-key',
    configuration: { baseURL: config.baseUrl },
    maxRetries: 0,
    timeout: config.timeoutMs,
    temperature: 0,
    // A few cited sentences; a cap keeps a runaway generation inside the time bound.
    maxTokens: 700,
    streamUsage: false,
  });
  return async (messages, { signal, onText }) => {
    const deadline = AbortSignal.timeout(config.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      const text = onText ? await streamText(model, messages, combined, onText) : await invokeText(model, messages, combined);
      return text.trim() ? { ok: true, text } : { ok: false, reason: 'malformed', error: 'empty reply' };
    } catch (error: unknown) {
      return classify(error, deadline.aborted, signal?.aborted === true);
    }
  };
}

async function invokeText(model: ChatOpenAICompletions, messages: BaseMessage[], signal: AbortSignal): Promise<string> {
  const reply = await model.invoke(messages, { signal });
  if (typeof reply.content !== 'string') throw new TypeError('reply content is not text');
  return reply.content;
}

async function streamText(
  model: ChatOpenAICompletions,
  messages: BaseMessage[],
  signal: AbortSignal,
  onText: (textSoFar: string) => void,
): Promise<string> {
  let text = '';
  for await (const chunk of await model.stream(messages, { signal })) {
    if (typeof chunk.content !== 'string') throw new TypeError('chunk content is not text');
    if (!chunk.content) continue;
    text += chunk.content;
    onText(text);
  }
  return text;
}

/** Maps any failure to a reason; keeps only the error's class name (messages may echo keys or bodies). */
function classify(error: unknown, timedOut: boolean, aborted: boolean): Generation {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  if (timedOut) return { ok: false, reason: 'timeout', error: name };
  if (aborted) return { ok: false, reason: 'aborted', error: name };
  const status = statusOf(error);
  if (status === 429) return { ok: false, reason: 'http-429', status, error: name };
  if (status !== undefined) return { ok: false, reason: 'http-error', status, error: name };
  if (error instanceof Error && (error.name === 'TimeoutError' || /timed out/iu.test(error.message))) {
    return { ok: false, reason: 'timeout', error: name };
  }
  if (error instanceof SyntaxError || error instanceof TypeError) return { ok: false, reason: 'malformed', error: name };
  return { ok: false, reason: 'unreachable', error: name };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}
