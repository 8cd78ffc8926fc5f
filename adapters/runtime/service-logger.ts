import type { AdapterLogger } from '../shared/logger.js';

/** pino-compatible logger: the service writes JSON lines. */
export type ServiceLogger = AdapterLogger;
