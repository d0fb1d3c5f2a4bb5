/**
 * The checker's rules. Each one is precise: it fires on a real mistake a reviewer would point out,
 * and stays quiet on what real documents legitimately do (criteria given by code only, TT counting
 * standards, "Không" as a result, several rows for one criterion, rows split by a page break).
 */
import { findCatalog, findCriterion, findLevel4Item, findStandard, type Catalog, type Level, type SchoolType } from '../catalog';
import { fillYear, type ColumnDef } from '../forms';
import { cellAt, type DocModel } from '../ooxml/reader';
import type { CriterionRef } from '../table/model';
import { refKey } from '../table/model';
import { criterionEntries, type CriterionEntry, type RecognisedTable } from '../table/recognise';
import { editDistance, fold, formatSchoolYear, parseSchoolYear, type SchoolYear } from '../text';
import { findingId, type Finding, type FindingLocation, type RuleId, type Severity } from './findings';
import type { DocumentMeta } from './metadata';

/** Criteria a plan lists, to compare a report with. */
export interface PlanSource {
  readonly origin: 'document' | 'file' | 'template';
  /** Where it came from, for messages ("kế hoạch trong tài liệu này", a file name, a template name). */
  readonly name: string;
  readonly items: readonly { readonly ref: CriterionRef; readonly level?: Level; readonly content: string }[];
}

export interface CheckContext {
  readonly model: DocModel;
  readonly tables: readonly RecognisedTable[];
  readonly meta: DocumentMeta;
  readonly catalog?: Catalog;
  readonly plan?: PlanSource;
  /** The day the check is about (document date or today), to judge end-of-term rules. */
  readonly asOf: { readonly year: number; readonly month: number; readonly day: number };
}

type Rule = (ctx: CheckContext) => Finding[];

function make(
  rule: RuleId,
  severity: Severity,
  message: string,
  location: FindingLocation,
  idParts: readonly (string | number | undefined)[],
  extra: Partial<Pick<Finding, 'criterion' | 'fix' | 'fixLabel'>> = {},
): Finding {
  return { id: findingId(rule, idParts), rule, severity, message, location, ...extra };
}

/** Ordinal of a recognised table among those of the document (stable id part). */
function tableKey(ctx: CheckContext, rec: RecognisedTable): string {
  return rec.tag ?? `${rec.form.kind}${ctx.tables.filter((t) => t.form.kind === rec.form.kind).indexOf(rec)}`;
}

function colOf(rec: RecognisedTable, key: string): number | undefined {
  return rec.columns.find((c) => c.key === key)?.col;
}

/** Location of a criterion entry's label cell. */
function entryLocation(rec: RecognisedTable, e: { at: { table: number; row: number } }, key = 'criterion'): FindingLocation {
  const col = colOf(rec, key);
  const part = rec.parts.find((p) => p.index === e.at.table);
  const cell = col !== undefined && part ? cellAt(part.rows[e.at.row], col) : undefined;
  return { table: e.at.table, row: e.at.row, column: col, cell: cell?.index };
}

function name(e: { ref: CriterionRef }): string {
  return e.ref.level4 ? `Tiêu chí ${e.ref.code} (Mức 4)` : `Tiêu chí ${e.ref.code}`;
}

function heading(c: ColumnDef): string {
  return fillYear(c.heading, '…').replace(/ …$/, '');
}

// ---------------------------------------------------------------------------------------------

const noTable: Rule = (ctx) =>
  ctx.tables.length
    ? []
    : [
        make(
          'no-table',
          'error',
          'Không tìm thấy bảng kế hoạch hoặc bảng báo cáo cải tiến chất lượng trong tài liệu. Hãy chèn bảng mẫu, hoặc kiểm tra lại tiêu đề các cột của bảng.',
          {},
          [],
        ),
      ];

