import { yieldToEventLoop } from './yield-to-signals.ts';

/** Latency of one query over the measured iterations. */
export type Timing = { iterations: number; medianMs: number; p95Ms: number; minMs: number; meanMs: number };

export type PairTiming = { product: Timing; baseline: Timing; ratio: number };

/** minIterations: below it the time box never stops a pair (default MIN_ITERATIONS); lower it only for queries of seconds. */
export type MeasureOptions = { warmup: number; iterations: number; maxMs: number; minIterations?: number };

/** Below this many iterations a p95 is noise, so the time box never stops a pair earlier. */
const MIN_ITERATIONS = 20;

/**
 * Time two functions that answer the same question. They run interleaved, alternating which
 * goes first, so that cache state, background work (autovacuum, WAL checkpoints) and CPU
 * frequency drift fall on both alike instead of on whichever ran second.
 */
export async function measurePair(product: () => Promise<unknown>, baseline: () => Promise<unknown>, options: MeasureOptions): Promise<PairTiming> {
  const warmupStarted = performance.now();
  for (let i = 0; i < options.warmup; i++) {
    // A query of seconds is warm after one round; do not spend the time box warming it.
    if (i > 0 && performance.now() - warmupStarted > options.maxMs) break;
    await product();
    await baseline();
    await yieldToEventLoop();
  }
  const productMs: number[] = [];
  const baselineMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < options.iterations; i++) {
    const elapsed = performance.now() - started;
    if (i >= (options.minIterations ?? MIN_ITERATIONS) && elapsed > options.maxMs) break;
    // A pathological plan (seconds per run) gets a few runs, not MIN_ITERATIONS of them: its median says enough.
    if (i >= 5 && elapsed > 3 * options.maxMs) break;
    if (i % 2 === 0) {
      productMs.push(await timeOnce(product));
      baselineMs.push(await timeOnce(baseline));
    } else {
      baselineMs.push(await timeOnce(baseline));
      productMs.push(await timeOnce(product));
    }
    await yieldToEventLoop();
  }
  const p = summarize(productMs);
  const b = summarize(baselineMs);
  return { product: p, baseline: b, ratio: p.medianMs / b.medianMs };
}

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  // Nearest-rank percentile: the smallest sample with at least 95 % of samples at or below it.
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * n) - 1)]!;
  return { iterations: n, medianMs: median, p95Ms: p95, minMs: sorted[0]!, meanMs: sorted.reduce((s, x) => s + x, 0) / n };
}
