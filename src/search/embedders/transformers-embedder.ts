import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { AppError } from '../../errors.js';

export interface TransformersEmbedderOptions {
  /** Directory holding config.json, tokenizer.json, tokenizer_config.json and onnx/model[_quantized].onnx. */
  modelDir: string;
  /** Prepended to queries; multilingual-e5 expects "query: ". */
  queryPrefix?: string;
  /** Prepended to documents; multilingual-e5 expects "passage: ". */
  passagePrefix?: string;
  /** Texts per forward pass. */
  batchSize?: number;
}

const DEFAULT_QUERY_PREFIX = 'query: ';
const DEFAULT_PASSAGE_PREFIX = 'passage: ';
const DEFAULT_BATCH_SIZE = 16;
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
/** Preferred first: the 8-bit file is what the operator script fetches. */
const ONNX_FILES = [
  { file: 'onnx/model_quantized.onnx', dtype: 'q8' },
  { file: 'onnx/model.onnx', dtype: 'fp32' },
] as const;

/** Local sentence embeddings (mean pooling, L2-normalised) through transformers.js and ONNX Runtime. */
export class TransformersEmbedder implements EmbeddingsInterface {
  constructor(
    readonly id: string,
    readonly dimension: number,
    private readonly extractor: FeatureExtractionPipeline,
    private readonly queryPrefix: string,
    private readonly passagePrefix: string,
    private readonly batchSize: number,
  ) {}

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embed(texts.map((text) => this.passagePrefix + text));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embed([this.queryPrefix + text]);
    if (!vector) throw new AppError('INTERNAL', 'The embedding model returned no vector.');
    return vector;
  }

  private async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const output = await this.extractor(batch, { pooling: 'mean', normalize: true });
      vectors.push(...(output.tolist() as number[][]));
    }
    return vectors;
  }
}

/** Loads the model from a local directory only; never touches the network. */
export async function loadTransformersEmbedder(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
  const modelDir = path.resolve(options.modelDir);
  const folder = path.basename(modelDir);
  if (!isDirectory(modelDir)) {
    throw new AppError('MODEL_UNAVAILABLE', `The embedding model directory ${modelDir} does not exist.`);
  }
  for (const file of REQUIRED_FILES) {
    if (!existsSync(path.join(modelDir, file))) {
      throw new AppError('MODEL_UNAVAILABLE', `The embedding model in ${modelDir} has no ${file}.`);
    }
  }
  const onnx = ONNX_FILES.find(({ file }) => existsSync(path.join(modelDir, file)));
  if (!onnx) {
    throw new AppError('MODEL_UNAVAILABLE', `The embedding model in ${modelDir} has no onnx/model_quantized.onnx or onnx/model.onnx.`);
  }

  const queryPrefix = options.queryPrefix ?? DEFAULT_QUERY_PREFIX;
  const passagePrefix = options.passagePrefix ?? DEFAULT_PASSAGE_PREFIX;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));

  // Offline only. An absolute path is never a valid Hub model id, so transformers.js reads it as-is
  // (env.localModelPath is not used) and could not build a download URL even if remote loading were on.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false; // no copy in node_modules/.cache may shadow the directory
  env.useBrowserCache = false;

  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', modelDir, {
      local_files_only: true,
      device: 'cpu',
      dtype: onnx.dtype,
      session_options: { logSeverityLevel: 3 },
    });
  } catch (error) {
    throw new AppError('MODEL_UNAVAILABLE', `The embedding model in ${modelDir} could not be loaded.`, { cause: error });
  }

  const hash = (await sha256File(path.join(modelDir, onnx.file))).slice(0, 12);
  const custom = queryPrefix !== DEFAULT_QUERY_PREFIX || passagePrefix !== DEFAULT_PASSAGE_PREFIX;
  const settings = custom ? `:${sha256(`${queryPrefix}\u0000${passagePrefix}`).slice(0, 8)}` : '';
  const id = `transformers:${folder}:${hash}${settings}`;

  const probe = new TransformersEmbedder(id, 0, extractor, queryPrefix, passagePrefix, batchSize);
  const dimension = (await probe.embedQuery('dimension probe')).length;
  if (dimension === 0) throw new AppError('MODEL_UNAVAILABLE', `The embedding model in ${modelDir} returned empty vectors.`);
  return new TransformersEmbedder(id, dimension, extractor, queryPrefix, passagePrefix, batchSize);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
