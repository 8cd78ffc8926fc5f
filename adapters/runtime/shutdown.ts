import type { AdapterLogger } from '../shared/logger.js';

/** The few logging methods used; a pino logger fits. */
type ShutdownLogger = Pick<AdapterLogger, 'info' | 'error'>;

/**
 * On the first SIGTERM or SIGINT runs `stop` and exits 0 (1 if it fails); a second signal exits 1 at once, for an
 * operator who will not wait for the drain.
 */
export function exitOnSignals(stop: () => Promise<void>, log: ShutdownLogger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.error({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: no new questions, finishing those in flight');
    stop().then(
      () => {
        log.info({}, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