const columns: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables) {
    const first = rec.parts[0];
    for (const c of rec.missing) {
      const minor = c.role === 'tt' || c.key === 'note';
      out.push(
        make(
          'missing-column',
          minor ? 'warning' : 'error',
          `Bảng thiếu cột «${heading(c)}». Hãy thêm cột này theo mẫu ${rec.form.name.toLowerCase()}.`,
          { table: first.index, row: 0 },
          [tableKey(ctx, rec), c.key],
          { fix: { kind: 'add-column', key: c.key }, fixLabel: 'Thêm cột' },
        ),
      );
    }
    for (const m of rec.columns.filter((x) => x.inferred)) {
      const c = rec.form.columns.find((x) => x.key === m.key)!;
      const minor = c.role === 'tt' || c.key === 'note';
      out.push(
        make(
          'missing-heading',
          minor ? 'warning' : 'error',
          `Cột thứ ${m.col + 1} chưa có tiêu đề; theo mẫu, đây là cột «${heading(c)}». Hãy ghi tiêu đề cho cột.`,
          {
            table: first.index,
            row: Math.max(0, rec.headerRows - 1),
            column: m.col,
            cell: cellAt(first.rows[Math.max(0, rec.headerRows - 1)], m.col)?.index,
          },
          [tableKey(ctx, rec), c.key],
          { fix: { kind: 'write-heading', key: c.key }, fixLabel: 'Ghi tiêu đề' },
        ),
      );
    }
    for (const x of rec.extra) {
      out.push(
        make(
          'extra-column',
          'info',
          `Cột «${x.heading.replace(/\s+/g, ' ').slice(0, 80)}» không có trong mẫu ${rec.form.name.toLowerCase()}. Có thể giữ lại nếu cần.`,
          { table: first.index, row: 0, column: x.col },
          [tableKey(ctx, rec), fold(x.heading).slice(0, 40)],
        ),
      );
    }
  }
  return out;
};

const resultColumns = (rec: RecognisedTable): ColumnDef[] =>
  rec.form.columns.filter((c) => c.result && rec.columns.some((m) => m.key === c.key));

const emptyResult: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables.filter((t) => t.form.kind === 'report')) {
    const results = resultColumns(rec);
    if (!results.length) continue;
    for (const e of criterionEntries(rec)) {
      if (results.some((c) => (e.cells[c.key] ?? '').trim())) continue;
      out.push(
        make(
          'empty-result',
          'error',
          `${name(e)} chưa có kết quả thực hiện: các cột «đã triển khai xong», «đang triển khai», «chưa triển khai» đều trống. Hãy ghi kết quả (nếu chưa làm, ghi vào cột «chưa triển khai» và nêu lý do).`,
          entryLocation(rec, e, results[0].key),
          [tableKey(ctx, rec), refKey(e.ref), e.level],
          { criterion: refKey(e.ref) },
        ),
      );
    }
  }
  return out;
};

function reportedRefs(ctx: CheckContext): CriterionEntry[] {
  return ctx.tables.filter((t) => t.form.kind === 'report').flatMap(criterionEntries);
}

const planVsReport: Rule = (ctx) => {
  const out: Finding[] = [];
  const plan = ctx.plan;
  const report = ctx.tables.find((t) => t.form.kind === 'report');
  if (!plan || !report) return out;
  const reported = reportedRefs(ctx);
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const item of plan.items) {
    const key = refKey(item.ref);
    if (seen.has(key)) continue;
    seen.add(key);
    if (reported.some((e) => refKey(e.ref) === key)) continue;
    missing.push(key);
  }
  const where = plan.origin === 'document' ? 'kế hoạch trong tài liệu này' : `kế hoạch «${plan.name}»`;
  for (const key of missing) {
    const label = key.startsWith('M4.') ? `Tiêu chí ${key.slice(3)} (Mức 4)` : `Tiêu chí ${key}`;
    out.push(
      make(
        'unreported-criterion',
        'error',
        `${label} có trong ${where} nhưng không có trong báo cáo. Hãy thêm dòng báo cáo kết quả cho tiêu chí này.`,
        { table: report.parts[0].index },
        [tableKey(ctx, report), key],
        { criterion: key, fix: { kind: 'add-planned-rows', codes: missing }, fixLabel: 'Thêm các tiêu chí còn thiếu' },
      ),
    );
  }
  const planned = new Set(plan.items.map((i) => refKey(i.ref)));
  const reportedOnce = new Set<string>();
  for (const e of reported) {
    const key = refKey(e.ref);
    if (planned.has(key) || reportedOnce.has(key)) continue;
    reportedOnce.add(key);
    out.push(
      make(
        'unplanned-criterion',
        'info',
        `${name(e)} có trong báo cáo nhưng không có trong ${where}. Nếu kế hoạch đã được điều chỉnh, hãy ghi rõ ở cột «đã được điều chỉnh».`,
        entryLocation(report, e),
        [tableKey(ctx, report), key],
        { criterion: key },
      ),
    );
  }
  return out;
};

