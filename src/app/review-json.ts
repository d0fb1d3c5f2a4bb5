/**
 * The JSON of a review, { files, skipped, summary, pairing? }: what `ctcl check --format json` prints and
 * what the reviewer page saves («Tải kết quả JSON»), the same for the same folder. Pure.
 */
import { summarise, type FileReport, type RunSummary } from '../domain/check/report';
import type { ReviewRun } from '../domain/review';

export interface ReviewJson {
  readonly files: readonly FileReport[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly summary: RunSummary;
  readonly pairing?: {
    readonly pairs: readonly { readonly report: string; readonly plan: string; readonly method: string }[];
    readonly unpairedReports: readonly string[];
    readonly unpairedPlans: readonly string[];
  };
}

export function reviewJson(run: ReviewRun, skipped: readonly { readonly path: string; readonly reason: string }[]): ReviewJson {
  const files = run.outcomes.map((o) => o.report);
  const path = (i: number) => run.outcomes[i].report.path;
  const out: ReviewJson = { files, skipped, summary: summarise(files) };
  if (!run.pairing) return out;
  return {
    ...out,
    pairing: {
      pairs: run.pairing.pairs.map((p) => ({ report: path(p.report), plan: path(p.plan), method: p.method })),
      unpairedReports: run.pairing.unpairedReports.map(path),
      unpairedPlans: run.pairing.unpairedPlans.map(path),
    },
  };
}
