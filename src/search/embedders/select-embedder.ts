import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { AppError } from '../../errors.js';
import { LSA_DIMENSION } from '../settings.js';

/** An embedder the index can use: LangChain's interface plus an id and a vector size. */
export interface PassageEmbedder extends EmbeddingsInterface {
  readonly id: string;
  readonly dimension: number;
}

/** Which embedder to use: a local transformers model when one loads, else the corpus-derived LSA. */
export type EmbedderChoice = { kind: 'model'; embedder: PassageEmbedder } | { kind: 'lsa'; id: string; why?: string };

export const lsaEmbedderId = `lsa-tfidf-v1/${LSA_DIMENSION}`;

export async function chooseEmbedder(modelDir: string | undefined): Promise<EmbedderChoice> {
  if (!modelDir) return { kind: 'lsa', id: lsaEmbedderId };
  try {
    // Loaded on demand: transformers.js and onnxruntime cost about a second of start-up when no model is used.
    const { loadTransformersEmbedder } = await import('./transformers-embedder.js');
    return { kind: 'model', embedder: await loadTransformersEmbedder({ modelDir }) };
  } catch (error: unknown) {
    const why = error instanceof AppError ? error.message : 'the model could not be loaded';
    return { kind: 'lsa', id: lsaEmbedderId, why };
  }
}
