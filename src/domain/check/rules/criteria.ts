/**
 * Against the catalog of the document's framework and school type: standards and criteria that exist, sit under the right standard, have the level written, and carry their official titles.
 */
import { findCatalog, findCriterion, findLevel4Item, findStandard, type Level, type SchoolType } from '../../catalog';
import { refKey } from '../../table/model';
import { criterionEntries, type CriterionEntry, type RecognisedTable } from '../../table/recognise';
import { editDistance, fold, parseSchoolYear } from '../../text';
import type { Finding, FindingLocation, Severity } from '../findings';
import { unknownCriteria2026 } from './tt57';
import { entryLocation, make, name, tableKey, type CheckContext, type Rule } from './shared';

/** Rules that need the catalog of the document's framework and school type. */
const catalogRules: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  const cat = ctx.catalog;
  if (!cat) return out;
  const typeName = ctx.meta.schoolType ? TYPE_IN_SENTENCE[ctx.meta.schoolType] : '';
  const yearStart = ctx.meta.schoolYear ? parseSchoolYear(ctx.meta.schoolYear)?.start : undefined;
  for (const rec of ctx.tables) {
    // Biểu 2 (mục V) is the school's own content: never compared with catalog titles; the tt57 rules judge its codes.
    if (rec.form.sections === 'none' || rec.form.id === 'plan-2026') continue;
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
      // A shortened title still names the right standard (a matter of wording: Gợi ý); another school
      // type's wording is a real mistake.
      const other = mismatch === 'shortened' ? undefined : otherWording(ctx, e.standard, e.title);
      const severity: Severity = mismatch === 'shortened' ? 'info' : 'error';
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
    // A criterion listed again further down: once per criterion, with all its places.
    const dups = new Map<
      string,
      { e: CriterionEntry; loc: FindingLocation; ids: (string | number | undefined)[]; rows: number[] }
    >();
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
        const dup = dups.get(`${key}|${e.level ?? ''}|${e.section ?? ''}`);
        if (dup) dup.rows.push(e.at.row);
        else
          dups.set(`${key}|${e.level ?? ''}|${e.section ?? ''}`, {
            e,
            loc,
            ids,
            rows: [(rec.entries[prevIdx] as CriterionEntry).at.row, e.at.row],
          });
      }
      seen.set(`${key}|${e.level ?? ''}|${e.section ?? ''}`, idx);
    });
    for (const { e, loc, ids, rows } of dups.values()) {
      out.push(
        make(
          'duplicate-criterion',
          'warning',
          `${name(e)} xuất hiện ở ${rows.length} chỗ trong bảng (dòng ${rows.map((r) => r + 1).join(', ')}). Hãy gộp các dòng của tiêu chí này vào một chỗ.`,
          loc,
          [...ids, 'dup'],
          { criterion: refKey(e.ref) },
        ),
      );
    }
  }
  return [...out, ...unknownCriteria2026(ctx)];
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
const TYPE_IN_SENTENCE: Readonly<Record<SchoolType, string>> = {
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

export const CRITERIA_RULES: readonly Rule[] = [
  {
    id: 'catalog',
    family: 'criteria',
    reports: [
      'unknown-criterion',
      'standard-title-mismatch',
      'criterion-title-mismatch',
      'wrong-standard',
      'level-not-available',
      'unknown-level4-item',
      'duplicate-criterion',
    ],
    run: catalogRules,
  },
];
