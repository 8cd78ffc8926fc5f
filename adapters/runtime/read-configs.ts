import { describeError, isAppError, AppError, loadLlmConfig, type LlmConfig } from '../../src/index.js';
import { loadDiscordConfig, type DiscordConfig } from '../discord/config.js';
import { loadSlackConfig, type SlackConfig } from '../slack/config.js';
import { loadServiceConfig, type ServiceConfig } from './service-config.js';

export interface Configs {
  service: ServiceConfig;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  llm: LlmConfig | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Validates every part of the configuration at once, so one start-up error lists every bad variable (never a value). */
export function readConfigs(env: Env): Configs {
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | null => {
    try {
      return load();
    } catch (error: unknown) {
      if (!isAppError(error)) throw error;
      problems.push(describeError(error));
      return null;
    }
  };
  const service = attempt(() => loadServiceConfig(env));
  const slack = attempt(() => loadSlackConfig(env));
  const discord = attempt(() => loadDiscordConfig(env));
  const llm = attempt(() => loadLlmConfig(env));
  if (problems.length > 0 || service === null) throw new AppError('BAD_CONFIG', problems.join(' '));
  return { service, slack, discord, llm };
}
