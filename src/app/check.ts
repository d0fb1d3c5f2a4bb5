/**
 * Checking a document, one meaning everywhere: what the user told the add-in about the document (school
 * type, year, framework — kept in its store) is a fact about the document, and the findings the school
 * chose to «Bỏ qua» are kept apart (CheckResult.ignored), never dropped. The pane's own check, «Kiểm tra
 * tệp khác», `ctcl check` and the reviewer workbook all come through here.
 */
import { checkDocument, type CheckResult, type MetaOverrides, type PlanSource } from '../domain/check';
import type { DocModel } from '../domain/ooxml/reader';
import { ignoredOf, storedOverrides, type DocumentStore } from '../domain/store';
import type { OpenedDocument } from './open';

interface CheckOptions {
  /** Chosen now (the pane's choices, ctcl's --school-type/--year/--framework): they win over the stored ones. */
  readonly overrides?: MetaOverrides;
  readonly plan?: PlanSource;
}

/**
 * The overrides a check uses: the stored ones, then the ones chosen now. A field present in `chosen`
 * wins even when undefined (the pane's «tự nhận ra» clears a stored choice); leave a field out to keep
 * the stored one.
 */
function effectiveOverrides(store: DocumentStore, chosen: MetaOverrides = {}): MetaOverrides {
  return { ...storedOverrides(store), ...chosen };
}

/** Check a model with its store. Pure. */
export function checkWithStore(model: DocModel, store: DocumentStore, opts: CheckOptions = {}): CheckResult {
  return checkDocument(model, {
    overrides: effectiveOverrides(store, opts.overrides),
    plan: opts.plan,
    ignored: ignoredOf(store),
  });
}

/** Check a document opened for reading. */
export function checkOpened(doc: OpenedDocument, opts: CheckOptions = {}): CheckResult {
  return checkWithStore(doc.model, doc.store, opts);
}
