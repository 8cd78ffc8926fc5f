import { readFile } from 'node:fs/promises';
import { AppError } from '../errors.js';

const MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** Questions of a batch file, one per non-blank line ("-" reads standard input). */
export async function readQuestions(path: string): Promise<string[]> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error: unknown) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_INPUT', `Cannot read the batch file ${path}.`, { cause: error });
  }
  if (text.length > MAX_BATCH_BYTES) throw new AppError('BAD_INPUT', 'The batch file is larger than 5 MB.');
  return text.split(/\r?\n/u).filter((line) => line.trim());
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BATCH_BYTES) throw new AppError('BAD_INPUT', 'The batch input is larger than 5 MB.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
