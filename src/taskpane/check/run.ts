/**
 * The check of the open document through the DocumentBackend, and applying a finding's fix.
 * A check is one read (Word: one context.sync) and one store load (Office common API, no sync):
 * whatever the document's size, it costs one sync. Everything after that is the domain's, in memory.
 */
import { checkWithStore } from '../../app/check';
import { UserError } from '../../domain/errors';
import type { DocumentBackend, DocumentStore } from '../../domain/backend';
import { findCatalog } from '../../domain/catalog';
import { planFromTables, type CheckResult, type Finding, type MetaOverrides, type PlanSource } from '../../domain/check';
import { fixPlanner, type FixContext } from '../../domain/check/fixes';
import type { DocModel } from '../../domain/ooxml/reader';
import type { EditPlan } from '../../domain/table/edit';

interface CheckInput {
  readonly overrides?: MetaOverrides;
  /** A plan chosen from another file; the document's own plan table is used otherwise. */
  readonly plan?: PlanSource;
}

interface CheckRun {
  readonly model: DocModel;
  readonly store: DocumentStore;
  readonly result: CheckResult;
}

/**
 * Check a model already read, with the ignored findings of `store` and the overrides kept in it (what
 * the user told any panel about the document; the ones chosen here win). Pure.
 */
export function checkModel(model: DocModel, store: DocumentStore, input: CheckInput = {}): CheckRun {
  const result = checkWithStore(model, store, { overrides: input.overrides, plan: input.plan });
  return { model, store, result };
}

/** Read the document and its store, at once: Word's read is one sync, the store none. */
export async function readForCheck(backend: DocumentBackend): Promise<{ model: DocModel; store: DocumentStore }> {
  const [model, store] = await Promise.all([backend.read(), backend.loadStore()]);
  return { model, store };
}

/** Read the document and its store and check it. */
export async function runCheck(backend: DocumentBackend, input: CheckInput = {}): Promise<CheckRun> {
  const { model, store } = await readForCheck(backend);
  return checkModel(model, store, input);
}

/** What the fixes need: the catalog and year of the document as checked, and the plan compared with. */
export function fixContext(result: CheckResult, plan?: PlanSource): FixContext {
  const { framework, schoolType, schoolYear } = result.meta;
  return {
    catalog: framework && schoolType ? findCatalog(framework, schoolType) : undefined,
    schoolYear,
    plan: plan ?? planFromTables(result.tables),
  };
}

/** Apply a finding's fix to its table (the table is found again in the document as it is now). */
export function applyFix(backend: DocumentBackend, finding: Finding, ctx: FixContext): Promise<EditPlan> {
  if (!finding.fix) return Promise.reject(new UserError('no-fix', 'Mục này không có cách sửa tự động.'));
  return backend.editTable({ table: finding.location.table }, fixPlanner(finding.fix, ctx));
}
