/**
 * The document as the "Điền dòng" panel sees it: the plan and report tables it can fill (ours by
 * their tag, others by position), what the document is (framework, school type, year, from the
 * checker's metadata), the plan a report restates, and the planners that write a row.
 * Pure: no React, no DOM, so it is tested in Node.
 */
import { findTarget, type CellLocation, type EditPlanner, type TableTarget } from '../../domain/backend';
import { findCatalog, type Catalog, type Framework, type SchoolType } from '../../domain/catalog';
import { checkDocument, planFromTables, type DocumentMeta, type MetaOverrides, type PlanSource } from '../../domain/check';
import type { DocModel } from '../../domain/ooxml/reader';
import { planAddOrFillRow, planUpdateRow, type EditPlan, type RowRequest } from '../../domain/table/edit';
import { criterionEntries, recogniseTables, type RecognisedTable } from '../../domain/table/recognise';

/** A table the panel can fill. */
export interface TableChoice {
  /** Stable while the document is open: "tag:<tag>" for our tables, "table:<DocTable.index>" for others. */
  readonly key: string;
  readonly target: TableTarget;
  readonly rec: RecognisedTable;
  /** "Bảng thứ 2 · Kế hoạch cải tiến chất lượng (9 cột) · 3 tiêu chí". */
  readonly label: string;
  /** Inserted by the add-in (has our content-control tag). */
  readonly ours: boolean;
}

export interface RowsDocument {
  readonly meta: DocumentMeta;
  readonly tables: readonly TableChoice[];
  /** The document's own plan table, for a report's "ND Kế hoạch … xây dựng đầu năm". */
  readonly plan?: PlanSource;
}

/**
 * Read a document for the panel. `schoolType`: the user's choice when the document does not say;
 * `stored`: what the document keeps about itself (its store's overrides: the year, framework… it was made for).
 */
export function readRowsDocument(model: DocModel, schoolType?: SchoolType, stored: MetaOverrides = {}): RowsDocument {
  const result = checkDocument(model, { overrides: { ...stored, ...(schoolType ? { schoolType } : {}) } });
  return { meta: result.meta, tables: tableChoices(result.tables), plan: planFromTables(result.tables) };
}

/** The plan and report tables of a document (monitoring tables have fixed rows: not offered). */
export function tableChoices(tables: readonly RecognisedTable[]): TableChoice[] {
  const topLevel = (rec: RecognisedTable): number =>
    rec.parts[0].topIndex >= 0 ? rec.parts[0].topIndex + 1 : rec.parts[0].index + 1;
  return tables
    .filter((rec) => rec.form.kind !== 'monitoring')
    .map((rec) => {
      const ours = !!rec.tag && rec.tag.startsWith('ctcl:');
      const criteria = criterionEntries(rec).length;
      const parts = [`Bảng thứ ${topLevel(rec)}`, rec.form.name, criteria ? `${criteria} tiêu chí` : 'chưa có tiêu chí'];
      return {
        key: ours ? `tag:${rec.tag}` : `table:${rec.parts[0].index}`,
        target: ours ? { tag: rec.tag } : { table: rec.parts[0].index },
        rec,
        label: parts.join(' · '),
        ours,
      };
    });
}

/** The table to start with: the one the cursor is in, else the first. */
export function defaultTableKey(tables: readonly TableChoice[], cursor?: CellLocation): string | undefined {
  const here = cursor && tables.find((t) => t.rec.parts.some((p) => p.index === cursor.table));
  return (here ?? tables[0])?.key;
}

/** The key a stored target (a draft's) has among the choices, if that table is still there. */
export function keyOfTarget(tables: readonly TableChoice[], target: TableTarget): string | undefined {
  const key = target.tag ? `tag:${target.tag}` : target.table !== undefined ? `table:${target.table}` : undefined;
  return tables.some((t) => t.key === key) ? key : undefined;
}

/** The catalog a table is filled from: the table's own framework, the document's school type. */
export function catalogFor(choice: TableChoice | undefined, schoolType: SchoolType | undefined): Catalog | undefined {
  return choice && schoolType ? findCatalog(choice.rec.form.framework, schoolType) : undefined;
}

/**
 * A planner that plans on the table as the panel recognised it: the backend recognises tables without
 * knowing the document's framework, which can tell a 2018 report from a TT57 one differently; the
 * table is recognised again here with the framework the panel shows.
 */
export function withFramework(
  framework: Framework | undefined,
  target: TableTarget,
  plan: (rec: RecognisedTable) => EditPlan,
): EditPlanner {
  return (rec, model) => {
    if (!framework) return plan(rec);
    const again = findTarget(recogniseTables(model, { framework }), target);
    const same = again && again.parts[0].index === rec.parts[0].index;
    return plan(same ? again : rec);
  };
}

/**
 * "Thêm dòng": the row in its place (level section, under its standard, ordered by code); a row of the
 * criterion at this level with nothing written in it is filled instead.
 */
export function addRowPlanner(
  framework: Framework | undefined,
  target: TableTarget,
  catalog: Catalog,
  req: RowRequest,
): EditPlanner {
  return withFramework(framework, target, (rec) => planAddOrFillRow(rec, catalog, req));
}

/** "Cập nhật": the criterion's `ordinal`-th row, found again by its criterion and level. */
export function updateRowPlanner(
  framework: Framework | undefined,
  target: TableTarget,
  catalog: Catalog,
  req: RowRequest,
  ordinal: number,
): EditPlanner {
  return withFramework(framework, target, (rec) => planUpdateRow(rec, catalog, req, ordinal));
}