/** Rules that need the catalog of the document's framework and school type. */
const catalogRules: Rule = (ctx) => {
  const out: Finding[] = [];
  const cat = ctx.catalog;
  if (!cat) return out;
  const typeName = ctx.meta.schoolType ? TYPE_IN_SENTENCE[ctx.meta.schoolType] : '';
  const yearStart = ctx.meta.schoolYear ? parseSchoolYear(ctx.meta.schoolYear)?.start : undefined;
  for (const rec of ctx.tables) {
    if (rec.form.sections === 'none') continue;
    const tk = tableKey(ctx, rec);
    // Standard rows.
    for (const e of rec.entries) {
      if (e.kind !== 'standard') continue;
      const std = findStandard(cat, e.standard);
      const loc = entryLocation(rec, e);
      if (!std) {
        out.push(
          make(
            'unknown-criterion',
            'error',
            `Không có Tiêu chuẩn ${e.standard} trong ${cat.circular.number} (${cat.standards.length} tiêu chuẩn).`,
            loc,
            [tk, `TC${e.standard}`],
          ),
        );
        continue;
      }
      const mismatch = titleMismatch(e.title, std.title, std.titleVariants);
      if (!mismatch) continue;
      // A shortened title is a slip; another school type's wording is a real mistake.
      const other = mismatch === 'shortened' ? undefined : otherWording(ctx, e.standard, e.title);
      const severity: Severity = mismatch === 'shortened' ? 'warning' : 'error';
      const why = other
        ? `là tên tiêu chuẩn của ${other}, không phải của trường ${typeName}`
        : mismatch === 'shortened'
          ? 'bị viết thiếu'
          : 'khác tên chính thức';
      out.push(
        make(
          'standard-title-mismatch',
          severity,
          `Tên Tiêu chuẩn ${e.standard} «${e.title}» ${why}. Tên đúng: «${std.title}».`,
          loc,
          [tk, `TC${e.standard}`],
          { fix: { kind: 'write-standard-title', standard: e.standard }, fixLabel: 'Ghi tên đúng' },
        ),
      );
    }
    // Criterion rows.
    const seen = new Map<string, number>();
    criterionEntries(rec).forEach((e) => {
      const key = refKey(e.ref);
      const loc = entryLocation(rec, e);
      const ids = [tk, key, e.level];
      if (e.ref.level4) {
        if (cat.framework !== '2018') {
          out.push(
            make(
              'level-not-available',
              'error',
              `${cat.circular.number} không có tiêu chí Mức 4. Hãy bỏ dòng «${e.label}».`,
              loc,
              ids,
              { criterion: key },
            ),
          );
        } else if (!findLevel4Item(cat, e.ref.code)) {
          const verified = cat.level4.filter((i) => !i.incomplete).length;
          if (cat.level4Complete || Number(e.ref.code) <= verified) {
            out.push(
              make(
                'unknown-level4-item',
                'error',
                `Không có tiêu chí ${e.ref.code} ở Mức 4 (${cat.circular.number} có ${cat.level4.length} tiêu chí Mức 4). Hãy kiểm tra lại số tiêu chí.`,
                loc,
                ids,
                { criterion: key },
              ),
            );
          } else {
            out.push(
              make(
                'unknown-level4-item',
                'info',
                `Chưa xác minh được tiêu chí ${e.ref.code} ở Mức 4 (dữ liệu tham chiếu mới có ${verified} tiêu chí Mức 4 đầu). Hãy tự đối chiếu với ${cat.circular.number}.`,
                loc,
                ids,
                { criterion: key },
              ),
            );
          }
        }
        return;
      }
      const c = findCriterion(cat, e.ref.code);
      if (!c) {
        const elsewhere = whereElse(e.ref.code, ctx);
        out.push(
          make(
            'unknown-criterion',
            'error',
            `Không có tiêu chí ${e.ref.code} trong bộ tiêu chí ${cat.circular.number} cho trường ${typeName}${elsewhere}. Hãy kiểm tra lại số tiêu chí.`,
            loc,
            ids,
            { criterion: key },
          ),
        );
        return;
      }
      if (e.standard !== undefined && e.standard !== c.standard) {
        out.push(
          make(
            'wrong-standard',
            'error',
            `${name(e)} thuộc Tiêu chuẩn ${c.standard} nhưng đang nằm dưới Tiêu chuẩn ${e.standard}. Hãy chuyển dòng về đúng tiêu chuẩn.`,
            loc,
            ids,
            { criterion: key },
          ),
        );
      }
      const levels: Level[] = [];
      if (e.level) levels.push(e.level);
      if (e.section === 'm3') levels.push(3);
      if (e.section === 'm2') levels.push(2);
      for (const lv of new Set(levels)) {
        if (!c.levels.includes(lv)) {
          out.push(
            make(
              'level-not-available',
              'error',
              `${name(e)} không có yêu cầu ở Mức ${lv} (chỉ có ${c.levels.map((l) => `Mức ${l}`).join(', ')}). Hãy sửa mức của dòng này.`,
              loc,
              [...ids, lv],
              { criterion: key },
            ),
          );
        } else if (c.levelsFrom2025 && !c.levelsFrom2025.includes(lv) && yearStart !== undefined && yearStart >= 2024) {
          out.push(
            make(
              'level-not-available',
              'warning',
              `Từ 25/01/2025, Thông tư 22/2024 đã bãi bỏ yêu cầu Mức ${lv} của ${name(e).toLowerCase()}. Hãy kiểm tra lại mức của dòng này.`,
              loc,
              [...ids, lv, 'tt22'],
              { criterion: key },
            ),
          );
        }
      }
      if (e.title && titleMismatch(e.title, c.title, c.titleVariants) === 'different') {
        out.push(
          make(
            'criterion-title-mismatch',
            'warning',
            `Tên ${name(e).toLowerCase()} «${e.title}» khác tên chính thức «${c.title}».`,
            loc,
            ids,
            {
              criterion: key,
              fix: { kind: 'write-criterion-title', code: c.code },
              fixLabel: 'Ghi tên đúng',
            },
          ),
        );
      }
      // The same criterion listed again further down (several rows in a row are normal).
      const idx = rec.entries.indexOf(e);
      const prevIdx = seen.get(`${key}|${e.level ?? ''}|${e.section ?? ''}`);
      if (prevIdx !== undefined && !onlySameCriterionBetween(rec, prevIdx, idx, key)) {
        out.push(
          make(
            'duplicate-criterion',
            'warning',
            `${name(e)} xuất hiện ở nhiều chỗ trong bảng. Hãy gộp các dòng của tiêu chí này vào một chỗ.`,
            loc,
            [...ids, 'dup'],
            { criterion: key },
          ),
        );
      }
      seen.set(`${key}|${e.level ?? ''}|${e.section ?? ''}`, idx);
    });
  }
  return out;
};

