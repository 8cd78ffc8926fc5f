import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passagesIn, startFakeLlmApi, type FakeLlmApi } from '../support/llm-api.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import { copyOfSharedIndex } from '../support/shared-index.js';

const indexDir = copyOfSharedIndex();
const QUESTION = 'Quelle est la position de la France sur la Convention de Budapest ?';

/** Runs the real CLI with the LLM variables pointing at the loopback stand-in. */
const cli = (args: string[], env: Record<string, string>): Promise<CliResult> =>
  runCli(args, { indexDir, env: { LLM_API_KEY: 'sk-cli-secret', ...env } });

describe('diplomate ask with an LLM configured', () => {
  let api: FakeLlmApi;
  let env: Record<string, string>;

  beforeAll(async () => {
    api = await startFakeLlmApi();
    env = { LLM_BASE_URL: api.url, LLM_MODEL: 'test-model' };
    api.script({ reply: (request) => `La France la promeut : « ${(passagesIn(request).get(1) ?? '').slice(0, 30)} » [1].` });
  });
  afterAll(() => api.close());

  it('ask --json gives "mode": "llm" and a verified citation', async () => {
    const { code, stdout, stderr } = await cli(['ask', '--json', QUESTION], env);
    expect(code, stderr).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ mode: 'llm', abstained: false });
    expect(json.answer).toMatch(/^La France la promeut : « .+ » \[1\]\.$/u);
    expect(json.citations).toHaveLength(1);
    expect(api.requests.length).toBeGreaterThan(0);
  });

  it('--no-llm answers extractively without calling the LLM', async () => {
    const before = api.requests.length;
    const { code, stdout } = await cli(['ask', '--json', '--no-llm', QUESTION], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ mode: 'extractive' });
    expect(api.requests.length).toBe(before);
  });

  it('a failing LLM gives the extractive answer and one stderr line naming the reason, never the key', async () => {
    api.script({ status: 429 });
    const { code, stdout, stderr } = await cli(['ask', '--json', QUESTION], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ mode: 'extractive', abstained: false });
    expect(stderr).toContain('LLM answer not used (http-429 429)');
    expect(stderr).not.toContain('sk-cli-secret');
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it('refuses a partial LLM configuration, naming the missing variable', async () => {
    const { code, stderr } = await cli(['ask', QUESTION], { LLM_BASE_URL: api.url, LLM_MODEL: '' });
    expect(code).toBe(1);
    expect(stderr).toContain('LLM_MODEL');
    expect(stderr).not.toContain('sk-cli-secret');
  });
});
