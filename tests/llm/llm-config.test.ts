import { describe, expect, it } from 'vitest';
import { AppError, DEFAULT_LLM_TIMEOUT_MS, loadLlmConfig } from '../../src/index.js';

describe('loadLlmConfig', () => {
  it('is off (null) when neither the URL nor the model is set, blanks counting as unset', () => {
    expect(loadLlmConfig({})).toBeNull();
    expect(loadLlmConfig({ LLM_BASE_URL: '', LLM_MODEL: ' ', LLM_API_KEY: '' })).toBeNull();
  });

  it('reads a local server without a key, with the default timeout', () => {
    expect(loadLlmConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', LLM_MODEL: 'mistral' })).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'mistral',
      timeoutMs: DEFAULT_LLM_TIMEOUT_MS,
    });
  });

  it('reads the key and a timeout', () => {
    const config = loadLlmConfig({ LLM_BASE_URL: 'https://llm.example/v1', LLM_MODEL: 'm', LLM_API_KEY: 'k', LLM_TIMEOUT_MS: '2500' });
    expect(config).toMatchObject({ apiKey: 'k', timeoutMs: 2500 });
  });

  it.each([
    [{ LLM_BASE_URL: 'http://127.0.0.1/v1' }, ['LLM_MODEL']],
    [{ LLM_MODEL: 'm', LLM_API_KEY: 'sk-secret-value' }, ['LLM_BASE_URL']],
    [{ LLM_BASE_URL: 'not a url', LLM_MODEL: 'm', LLM_TIMEOUT_MS: 'soon' }, ['LLM_BASE_URL', 'LLM_TIMEOUT_MS']],
    [{ LLM_BASE_URL: 'ftp://host/v1', LLM_MODEL: 'm' }, ['LLM_BASE_URL']],
  ])('refuses %o naming every bad variable and no value', (env, names) => {
    let caught: unknown;
    try {
      loadLlmConfig(env);
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const { code, message } = caught as AppError;
    expect(code).toBe('BAD_CONFIG');
    for (const name of names) expect(message).toContain(name);
    for (const value of Object.values(env)) if (!value.startsWith('LLM')) expect(message).not.toContain(value);
  });
});