function onlySameCriterionBetween(rec: RecognisedTable, from: number, to: number, key: string): boolean {
  for (let i = from + 1; i < to; i++) {
    const e = rec.entries[i];
    if (e.kind === 'empty') continue;
    if (e.kind === 'criterion' && refKey(e.ref) === key) continue;
    return false;
  }
  return true;
}

/** School type names inside a sentence ("trường tiểu học", "trường THCS, THPT"). */
export const TYPE_IN_SENTENCE: Readonly<Record<SchoolType, string>> = {
  'mam-non': 'mầm non',
  'tieu-hoc': 'tiểu học',
  'thcs-thpt': 'THCS, THPT',
  gdtx: 'giáo dục thường xuyên',
};

/** A criterion code that exists for another school type: say so, it is a common mix-up. */
function whereElse(code: string, ctx: CheckContext): string {
  const fw = ctx.catalog!.framework;
  const types = (['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'] as SchoolType[]).filter(
    (t) => t !== ctx.meta.schoolType && findCatalog(fw, t) && findCriterion(findCatalog(fw, t)!, code),
  );
  return types.length ? ` (tiêu chí này chỉ có ở trường ${types.map((t) => TYPE_IN_SENTENCE[t]).join(', ')})` : '';
}

/** The school type or framework whose wording a title uses instead, if any. */
function otherWording(ctx: CheckContext, standard: number, title: string): string | undefined {
  const k = normTitle(title);
  for (const fw of ['2018', '2026'] as const) {
    for (const t of ['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'] as SchoolType[]) {
      const cat = findCatalog(fw, t);
      if (!cat || cat === ctx.catalog) continue;
      const std = findStandard(cat, standard);
      if (std && similarTitle(k, normTitle(std.title))) {
        return fw === ctx.catalog!.framework ? `trường ${TYPE_IN_SENTENCE[t]}` : `${cat.circular.number}`;
      }
    }
  }
  return undefined;
}

