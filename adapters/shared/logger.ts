/** The logging methods the adapters use, with pino's argument order (fields first); a pino logger fits. */
export interface AdapterLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** For tests and adapters built without a logger. */
export const silentLogger: AdapterLogger = { debug() {}, info() {}, warn() {}, error() {} };
