/** What the bench sections share: the options scripts/bench.mjs passes to their run(), and the median. */

export interface BenchOptions {
  /** The repository root (the seeds live under test/fixtures/seeds). */
  readonly root: string;
  /** Fewer schools and rounds (for a quick look). */
  readonly quick?: boolean;
  /** Progress lines (stderr in the runner). */
  readonly log?: (line: string) => void;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