/** Equal but for a letter or two, or the other's opening words (a dropped last word such as "trẻ"). */
function similarTitle(a: string, b: string): boolean {
  if (a === b || editDistance(a, b, 2) <= 2) return true;
  return b.startsWith(a) && a.length >= 0.8 * b.length;
}

function normTitle(s: string): string {
  return fold(s)
    .replace(/[.;:,]+$/g, '')
    .replace(/\s*,\s*/g, ', ')
    .trim();
}

/** Compare a written title with the official one: undefined when equal (typos of a letter or two allowed). */
function titleMismatch(
  written: string,
  official: string,
  variants: readonly string[] = [],
): 'shortened' | 'different' | undefined {
  const w = normTitle(written);
  if (!w) return undefined;
  for (const t of [official, ...variants]) {
    const o = normTitle(t);
    if (w === o || editDistance(w, o, 2) <= 2) return undefined;
  }
  const o = normTitle(official);
  if (o.startsWith(w) && w.length >= 10) return 'shortened';
  return 'different';
}

// ---------------------------------------------------------------------------------------------

const framework: Rule = (ctx) => {
  const out: Finding[] = [];
  const fw = ctx.meta.framework;
  if (!fw) return out;
  for (const rec of ctx.tables) {
    if (rec.form.framework === fw) continue;
    const year = ctx.meta.schoolYear;
    out.push(
      make(
        'framework-mismatch',
        'error',
        fw === '2026'
          ? `Năm học ${year ?? ''} áp dụng Thông tư 57/2026 (4 tiêu chuẩn, Mức 1–2) nhưng bảng dùng mẫu theo Thông tư 17, 18, 19/2018. Hãy chuyển sang mẫu ${fw === '2026' ? 'Biểu 2 của Thông tư 57' : ''}.`
          : `Năm học ${year ?? ''} còn áp dụng các thông tư 2018 nhưng bảng dùng mẫu của Thông tư 57/2026. Hãy kiểm tra lại năm học hoặc mẫu bảng.`,
        { table: rec.parts[0].index, row: 0 },
        [tableKey(ctx, rec)],
      ),
    );
  }
  return out;
};

