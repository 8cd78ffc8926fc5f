/**
 * Composition root (`npm start`): validates configuration once, loads the core once, and starts each adapter whose
 * variables are set (Slack: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET; Discord: DISCORD_TOKEN + DISCORD_APPLICATION_ID).
 */
import { resolve } from 'node:path';
import pino from 'pino';
import { createFeedbackLog, describeError, isAppError, loadCore } from '../src/index.js';
import { createDiscordBot } from './discord/bot.js';
import { loadDiscordConfig } from './discord/config.js';
import { createSlackApp } from './slack/app.js';
import { loadSlackConfig } from './slack/config.js';

const log = pino({ name: 'diplomate' });

function readConfigs() {
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | null => {
    try {
      return load();
    } catch (error: unknown) {
      problems.push(describeError(error));
      return null;
    }
  };
  const slack = attempt(() => loadSlackConfig());
  const discord = attempt(() => loadDiscordConfig());
  if (problems.length) throw new Error(problems.join(' '));
  return { slack, discord };
}

async function main(): Promise<void> {
  const { slack, discord } = readConfigs();
  if (!slack && !discord) {
    log.error('Nothing to start: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, and/or DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
    process.exitCode = 2;
    return;
  }
  const core = await loadCore({ modelDir: process.env['DIPLOMATE_MODEL_DIR'] || undefined, onNotice: (m) => log.info(m) });
  const feedback = createFeedbackLog(resolve(process.env['DIPLOMATE_FEEDBACK_LOG'] || 'feedback/feedback.jsonl'));
  const stops: (() => Promise<void>)[] = [];
  if (slack) {
    const app = createSlackApp({ core, config: slack, feedback, logger: log });
    const { port } = await app.start();
    stops.push(() => app.stop());
    log.info({ port }, 'Slack adapter started');
  }
  if (discord) {
    const bot = createDiscordBot({ core, config: discord, feedback, logger: log });
    await bot.start();
    stops.push(() => bot.stop());
    log.info('Discord adapter started');
  }
  log.info({ passages: core.info.passages, embedder: core.info.embedder, modelFree: core.info.modelFree }, 'diplomate ready');
  const shutdown = (): void => {
    void Promise.allSettled(stops.map((stop) => stop())).finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  log.error(isAppError(error) ? error.message : error instanceof Error ? error.message : 'start-up failed');
  process.exitCode = 1;
});
