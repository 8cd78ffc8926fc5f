import { z } from 'zod';
import { LSA_SEED } from './settings.js';

/** What an index was built from; any difference from the expected one means the index is stale. */
export const MANIFEST_FORMAT = 2;

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  builtAt: z.string(),
  seeds: z.array(z.object({ doc: z.string(), sha256: z.string() })),
  metadataSha: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  settings: z.object({
    analyzer: z.string(),
    maxPassageChars: z.number(),
    minBlockChars: z.number().default(0),
    lsaDimension: z.number(),
    lsaSeed: z.number().default(LSA_SEED),
  }),
  passages: z.number().int().nonnegative(),
  /** Size and SHA-256 of every other file of the build, checked before any of them is read. */
  files: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() })),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** The parts of a manifest that must match for an index to be used. */
export type ManifestKey = Pick<Manifest, 'seeds' | 'metadataSha' | 'settings'> & { embedderId: string };

/** Human-readable reasons why `manifest` does not fit `expected`; empty when it fits. */
export function staleReasons(manifest: Manifest, expected: ManifestKey): string[] {
  const reasons: string[] = [];
  const built = new Map(manifest.seeds.map((seed) => [seed.doc, seed.sha256]));
  const wanted = new Map(expected.seeds.map((seed) => [seed.doc, seed.sha256]));
  for (const [doc, sha] of wanted) {
    if (!built.has(doc)) reasons.push(`new document ${doc}`);
    else if (built.get(doc) !== sha) reasons.push(`${doc} changed`);
  }
  for (const doc of built.keys()) if (!wanted.has(doc)) reasons.push(`${doc} removed`);
  if (manifest.metadataSha !== expected.metadataSha) reasons.push('document metadata changed');
  if (manifest.embedder.id !== expected.embedderId) {
    reasons.push(`embedder ${manifest.embedder.id} differs from ${expected.embedderId}`);
  }
  if (JSON.stringify(manifest.settings) !== JSON.stringify(expected.settings)) reasons.push('index settings changed');
  return reasons;
}