const years: Rule = (ctx) => {
  const out: Finding[] = [];
  const m = ctx.meta;
  const title = m.titleYears[0];
  const fmt = (y: SchoolYear): string => formatSchoolYear(y);
  for (const rec of ctx.tables) {
    for (const y of rec.headingYears) {
      if (title && (y.start !== title.start || y.end !== title.end)) {
        out.push(
          make(
            'year-mismatch',
            'error',
            `Tiêu đề cột ghi năm học ${fmt(y)} nhưng tên văn bản ghi năm học ${fmt(title)}. Hãy sửa cho thống nhất.`,
            { table: rec.parts[0].index, row: 0 },
            [tableKey(ctx, rec), 'heading'],
          ),
        );
      }
    }
  }
  const yearOf = title ?? m.headingYears[0];
  if (!yearOf) return out;
  if (m.planDate && m.documentKind === 'report') {
    const planYear = m.planDate.month >= 4 ? m.planDate.year : m.planDate.year - 1;
    if (planYear !== yearOf.start) {
      out.push(
        make(
          'year-mismatch',
          'warning',
          `Kế hoạch được dẫn chiếu đề ngày ${m.planDate.day}/${m.planDate.month}/${m.planDate.year}, không thuộc năm học ${fmt(yearOf)} của báo cáo. Hãy kiểm tra lại.`,
          {},
          ['plan-date'],
        ),
      );
    }
  }
  const d = m.date;
  if (d) {
    const months = (d.year - yearOf.start) * 12 + d.month; // months since January of the start year
    const report = m.documentKind === 'report';
    // A report is written from the end of term I (December) to the end of the calendar year after;
    // a plan from spring before the year starts to the middle of the year.
    const ok = report ? months >= 12 && months <= 24 : months >= 4 && months <= 15;
    if (!ok) {
      out.push(
        make(
          'year-mismatch',
          'warning',
          report
            ? `Báo cáo đề ngày ${d.day}/${d.month}/${d.year}, ${months < 12 ? 'trước khi' : 'sau khi'} năm học ${fmt(yearOf)} ${months < 12 ? 'có kết quả để báo cáo' : 'kết thúc khá lâu'}. Hãy kiểm tra lại ngày tháng hoặc năm học.`
            : `Kế hoạch đề ngày ${d.day}/${d.month}/${d.year}, không khớp với năm học ${fmt(yearOf)}. Hãy kiểm tra lại ngày tháng hoặc năm học.`,
          {},
          ['date'],
        ),
      );
    }
  }
  return out;
};

/** "tháng 12/2026", "5/2022", "tháng 9 năm 2022" in a plan's time column, past the school year's end. */
function monthsIn(text: string): { month: number; year: number }[] {
  const t = fold(text);
  const out: { month: number; year: number }[] = [];
  for (const mm of t.matchAll(/(?<![\d/])(\d{1,2})\s*\/\s*((?:19|20)\d\d)(?![\d/])/g))
    out.push({ month: Number(mm[1]), year: Number(mm[2]) });
  for (const mm of t.matchAll(/thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)/g))
    out.push({ month: Number(mm[1]), year: Number(mm[2]) });
  return out.filter((x) => x.month >= 1 && x.month <= 12);
}

const planTimes: Rule = (ctx) => {
  const out: Finding[] = [];
  const y = ctx.meta.schoolYear ? parseSchoolYear(ctx.meta.schoolYear) : undefined;
  if (!y) return out;
  for (const rec of ctx.tables.filter((t) => t.form.kind === 'plan')) {
    const timeCol = rec.form.columns.find((c) => c.key === 'timeline' || c.key === 'time');
    if (!timeCol) continue;
    for (const e of criterionEntries(rec)) {
      const text = e.cells[timeCol.key] ?? '';
      // A plan may run beyond the year on purpose ("và các năm học tiếp theo").
      if (/cac nam hoc tiep theo|giai doan/.test(fold(text))) continue;
      const late = monthsIn(text).filter(
        (m) => m.year * 12 + m.month > y.end * 12 + 8 || m.year * 12 + m.month < y.start * 12 + 5,
      );
      if (!late.length) continue;
      out.push(
        make(
          'time-outside-year',
          'info',
          `Thời gian thực hiện của ${name(e).toLowerCase()} (${late.map((m) => `${m.month}/${m.year}`).join(', ')}) nằm ngoài năm học ${formatSchoolYear(y)}. Nếu đây là việc nhiều năm, hãy ghi rõ; nếu không, hãy sửa lại.`,
          entryLocation(rec, e, timeCol.key),
          [tableKey(ctx, rec), refKey(e.ref), e.level],
          { criterion: refKey(e.ref) },
        ),
      );
    }
  }
  return out;
};

