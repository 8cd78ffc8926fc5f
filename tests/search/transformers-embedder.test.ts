import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { loadTransformersEmbedder, type TransformersEmbedder } from '../../src/search/embedders/transformers-embedder.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/tiny-model', import.meta.url));

function norm(vector: number[]): number {
  return Math.hypot(...vector);
}

async function expectModelUnavailable(modelDir: string, mentions: string): Promise<void> {
  const started = Date.now();
  const error: unknown = await loadTransformersEmbedder({ modelDir }).catch((caught: unknown) => caught);
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('MODEL_UNAVAILABLE');
  expect((error as AppError).message).toContain(mentions);
}

describe('TransformersEmbedder (tiny fixture model, real transformers.js)', () => {
  let embedder: TransformersEmbedder;
  const scratch = mkdtempSync(path.join(tmpdir(), 'diplomate-embedder-'));

  beforeAll(async () => {
    embedder = await loadTransformersEmbedder({ modelDir: FIXTURE });
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reads the dimension from the model output', () => {
    expect(embedder.dimension).toBe(16);
  });

  it('returns L2-normalised vectors of that dimension', async () => {
    const vectors = await embedder.embedDocuments(['La diplomatie numérique de la France.', 'Digital diplomacy.']);
    expect(vectors).toHaveLength(2);
    for (const vector of vectors) {
      expect(vector).toHaveLength(16);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(norm(await embedder.embedQuery('cybersécurité'))).toBeCloseTo(1, 5);
  });

  it('gives the same vector for the same text and different vectors for different texts', async () => {
    const [first, again, other] = await embedder.embedDocuments([
      'la stratégie internationale de la france',
      'la stratégie internationale de la france',
      'data privacy regulation in europe',
    ]);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('keeps input order across batches', async () => {
    const small = await loadTransformersEmbedder({ modelDir: FIXTURE, batchSize: 2 });
    const texts = ['le monde', 'the world', 'ambassade', 'embassy', 'traité'];
    expect(await small.embedDocuments(texts)).toEqual(await embedder.embedDocuments(texts));
    expect(small.id).toBe(embedder.id);
  });

  it('uses different prefixes for queries and passages', async () => {
    const [passage] = await embedder.embedDocuments(['diplomatie numérique']);
    const query = await embedder.embedQuery('diplomatie numérique');
    expect(query).not.toEqual(passage);
  });

  it('has an id that names the model and is stable across loads', async () => {
    const reloaded = await loadTransformersEmbedder({ modelDir: FIXTURE });
    expect(reloaded.id).toBe(embedder.id);
    expect(embedder.id).toMatch(/^transformers:tiny-model:[0-9a-f]{12}$/);
    const otherPrefixes = await loadTransformersEmbedder({ modelDir: FIXTURE, queryPrefix: '', passagePrefix: '' });
    expect(otherPrefixes.id).not.toBe(embedder.id);
  });

  it('prefers onnx/model_quantized.onnx when present', async () => {
    const dir = path.join(scratch, 'quantized-only');
    cpSync(FIXTURE, dir, { recursive: true });
    cpSync(path.join(dir, 'onnx', 'model.onnx'), path.join(dir, 'onnx', 'model_quantized.onnx'));
    rmSync(path.join(dir, 'onnx', 'model.onnx'));
    const quantized = await loadTransformersEmbedder({ modelDir: dir });
    expect(quantized.dimension).toBe(16);
    expect(quantized.id).toBe(embedder.id.replace('tiny-model', 'quantized-only'));
  });

  it('fails fast with MODEL_UNAVAILABLE when the directory is missing', async () => {
    await expectModelUnavailable(path.join(scratch, 'no-such-model'), 'does not exist');
  });

  it('fails fast with MODEL_UNAVAILABLE when the onnx file is missing', async () => {
    const dir = path.join(scratch, 'no-onnx');
    cpSync(FIXTURE, dir, { recursive: true });
    rmSync(path.join(dir, 'onnx'), { recursive: true });
    await expectModelUnavailable(dir, 'onnx/model.onnx');
  });

  it('fails fast with MODEL_UNAVAILABLE when the tokenizer is missing', async () => {
    const dir = path.join(scratch, 'no-tokenizer');
    cpSync(FIXTURE, dir, { recursive: true });
    rmSync(path.join(dir, 'tokenizer.json'));
    await expectModelUnavailable(dir, 'tokenizer.json');
  });

  it('fails with MODEL_UNAVAILABLE, not a download, when the onnx file is corrupt', async () => {
    const dir = path.join(scratch, 'corrupt');
    cpSync(FIXTURE, dir, { recursive: true });
    cpSync(path.join(dir, 'config.json'), path.join(dir, 'onnx', 'model.onnx'));
    await expectModelUnavailable(dir, 'could not be loaded');
  });
});
