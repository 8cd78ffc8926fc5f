import { AppError, errnoCode } from '../errors.js';

/** A file-system refusal to write under `indexDir`, said plainly (what happened and where); null for any other error. */
export function writeFailure(error: unknown, indexDir: string): AppError | null {
  const code = errnoCode(error);
  const keep = 'the previous index, if there is one, is unchanged';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('INDEX_WRITE', `No space left in ${indexDir} to build the index; the partial build was removed and ${keep}.`, { cause: error });
    case 'EROFS':
      return new AppError('INDEX_WRITE', `${indexDir} is read-only, so the index cannot be built there; ${keep}. Choose a writable folder with --index-dir or DIPLOMATE_INDEX_DIR.`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new AppError('INDEX_WRITE', `No permission to write in ${indexDir}, so the index cannot be built there; ${keep}. Choose a writable folder with --index-dir or DIPLOMATE_INDEX_DIR.`, { cause: error });
    default:
      return null;
  }
}