const emptyCells: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables.filter((t) => t.form.kind === 'plan')) {
    const required = rec.form.columns.filter((c) => c.required && rec.columns.some((m) => m.key === c.key));
    for (const e of criterionEntries(rec)) {
      const empty = required.filter((c) => !(e.cells[c.key] ?? '').trim());
      // A row with nothing typed yet is an unfinished draft, reported once rather than cell by cell.
      if (!empty.length) continue;
      const all = empty.length === required.length;
      out.push(
        make(
          'empty-cell',
          'warning',
          all
            ? `${name(e)} chưa có nội dung kế hoạch. Hãy ghi ${required.map((c) => `«${c.heading}»`).join(', ')}.`
            : `${name(e)}: ${empty.map((c) => `«${c.heading}»`).join(', ')} còn trống. Hãy ghi đủ trước khi gửi.`,
          entryLocation(rec, e, empty[0].key),
          [tableKey(ctx, rec), refKey(e.ref), e.level, empty.map((c) => c.key).join(',')],
          { criterion: refKey(e.ref) },
        ),
      );
    }
  }
  return out;
};

const labels: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables) {
    if (rec.form.framework === '2026' && rec.form.kind === 'plan') continue; // TT57 allows content rows not tied to one criterion
    for (const e of rec.entries) {
      if (e.kind !== 'item') continue;
      if (!Object.values(e.cells).some((v) => v.trim())) continue;
      out.push(
        make(
          'missing-label',
          'warning',
          `Dòng ${e.at.row + 1} có nội dung nhưng không ghi tiêu chí nào. Hãy ghi «Tiêu chí x.y» ở cột «Tiêu chuẩn, tiêu chí».`,
          entryLocation(rec, e),
          [tableKey(ctx, rec), 'row', Object.values(e.cells).join(' ').slice(0, 30)],
        ),
      );
    }
  }
  return out;
};

// TCVN3 (ABC) and VNI text read as Unicode: typical bytes, and no real Vietnamese letters.
const LEGACY_FONT = /^(\.vn|vni[- ]|vn[a-z]*h?$|abc)/i;
// Letters TCVN3/VNI cannot produce (â, ê, ô are Latin-1 and appear in legacy text too).
// eslint-disable-next-line no-misleading-character-class
const VIET_LETTERS = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]/;
const TCVN3_MARKS =
  /[\u00a2-\u00a9\u00aa\u00ac-\u00bf\u00c6-\u00cf\u00d1-\u00d6\u00d8-\u00dd\u00de\u00df\u00e6\u00f0\u00f7\u00fe]/g;
const VNI_MARKS = /(?:[aeiouy][\u00f8\u00f9\u00fa\u00fb\u00fc\u00f5\u00ef\u00f2\u00f3]|[oO]\u00f6|\u00f6\u00f4|\u00f1)/g;

export function looksLegacy(text: string, fonts: readonly string[]): boolean {
  if (fonts.some((f) => LEGACY_FONT.test(f.trim()))) return text.trim().length > 0;
  if (text.length < 12 || VIET_LETTERS.test(text)) return false;
  const marks = (text.match(TCVN3_MARKS)?.length ?? 0) + (text.match(VNI_MARKS)?.length ?? 0);
  return marks >= 3 && marks / text.length > 0.04;
}

const legacy: Rule = (ctx) => {
  let count = 0;
  let first: FindingLocation | undefined;
  let sample = '';
  for (const p of ctx.model.paragraphs) {
    if (looksLegacy(p.text, p.fonts)) {
      count++;
      if (!first) {
        first = {};
        sample = p.text;
      }
    }
  }
  for (const t of ctx.model.tables) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        if (looksLegacy(c.text, c.fonts)) {
          count++;
          if (!first || first.table === undefined) {
            if (!first) sample = c.text;
            first ??= { table: t.index, row: r.index, column: c.col, cell: c.index };
          }
        }
      }
    }
  }
  if (!count) return [];
  return [
    make(
      'legacy-encoding',
      'error',
      `Có ${count} đoạn/ô dùng phông chữ cũ (TCVN3 hoặc VNI), ví dụ «${sample.trim().slice(0, 40)}»: trên máy khác chữ sẽ hiển thị sai. Hãy chuyển mã sang Unicode (ví dụ Unikey › Công cụ chuyển mã), dùng phông Times New Roman, rồi kiểm tra lại.`,
      first ?? {},
      [],
    ),
  ];
};

