/**
 * «Chèn bảng» for a TT57 plan: the whole Biểu 2 (header from the school profile, sections I–VIII, the
 * mục IV, V and VI tables, the signature) inserted at the cursor in one insertion. Loaded on demand (its
 * own chunk) so the first screen does not carry the Biểu 2 writer.
 */
import type { DocumentBackend } from '../../domain/backend';
import type { CriterionRef } from '../../domain/table/model';
import type { SchoolType } from '../../domain/catalog';
import { newPlan2026 } from '../../domain/tt57/new-plan';
import { today } from '../../app/year';
import { loadProfile } from '../year/model';
import { createdMeta } from '../../domain/documents/new-document';
import { withCreatedMeta } from '../../domain/store';

export interface WholePlanRequest {
  readonly schoolType: SchoolType;
  readonly schoolYear: string;
  /** Criteria the plan starts with (one problem and one item each); none: empty numbered rows. */
  readonly criteria: 'none' | 'all' | readonly CriterionRef[];
}

export interface WholePlanResult {
  /** Whether the header and Mục I came from a saved school profile. */
  readonly fromProfile: boolean;
  readonly notes: readonly string[];
}

/** Build Biểu 2 from the profile (the document's, else this user's) and insert it: one insertion. */
export async function insertWholePlan(backend: DocumentBackend, req: WholePlanRequest): Promise<WholePlanResult> {
  const loaded = await loadProfile(backend);
  const fromProfile = loaded.source !== 'none';
  const made = newPlan2026({
    schoolType: req.schoolType,
    schoolYear: req.schoolYear,
    framework: '2026',
    criteria: req.criteria,
    profile: fromProfile ? loaded.profile : undefined,
    date: today(),
  });
  await backend.insertAtCursor(made.blocks);
  // The document is a Biểu 2 for this school type and year from now on: kept for every surface.
  await backend.updateStore((store) =>
    withCreatedMeta(
      store,
      createdMeta({ form: 'plan-2026', framework: '2026', schoolType: req.schoolType, schoolYear: made.plan.schoolYear }),
    ),
  );
  return { fromProfile, notes: made.notes };
}
