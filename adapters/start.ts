/**
 * Composition root (`npm start`): validates the configuration once, loads the core once, and runs in one process the
 * web server on PORT (always), Slack (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET; in HTTP mode on the same port at
 * /slack/events) and Discord (DISCORD_TOKEN + DISCORD_APPLICATION_ID). SIGTERM / SIGINT stop it gracefully.
 */
import pino from 'pino';
import { describeError, isAppError } from '../src/index.js';
import { exitOnSignals } from './runtime/shutdown.js';
import { startService } from './runtime/start-service.js';

// Synchronous writes: the last lines before `process.exit` (shutdown, start-up failure) are never lost or reordered.
const log = pino({ name: 'diplomate' }, pino.destination({ dest: 1, sync: true }));

async function main(): Promise<void> {
  const service = await startService(process.env, log);
  exitOnSignals(async () => {
    const { drained } = await service.stop();
    if (!drained) log.warn({}, 'some questions were still running at the drain deadline');
  }, log);
}

/** Configuration and core errors carry a user-fit sentence; anything else stays generic (no stack, no value). */
function startFailure(error: unknown): { code: string; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message };
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  if (code === 'EADDRINUSE' || code === 'EACCES') return { code, message: `Cannot listen on PORT / HOST (${code}).` };
  return { code: 'INTERNAL', message: describeError(error) };
}

main().catch((error: unknown) => {
  const { code, message } = startFailure(error);
  log.error({ code }, `start-up failed: ${message}`);
  process.exitCode = 1;
});
