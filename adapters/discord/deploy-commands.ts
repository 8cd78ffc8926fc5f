import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { commands } from './commands.js';
import { loadDiscordConfig, type DiscordConfig } from './config.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  count: number;
}

/**
 * Registers (overwrites) the slash commands: in DISCORD_GUILD_ID when set (instant),
 * otherwise globally (may take up to an hour to appear).
 */
export async function deployCommands(
  config: DiscordConfig,
  restOptions: { retries?: number; timeout?: number } = {},
): Promise<DeployResult> {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), ...restOptions }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const result = await rest.put(route, { body: commands });
  return { scope: config.guildId ? 'guild' : 'global', count: Array.isArray(result) ? result.length : 0 };
}

async function main(): Promise<void> {
  const config = loadDiscordConfig();
  if (!config) {
    process.stderr.write('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.\n');
    process.exitCode = 1;
    return;
  }
  const { scope, count } = await deployCommands(config);
  process.stdout.write(`Registered ${count} command(s) ${scope === 'guild' ? `in guild ${config.guildId}` : 'globally'}.\n`);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : 'Command registration failed.'}\n`);
    process.exitCode = 1;
  });
}
