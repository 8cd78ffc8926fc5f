import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A script's flags, read by Node's `parseArgs` (strict by default): an unknown flag or a flag missing its value ends
 * the run with one line naming the script and the flag, exit code 2, rather than a run on defaults nobody asked for.
 */
export function scriptArgs<T extends ParseArgsConfig>(script: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error: unknown) {
    return stop(script, error instanceof Error ? error.message : String(error));
  }
}

/** The flag's value as a whole number from `min` to `max`, `undefined` when absent; anything else stops the run. */
export function wholeNumberFlag(
  script: string,
  flag: string,
  value: string | undefined,
  range: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() !== '' && Number.isInteger(number) && number >= range.min && number <= range.max) return number;
  const allowed = Number.isFinite(range.max) ? ` from ${range.min} to ${range.max}` : `, ${range.min} or more`;
  return stop(script, `--${flag} takes a whole number${allowed}`);
}

function stop(script: string, message: string): never {
  process.stderr.write(`${script}: ${message}\n`);
  process.exit(2);
}
