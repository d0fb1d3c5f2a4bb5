/** The insert form's logic: framework from the year, form mapping, validation and the spec. */
import { findCatalog, getCatalog } from '../../src/domain/catalog';
import { loadCatalog } from '../../src/taskpane/insert/catalogs';
import { defaultChoices, derive as deriveWith, describeStart, type InsertChoices } from '../../src/taskpane/insert/choices';

/** The form's logic with every catalog at hand (as once the pane has loaded the chosen one). */
const derive = (c: InsertChoices) => deriveWith(c, findCatalog);

const base: InsertChoices = {
  schoolType: 'tieu-hoc',
  schoolYear: '2025-2026',
  formId: 'plan-2018',
  start: 'skeleton',
  selected: [],
  groupByLevel: false,
};

test('defaults: this school year, its framework and the first form of it', () => {
  const aug = defaultChoices(new Date(2026, 7, 20));
  expect(aug.schoolYear).toBe('2026-2027');
  expect(aug.formId).toBe('plan-2026');
  const may = defaultChoices(new Date(2026, 4, 2));
  expect(may.schoolYear).toBe('2025-2026');
  expect(may.formId).toBe('plan-2018');
});

test('the framework follows the year unless chosen by hand', () => {
  expect(derive(base).framework).toBe('2018');
  const d = derive({ ...base, schoolYear: '2026 – 2027' });
  expect(d.framework).toBe('2026');
  expect(d.yearText).toBe('2026-2027');
  // The 2018 form moves to the same kind in TT57.
  expect(d.form.id).toBe('plan-2026');
  const manual = derive({ ...base, frameworkOverride: '2026' });
  expect(manual.autoFramework).toBe('2018');
  expect(manual.framework).toBe('2026');
  expect(manual.spec?.framework).toBe('2026');
});

test('an invalid year or a school type the framework lacks blocks the insert with a Vietnamese reason', () => {
  for (const y of ['', '2025', '2025-2027', 'abc']) {
    const d = derive({ ...base, schoolYear: y });
    expect(d.errors.year).toMatch(/năm học/i);
    expect(d.spec).toBeUndefined();
  }
  const gdtx = derive({ ...base, schoolType: 'gdtx' });
  expect(gdtx.schoolTypes).not.toContain('gdtx');
  expect(gdtx.errors.schoolType).toMatch(/giáo dục thường xuyên/);
  expect(gdtx.spec).toBeUndefined();
  expect(derive({ ...base, schoolType: 'gdtx', schoolYear: '2026-2027' }).spec?.schoolType).toBe('gdtx');
});

test('report-2018, skeleton: sections and standards, the year in the spec', () => {
  const d = derive({ ...base, formId: 'report-2018' });
  expect(d.spec).toMatchObject({ form: 'report-2018', framework: '2018', schoolType: 'tieu-hoc', schoolYear: '2025-2026' });
  const rows = d.spec!.rows;
  expect(rows[0]).toEqual({ kind: 'section', section: 'm123' });
  expect(rows.filter((r) => r.kind === 'standard')).toHaveLength(getCatalog('2018', 'tieu-hoc').standards.length);
  expect(rows[rows.length - 1]).toEqual({ kind: 'section', section: 'm4' });
  expect(d.criterionRows).toBe(0);
  expect(describeStart(d)).toMatch(/mức và tiêu chuẩn/);
});

test('selected criteria: only the ones that exist in the catalog and form count; none selected is an error', () => {
  const none = derive({ ...base, start: 'selected' });
  expect(none.errors.criteria).toMatch(/ít nhất một tiêu chí/);
  expect(none.spec).toBeUndefined();
  const d = derive({ ...base, start: 'selected', selected: ['2.1', 'M4.1', '9.9', 'rác'] });
  expect(d.selectedRefs).toEqual([{ code: '2.1' }, { code: '1', level4: true }]);
  expect(d.criterionRows).toBe(2);
  // TT57 has no Mức 4: the item is dropped there.
  const tt57 = derive({ ...base, schoolYear: '2026-2027', start: 'selected', selected: ['M4.1', '1.3'], groupByLevel: true });
  expect(tt57.selectedRefs).toEqual([{ code: '1.3' }]);
  expect(tt57.spec?.groupByLevel).toBe(true);
  expect(tt57.spec?.rows.slice(0, 3).map((r) => r.kind)).toEqual(['section', 'standard', 'criterion']);
});

test('the monitoring table has fixed rows and no start choice', () => {
  const d = derive({ ...base, schoolYear: '2026-2027', formId: 'monitoring-2026', start: 'all' });
  expect(d.hasStartChoice).toBe(false);
  expect(d.hasGroupByLevel).toBe(false);
  expect(d.spec?.rows.map((r) => (r.kind === 'fixed' ? r.label : r.kind))).toEqual(['Cuối học kỳ I', 'Cuối năm học']);
  expect(describeStart(d)).toContain('Cuối học kỳ I');
});

test('until the chosen catalog is loaded: no spec, "loading", and no error for a school type the framework has', () => {
  const d = deriveWith(base, () => undefined);
  expect(d.loading).toBe(true);
  expect(d.spec).toBeUndefined();
  expect(d.errors.schoolType).toBeUndefined();
  // GDTX has no 2018 catalog: an error, not a wait.
  const gdtx = deriveWith({ ...base, schoolType: 'gdtx' }, () => undefined);
  expect(gdtx.loading).toBe(false);
  expect(gdtx.errors.schoolType).toMatch(/giáo dục thường xuyên/);
});

test('the pane loads each catalog on demand: the same catalog the CLI uses', async () => {
  for (const framework of ['2018', '2026'] as const) {
    for (const schoolType of ['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'] as const) {
      expect(await loadCatalog(framework, schoolType)).toBe(findCatalog(framework, schoolType));
    }
  }
});
