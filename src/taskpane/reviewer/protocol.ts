/**
 * Messages between the reviewer page and its worker (src/taskpane/reviewer/worker.ts). Every request has
 * an id and gets one reply; progress comes as it goes. Everything is plain data (structured clone).
 */
import type { ReviewProgress } from '../../app/review';
import type { RunView } from '../../app/review-session';
import type { ReviewJson } from '../../app/review-json';
import type { CellLocation } from '../../domain/backend';
import type { CheckResult, Finding } from '../../domain/check';
import type { ReviewerProfile } from '../../domain/review/note';
import type { PreviewBlock } from '../standalone/layout';

/** A dropped file and where it was in the dropped folder ('/'-separated, from the folder's name). */
export interface DroppedFile {
  readonly path: string;
  readonly file: File;
}

export type Request =
  | { readonly type: 'start'; readonly files: readonly DroppedFile[]; readonly zips: readonly File[] }
  | { readonly type: 'pair'; readonly report: number; readonly plan: number | null }
  | { readonly type: 'detail'; readonly index: number }
  | { readonly type: 'xlsx' }
  | { readonly type: 'notes'; readonly reviewer: ReviewerProfile; readonly key?: string }
  | { readonly type: 'json' };

/** A finding of the detail view, with the cell a click selects. */
export interface DetailFinding extends Finding {
  readonly selection?: CellLocation;
}

export type Detail =
  | {
      readonly ok: true;
      readonly blocks: readonly PreviewBlock[];
      readonly findings: readonly DetailFinding[];
      readonly ignored: readonly DetailFinding[];
      readonly meta: CheckResult['meta'];
    }
  | { readonly ok: false; readonly reason: string };

export interface Replies {
  start: RunView;
  pair: RunView;
  detail: Detail;
  xlsx: { name: string; bytes: Uint8Array };
  notes: { name: string; bytes: Uint8Array };
  json: ReviewJson;
}

export type ToWorker = Request & { readonly id: number };

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: ReviewProgress }
  | { readonly type: 'reply'; readonly id: number; readonly value: unknown }
  | { readonly type: 'failure'; readonly id: number; readonly message: string };
