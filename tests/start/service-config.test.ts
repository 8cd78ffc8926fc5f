import { describe, expect, it } from 'vitest';
import { readConfigs } from '../../adapters/runtime/read-configs.js';
import { loadServiceConfig } from '../../adapters/runtime/service-config.js';

describe('service configuration', () => {
  it('defaults to port 3000 on every interface, with no public URL (derived from the bound port later)', () => {
    expect(loadServiceConfig({})).toMatchObject({ port: 3000, host: undefined, publicUrl: undefined, indexDir: undefined });
  });

  it('reads PORT, HOST and PUBLIC_URL, treating blank values as unset and dropping trailing slashes', () => {
    const config = loadServiceConfig({ PORT: '8080', HOST: '127.0.0.1', PUBLIC_URL: 'https://diplomate.example.org/base//', DIPLOMATE_INDEX_DIR: ' ' });
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', publicUrl: 'https://diplomate.example.org/base', indexDir: undefined });
    expect(loadServiceConfig({ PORT: '', PUBLIC_URL: '  ' })).toMatchObject({ port: 3000, publicUrl: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'two words' }, 'HOST'],
    [{ PUBLIC_URL: 'diplomate.example.org' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://diplomate.example.org/?q=secret' }, 'PUBLIC_URL'],
  ])('refuses %j, naming %s but never the value', (env, name) => {
    expect(() => loadServiceConfig(env)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', message: expect.stringContaining(name) }));
    try {
      loadServiceConfig(env);
    } catch (error: unknown) {
      for (const value of Object.values(env)) expect(String(error)).not.toContain(value);
    }
  });

  it('lists the bad variables of every part at once', () => {
    expect(() => readConfigs({ PORT: 'x', DISCORD_TOKEN: 'abc', LLM_MODEL: 'm' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/PORT[\s\S]*DISCORD_APPLICATION_ID[\s\S]*LLM_BASE_URL/u) }),
    );
  });
});
