import { loadCore } from '../core/load-core.js';
import { coreOptions, type CommonFlags } from './commands.js';

/**
 * Brings the index in line with the documents folder (loading the core rebuilds what changed) and says so in one line.
 * When that fails, `undo` puts the folder back first, so documents and index never disagree.
 */
export async function updateIndex(flags: CommonFlags, undo?: () => Promise<void>): Promise<void> {
  const started = Date.now();
  const options = { ...coreOptions(flags), onNotice: () => {} };
  try {
    const core = await loadCore(options);
    const { passages, indexDir } = core.info;
    process.stderr.write(`diplomate: index updated in ${indexDir} (${core.documents.length} documents, ${passages} passages; ${Date.now() - started} ms)\n`);
  } catch (error: unknown) {
    if (undo) await undo();
    throw error;
  }
}
