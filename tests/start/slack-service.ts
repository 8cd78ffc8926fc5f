import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/redis-server.js';
import { SIGNING_SECRET } from '../support/slack-requests.js';
import { startServiceProcess, type ServiceProcess } from './service-process.js';

/** One `npm start` process with Slack in HTTP mode against the loopback Slack API at `slackUrl`. */
export interface SlackService {
  process: ServiceProcess;
  url: string;
  feedbackLog: string;
  /** SIGTERM, then the exit: questions in flight are finished first (the service drains). */
  stop(): Promise<{ code: number | null }>;
}

export interface SlackServiceOptions {
  indexDir: string;
  slackUrl: string;
  /** Folder of the embedded store (kept between two runs to test a restart). */
  stateDir?: string;
  redisUrl?: string;
}

export async function startSlackService(options: SlackServiceOptions): Promise<SlackService> {
  const work = mkdtempSync(join(tmpdir(), 'diplomate-replica-'));
  const port = await freePort();
  const feedbackLog = join(work, 'feedback.jsonl');
  const child = startServiceProcess({
    PORT: String(port),
    HOST: '127.0.0.1',
    DIPLOMATE_INDEX_DIR: options.indexDir,
    DIPLOMATE_FEEDBACK_LOG: feedbackLog,
    DIPLOMATE_STATE_DIR: options.stateDir ?? join(work, 'state'),
    SLACK_BOT_TOKEN: 'xoxb-test-replica',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${options.slackUrl}/api/`,
    ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
  });
  await child.waitForLog((line) => typeof line['msg'] === 'string' && line['msg'].startsWith('diplomate ready'));
  return {
    process: child,
    url: `http://127.0.0.1:${port}`,
    feedbackLog,
    async stop() {
      if (child.child.exitCode === null) child.child.kill('SIGTERM');
      return child.exited;
    },
  };
}
