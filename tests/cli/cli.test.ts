import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledEntry } from '../support/compiled.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import { copyOfSharedIndex } from '../support/shared-index.js';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'diplomate-cli-'));
const indexDir = copyOfSharedIndex(join(work, 'index'));

const cli = (args: string[], input?: string): Promise<CliResult> =>
  runCli(args, { indexDir, ...(input === undefined ? {} : { input }) });

describe('diplomate CLI', () => {
  beforeAll(async () => {
    const { code, stderr } = await cli(['index']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('index ready');
  });

  it('ask --json follows the documented contract', async () => {
    const { code, stdout } = await cli(['ask', '--json', 'Combien', "d'États", 'ont', 'ratifié', 'la', 'Convention', 'de', 'Budapest', '?']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json).sort()).toEqual(['abstained', 'answer', 'citations', 'confidence', 'mode', 'query']);
    expect(json.mode).toBe('extractive');
    expect(json.confidence).toBe('firm');
    expect(json.abstained).toBe(false);
    expect(Object.keys(json.citations[0]).sort()).toEqual(['doc', 'lines', 'n', 'paragraph', 'quote', 'section', 'title']);
    expect(json.citations[0].lines).toHaveLength(2);
  });

  it('search --json returns ranked passages with doc, lines and text', async () => {
    const { code, stdout } = await cli(['search', '--json', '-k', '3', 'NIS directive transposition']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.query).toBe('NIS directive transposition');
    expect(json.results).toHaveLength(3);
    expect(Object.keys(json.results[0]).sort()).toEqual(['doc', 'lines', 'paragraph', 'score', 'section', 'text', 'title']);
    expect(json.results[0].score).toBeGreaterThanOrEqual(json.results[1].score);
  });

  it('--batch prints one JSON object per question, in order, keeping bad lines as errors', async () => {
    const file = join(work, 'questions.txt');
    writeFileSync(file, 'Convention de Budapest\n\u0001\u0002\nWho signed the mission letter?\n');
    const { code, stdout } = await cli(['ask', '--batch', file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.query)).toEqual(['Convention de Budapest', '\u0001\u0002', 'Who signed the mission letter?']);
    expect(lines[1].error.code).toBe('BAD_INPUT');
  });

  it('prints a readable answer with sources by default', async () => {
    const { code, stdout } = await cli(['ask', 'Quand a été signé l’accord de coopération entre les agences de cybersécurité de la France et de Singapour ?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\]/u);
    expect(stdout).toContain('000_adb6d1e7b0eb011b.txt, lines');
  });

  it.each([
    [['ask', ''], 'empty'],
    [['ask', '--frobnicate', 'x'], 'unknown option'],
    [['ask', '\u0001\u0002\u0003'], 'does not look like text'],
    [['search', '-k', '0', 'cyber'], '--limit'],
  ])('bad input %j exits non-zero with one line, no stack trace', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it('a 10 MB question on stdin is refused with a short error', async () => {
    const { code, stderr } = await cli(['ask', '--batch', '-'], 'a'.repeat(10 * 1024 * 1024));
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('larger than 5 MB');
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await cli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });
});

describe('npm run eval', () => {
  it('with a missing question file: one line naming the file, exit 2, no stack trace', () => {
    const missing = join(work, 'no-such-questions.jsonl');
    const run = spawnSync(process.execPath, [compiledEntry('scripts/eval.ts'), missing], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`eval: no question file at ${missing}\n`);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['scripts/eval.ts', ['--ablatoin'], /^eval: Unknown option '--ablatoin'/u],
    ['scripts/fit.ts', ['--lsa-seed', 'x'], /^fit: --lsa-seed takes a whole number, 0 or more\n$/u],
    ['scripts/seed-spread.ts', ['--seeds', '11'], /^spread: --seeds takes a whole number from 2 to 10\n$/u],
  ])('%s %j: one line saying what is wrong, exit 2, before any work', (script, args, message) => {
    const run = spawnSync(process.execPath, [compiledEntry(script), ...args], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

