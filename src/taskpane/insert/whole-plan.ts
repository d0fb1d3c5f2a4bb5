/**
 * «Chèn bảng» for a TT57 plan: the whole Biểu 2 (src/app/new-document insertWholePlan) with the header
 * and mục I from the school's profile — the document's, else this user's. Loaded on demand (its own
 * chunk) so the first screen does not carry the Biểu 2 writer.
 */
import type { DocumentBackend } from '../../domain/backend';
import type { CriterionRef } from '../../domain/table/model';
import type { SchoolType } from '../../domain/catalog';
import { insertWholePlan as insertBieu2 } from '../../app/new-document';
import { today } from '../../app/year';
import { loadProfile } from '../year/model';

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

/** Build Biểu 2 from the profile and insert it: one insertion. */
export async function insertWholePlan(backend: DocumentBackend, req: WholePlanRequest): Promise<WholePlanResult> {
  const loaded = await loadProfile(backend);
  const fromProfile = loaded.source !== 'none';
  const { notes } = await insertBieu2(backend, {
    ...req,
    profile: fromProfile ? loaded.profile : undefined,
    date: today(),
  });
  return { fromProfile, notes };
}
