#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { describeError } from '../errors.js';
import { packageVersion } from '../paths.js';
import { runAsk, runIndex, runSearch } from './commands.js';

const program = new Command()
  .name('diplomate')
  .description("Cited answers from France's digital-diplomacy documents (verbatim quotes, exact source lines).")
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

const common = (command: Command): Command =>
  command
    .option('--json', 'print JSON (one object per question)')
    .option('--batch <file>', 'read one question per line from FILE ("-" for stdin); prints JSON Lines')
    .option('--index-dir <dir>', 'index folder (default: ./index, or DIPLOMATE_INDEX_DIR)')
    .option('--seeds-dir <dir>', 'seed documents folder (default: ./seeds, or DIPLOMATE_SEEDS_DIR)')
    .option('--model-dir <dir>', 'local embedding model folder (default: DIPLOMATE_MODEL_DIR; none = model-free)');

common(program.command('ask').description('answer a question with verbatim, line-cited quotes'))
  .argument('[question...]', 'the question, in French or English')
  .option('--no-llm', 'extractive answer even when LLM_BASE_URL and LLM_MODEL are set')
  .action(runAsk);

common(program.command('search').description('list the passages that best match a question'))
  .argument('[question...]', 'the question, in French or English')
  .option('-k, --limit <n>', 'number of passages (1-50)', '5')
  .action(runSearch);

program
  .command('index')
  .description('build or refresh the index (rebuilds only when seeds, model or settings changed)')
  .option('--force', 'rebuild even when the index is up to date')
  .option('--index-dir <dir>', 'index folder (default: ./index, or DIPLOMATE_INDEX_DIR)')
  .option('--seeds-dir <dir>', 'seed documents folder (default: ./seeds, or DIPLOMATE_SEEDS_DIR)')
  .option('--model-dir <dir>', 'local embedding model folder (default: DIPLOMATE_MODEL_DIR)')
  .action(runIndex);

program.addHelpText(
  'after',
  `
Examples:
  diplomate ask "Quelle est la position de la France sur la Convention de Budapest ?"
  diplomate ask --json "Who signed the ambassador's mission letter?"
  diplomate search -k 10 "NIS directive transposition"
  diplomate ask --batch questions.txt > answers.jsonl`,
);

try {
  await program.parseAsync(process.argv);
} catch (error: unknown) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`diplomate: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}