const schoolType: Rule = (ctx) =>
  ctx.meta.schoolType || !ctx.tables.some((t) => t.form.sections !== 'none')
    ? []
    : [
        make(
          'unknown-school-type',
          'info',
          'Không xác định được loại trường (mầm non, tiểu học, THCS/THPT, GDTX) nên chưa đối chiếu được các tiêu chí với bộ tiêu chí. Hãy chọn loại trường rồi kiểm tra lại.',
          {},
          [],
        ),
      ];

/** End of term I and end of year as month counts from January of the start year. */
function termsPassed(ctx: CheckContext): { term1: boolean; year: boolean } | undefined {
  const y = ctx.meta.schoolYear ? parseSchoolYear(ctx.meta.schoolYear) : undefined;
  if (!y) return undefined;
  const now = (ctx.asOf.year - y.start) * 12 + ctx.asOf.month;
  return { term1: now >= 13, year: now >= 17 }; // from January and from May of the end year
}

const tt57: Rule = (ctx) => {
  const out: Finding[] = [];
  const passed = termsPassed(ctx);
  const monitoring = ctx.tables.filter((t) => t.form.id === 'monitoring-2026');
  const yearEndRecorded = monitoring.some((m) =>
    m.entries.some((e) => e.kind === 'fixed' && /cuoi nam/.test(fold(e.label)) && Object.values(e.cells).some((v) => v.trim())),
  );
  for (const rec of ctx.tables.filter((t) => t.form.id === 'plan-2026')) {
    if (!(passed?.year || yearEndRecorded)) continue;
    const statusCol = rec.form.columns.find((c) => c.status)!;
    if (!rec.columns.some((m) => m.key === statusCol.key)) continue;
    for (const e of rec.entries) {
      if (e.kind !== 'criterion' && e.kind !== 'item') continue;
      if ((e.cells[statusCol.key] ?? '').trim()) continue;
      const label = e.kind === 'criterion' ? name(e) : `Dòng ${e.at.row + 1}`;
      out.push(
        make(
          'missing-status',
          'error',
          `${label}: cuối năm học phải ghi cột (10) «Mức độ thực hiện» (ví dụ Hoàn thành / Đang thực hiện / Chưa hoàn thành).`,
          entryLocation(rec, e, statusCol.key),
          [tableKey(ctx, rec), e.kind === 'criterion' ? refKey(e.ref) : `row${e.at.row}`],
          e.kind === 'criterion' ? { criterion: refKey(e.ref) } : {},
        ),
      );
    }
  }
  for (const rec of monitoring) {
    const fixed = rec.entries.filter((e): e is Extract<typeof e, { kind: 'fixed' }> => e.kind === 'fixed');
    for (const [label, due] of [
      ['Cuối học kỳ I', passed?.term1],
      ['Cuối năm học', passed?.year],
    ] as const) {
      const row = fixed.find((e) => fold(e.label).startsWith(fold(label)));
      if (!row) {
        out.push(
          make(
            'empty-monitoring',
            'error',
            `Bảng theo dõi (mục VI) thiếu dòng «${label}». Thông tư 57 yêu cầu rà soát ít nhất cuối học kỳ I và cuối năm học.`,
            { table: rec.parts[0].index },
            [tableKey(ctx, rec), label],
          ),
        );
        continue;
      }
      if (!due) continue;
      const empty = rec.form.columns.filter((c) => c.required && !(row.cells[c.key] ?? '').trim());
      if (!empty.length) continue;
      out.push(
        make(
          'empty-monitoring',
          'warning',
          `Dòng «${label}» của bảng theo dõi (mục VI) chưa ghi ${empty.map((c) => `«${c.heading}»`).join(', ')}. Hãy ghi kết quả rà soát.`,
          { table: row.at.table, row: row.at.row, column: colOf(rec, empty[0].key) },
          [tableKey(ctx, rec), label],
        ),
      );
    }
  }
  return out;
};

export const RULES: readonly Rule[] = [
  noTable,
  columns,
  emptyResult,
  planVsReport,
  catalogRules,
  framework,
  years,
  planTimes,
  emptyCells,
  labels,
  legacy,
  schoolType,
  tt57,
];
