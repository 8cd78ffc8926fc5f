import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat-completions request the stand-in received. */
export interface RecordedLlmRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    stream?: boolean;
    messages?: { role: string; content: string }[];
  };
}

/** What the stand-in answers to the next request(s). */
export type LlmScript =
  /** A normal completion: JSON, or SSE chunks of `chunkSize` characters when the request asks to stream. */
  | {
      reply: string | ((request: RecordedLlmRequest) => string);
      chunkSize?: number;
      /** Streams pieces cut right after each occurrence of this text instead of fixed-size chunks. */
      chunkAfter?: string;
      /** Awaited before each chunk (0-based; the closing one last) is streamed: lets a test pace the stream on what it observed. */
      beforeChunk?: (index: number) => Promise<void>;
      /** After the chunks, instead of finishing: stall forever, or send a malformed chunk and close. */
      then?: 'hang' | 'malformed';
    }
  /** An HTTP error with an OpenAI-style error body. */
  | { status: number; message?: string }
  /** A 200 with this exact body (e.g. malformed JSON). */
  | { raw: string }
  /** Never answers: the client must give up on its own. */
  | { hang: true };

/** A loopback stand-in for an OpenAI-compatible chat-completions API, scripted per test. */
export interface FakeLlmApi {
  /** Base URL to give as LLM_BASE_URL (ends in `/v1`). */
  url: string;
  requests: RecordedLlmRequest[];
  /** Sets the answer for every following request. */
  script(script: LlmScript): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

const completion = (content: string) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion',
  created: 1,
  model: 'test-model',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

const chunk = (delta: Record<string, string>, finish: string | null) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'test-model',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

type StreamScript = Extract<LlmScript, { reply: unknown }>;

function pieces(content: string, script: StreamScript): string[] {
  const after = script.chunkAfter;
  if (after === undefined || after === '') {
    const size = script.chunkSize ?? 12;
    return Array.from({ length: Math.ceil(content.length / size) }, (_, i) => content.slice(i * size, (i + 1) * size));
  }
  return content.split(after).map((piece, i, all) => (i < all.length - 1 ? piece + after : piece)).filter((piece) => piece !== '');
}

async function sendStream(res: ServerResponse, content: string, script: StreamScript): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  send(chunk({ role: 'assistant', content: '' }, null));
  const parts = pieces(content, script);
  for (const [index, piece] of parts.entries()) {
    await script.beforeChunk?.(index);
    send(chunk({ content: piece }, null));
  }
  if (script.then === 'hang') return;
  // The closing chunk is paced too: a test can hold the end of the stream until the last draft was seen.
  await script.beforeChunk?.(parts.length);
  if (script.then === 'malformed') {
    res.end('data: {"choices": [ {"delta": \n\n');
    return;
  }
  send(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

function answer(res: ServerResponse, script: LlmScript, request: RecordedLlmRequest): void {
  const stream = request.body.stream === true;
  if ('hang' in script) return;
  if ('status' in script) {
    const headers = { 'content-type': 'application/json', ...(script.status === 429 ? { 'retry-after': '1' } : {}) };
    res.writeHead(script.status, headers);
    res.end(JSON.stringify({ error: { message: script.message ?? 'scripted failure', type: 'test', code: null } }));
  } else if ('raw' in script) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(script.raw);
  } else {
    const content = typeof script.reply === 'string' ? script.reply : script.reply(request);
    if (stream) {
      sendStream(res, content, script).catch(() => res.destroy());
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(completion(content)));
  }
}

export async function startFakeLlmApi(): Promise<FakeLlmApi> {
  const requests: RecordedLlmRequest[] = [];
  let current: LlmScript = { status: 500, message: 'no script' };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      let body: RecordedLlmRequest['body'] = {};
      try {
        body = JSON.parse(raw) as RecordedLlmRequest['body'];
      } catch {
        // recorded as empty: the test will see it
      }
      const request = { path: req.url ?? '/', authorization: req.headers.authorization, body };
      requests.push(request);
      answer(res, current, request);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script(script) {
      current = script;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The passages of a recorded request, by id, as the prompt delimited them. */
export function passagesIn(request: RecordedLlmRequest | undefined): Map<number, string> {
  const user = request?.body.messages?.find((message) => message.role === 'user')?.content ?? '';
  const found = new Map<number, string>();
  for (const match of user.matchAll(/<passage id="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/gu)) {
    found.set(Number(match[1]), match[2] ?? '');
  }
  return found;
}

/** The id the prompt gives the first passage holding `text` (1 when none does): a scripted reply cites by content. */
export function passageWith(request: RecordedLlmRequest | undefined, text: string): number {
  return [...passagesIn(request).entries()].find(([, passage]) => passage.includes(text))?.[0] ?? 1;
}

/** Words `from` to `to` (0-based, end excluded) of a passage of a recorded request. */
export function wordsOf(request: RecordedLlmRequest | undefined, id: number, from: number, to: number): string {
  return (passagesIn(request).get(id) ?? '').split(/\s+/u).slice(from, to).join(' ');
}

/**
 * A reply a faithful model could give from the request's passages, whatever their order: a quote of the passage on
 * the Convention's universalisation, two sentences in another passage's words, then the universalisation, the last
 * sentence, cited to the first passage again.
 */
export function scriptedAnswer(request: RecordedLlmRequest | undefined): { text: string; quoted: string } {
  const main = passageWith(request, 'universalisation');
  const other = [...passagesIn(request).keys()].find((id) => id !== main) ?? main;
  const quoted = wordsOf(request, main, 0, 6);
  const text =
    `La France agit : « ${quoted} » [${main}]. Elle évoque ${wordsOf(request, other, 2, 8)} [${other}]. ` +
    `Elle ajoute ${wordsOf(request, other, 8, 14)} [${other}]. Elle œuvre aussi pour son universalisation [${main}].`;
  return { text, quoted };
}
