#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { describeError } from '../errors.js';
import { packageVersion } from '../paths.js';
import { runAsk, runExplain, runIndex, runSearch } from './commands.js';
import { runAdd, runList, runRemove } from './document-commands.js';

const program = new Command()
  .name('diplomate')
  .description("Cited answers from France's digital-diplomacy documents (verbatim quotes, exact source lines).")
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

const folders = (command: Command): Command =>
  command
    .option('--index-dir <dir>', 'index folder (default: ./index, or DIPLOMATE_INDEX_DIR)')
    .option('--seeds-dir <dir>', 'documents folder (default: ./seeds, or DIPLOMATE_SEEDS_DIR)')
    .option('--model-dir <dir>', 'local embedding model folder (default: DIPLOMATE_MODEL_DIR; none = model-free)');

const common = (command: Command): Command =>
  folders(command)
    .option('--json', 'print JSON (one object per question)')
    .option('--batch <file>', 'read one question per line from FILE ("-" for stdin); prints JSON Lines');

common(program.command('ask').description('answer a question with verbatim, line-cited quotes'))
  .argument('[question...]', 'the question, in French or English')
  .option('--no-llm', 'extractive answer even when LLM_BASE_URL and LLM_MODEL are set')
  .action(runAsk);

common(program.command('search').description('list the passages that best match a question'))
  .argument('[question...]', 'the question, in French or English')
  .option('-k, --limit <n>', 'number of passages (1-50)', '5')
  .action(runSearch);

common(program.command('explain').description("show why ask answers or refuses: each candidate passage's features, support and checks"))
  .argument('[question...]', 'the question, in French or English')
  .action(runExplain);

folders(program.command('index').description('build or refresh the index (rebuilds only when seeds, model or settings changed)'))
  .option('--force', 'rebuild even when the index is up to date')
  .action(runIndex);

folders(program.command('add').description('add documents (.txt, .md, .html, .pdf, .docx) and update the index'))
  .argument('<file...>', 'the files to add')
  .option('--title <title>', "the document's title (default: from the file: PDF title, HTML <title>, first heading)")
  .option('--date <date>', 'the date the document bears, YYYY, YYYY-MM or YYYY-MM-DD (default: from the file)')
  .option('--kind <kind>', 'what it is, e.g. "déclaration bilatérale", "stratégie" (default: document)')
  .option('--lang <lang>', 'language of its text, fr or en (default: from the file, else guessed from its words)')
  .action(runAdd);

folders(program.command('list').description('list the documents: name, date, language, title'))
  .option('--json', 'print JSON')
  .action(runList);

folders(program.command('remove').description('remove a document (by its name, as `list` shows it) and update the index'))
  .argument('<name>', 'the document name, e.g. feuille-de-route.pdf')
  .action(runRemove);

program.addHelpText(
  'after',
  `
Examples:
  diplomate ask "Quelle est la position de la France sur la Convention de Budapest ?"
  diplomate ask --json "Who signed the ambassador's mission letter?"
  diplomate search -k 10 "NIS directive transposition"
  diplomate explain "Combien de French Tech Visa ?"
  diplomate ask --batch questions.txt > answers.jsonl
  diplomate add feuille-de-route-2024.pdf --kind "feuille de route"
  diplomate add declaration.html --date 2024-05-13 --lang fr
  diplomate remove feuille-de-route-2024.pdf`,
);

try {
  await program.parseAsync(process.argv);
} catch (error: unknown) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    // A message of several lines (one per refused file) keeps the prefix on each, so each line stands alone.
    const lines = describeError(error).split('\n');
    process.stderr.write(lines.map((line) => `diplomate: ${line}\n`).join(''));
    process.exitCode = 1;
  }
}
