import type { ServerResponse } from 'node:http';
import { send, sendJson } from '../http.js';
import type { HealthReport, WebContext } from '../types.js';
import type { Core } from '../../../src/index.js';

/** Health when the composition root gives none: the index is loaded (a core exists), no adapter is known. */
export function defaultHealth(core: Core): () => HealthReport {
  return () => ({
    ok: core.info.passages > 0,
    index: { passages: core.info.passages, embedder: core.info.embedder, modelFree: core.info.modelFree, builtAt: core.info.builtAt },
    adapters: {},
  });
}

/** `/healthz`: 200 with the report when healthy, 503 with it otherwise (or when the check itself throws). */
export function handleHealth(res: ServerResponse, ctx: WebContext): void {
  try {
    const report = ctx.health();
    sendJson(res, report.ok ? 200 : 503, report);
  } catch (error: unknown) {
    ctx.logger.error({ err: error }, 'health check failed');
    sendJson(res, 503, { ok: false });
  }
}

/** `/metrics`: the Prometheus text the composition root's registry renders; 404 when none is given. */
export async function handleMetrics(res: ServerResponse, ctx: WebContext): Promise<void> {
  if (!ctx.metrics) {
    send(res, 404, 'text/plain; charset=utf-8', 'No metrics.\n');
    return;
  }
  try {
    send(res, 200, ctx.metrics.contentType, await ctx.metrics.render());
  } catch (error: unknown) {
    ctx.logger.error({ err: error }, 'metrics rendering failed');
    send(res, 500, 'text/plain; charset=utf-8', 'Metrics unavailable.\n');
  }
}
