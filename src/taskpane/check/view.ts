/**
 * The "Kiểm tra" tab's view of the checker's output: grouping by rule, the severity filter, locations
 * and coverage in words, the ignored-findings list kept in the document store, the reviewer's summary
 * rows. Pure (no React, no DOM, no backend), so it is tested in Node.
 */
import { DOCUMENT_KIND_SHORT, YEAR_FIELD_ERROR } from '../../domain/vocabulary';
import { FRAMEWORK_LABELS, SCHOOL_TYPE_LABELS, type Framework, type SchoolType } from '../../domain/catalog';
import {
  RULE_LABELS,
  SEVERITY_LABELS,
  type CheckResult,
  type Coverage,
  type Finding,
  type FindingLocation,
  type RuleId,
  type Severity,
} from '../../domain/check';
import type { DocumentMeta, MetaOverrides } from '../../domain/check';
import type { CellLocation } from '../../domain/backend';
import { cellAt, type DocModel } from '../../domain/ooxml/reader';
import { formatSchoolYear, parseSchoolYear } from '../../domain/text';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Readonly<Record<Severity, number>>;

/** Which severities the list shows. */
export type SeverityFilter = Readonly<Record<Severity, boolean>>;

export const SHOW_ALL: SeverityFilter = { error: true, warning: true, info: true };

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

export function toggleSeverity(filter: SeverityFilter, s: Severity): SeverityFilter {
  return { ...filter, [s]: !filter[s] };
}

export interface FindingGroup {
  readonly rule: RuleId;
  readonly label: string;
  /** The most serious severity in the group (all its findings, shown or not). */
  readonly severity: Severity;
  /** The findings the filter lets through, in the checker's order. */
  readonly findings: readonly Finding[];
  /** All of the group's findings by severity, shown or not. */
  readonly counts: SeverityCounts;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Findings grouped by rule: groups with an error first, then warnings, then hints; among equals, in the
 * order the checker reported them. Groups with nothing left after the filter are left out.
 */
export function groupFindings(findings: readonly Finding[], filter: SeverityFilter = SHOW_ALL): FindingGroup[] {
  const byRule = new Map<RuleId, { first: number; all: Finding[] }>();
  findings.forEach((f, i) => {
    const g = byRule.get(f.rule) ?? { first: i, all: [] };
    g.all.push(f);
    byRule.set(f.rule, g);
  });
  const groups: (FindingGroup & { first: number })[] = [];
  for (const [rule, g] of byRule) {
    const shown = g.all.filter((f) => filter[f.severity]);
    if (!shown.length) continue;
    const severity = g.all.reduce<Severity>((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), 'info');
    groups.push({
      rule,
      label: RULE_LABELS[rule] ?? rule,
      severity,
      findings: shown,
      counts: severityCounts(g.all),
      first: g.first,
    });
  }
  groups.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.first - b.first);
  return groups.map(({ first: _first, ...g }) => g);
}

/** How many findings the filter hides. */
export function hiddenCount(findings: readonly Finding[], filter: SeverityFilter): number {
  return findings.filter((f) => !filter[f.severity]).length;
}

/** "Lỗi (2)", for the filter toggles. */
export function severityToggleLabel(s: Severity, counts: SeverityCounts): string {
  return `${SEVERITY_LABELS[s]} (${counts[s]})`;
}

/** Where a finding is, for people: "Bảng 1, dòng 14, cột 2" (1-based); "" when it is about the whole document. */
export function locationText(l: FindingLocation): string {
  if (l.table === undefined) return '';
  const parts = [`Bảng ${l.table + 1}`];
  if (l.row !== undefined) parts.push(`dòng ${l.row + 1}`);
  if (l.column !== undefined) parts.push(`cột ${l.column + 1}`);
  return parts.join(', ');
}

/**
 * What to select for a finding: its cell; the cell of its grid column when only the column is known;
 * its row; the table's first row when only the table is known. Undefined when the finding is about the
 * whole document, or (given the model) the place is not in it.
 */
export function selectionFor(l: FindingLocation, model?: DocModel): CellLocation | undefined {
  if (l.table === undefined) return undefined;
  const table = model?.tables[l.table];
  if (model && !table) return undefined;
  const row = l.row ?? 0;
  const tr = table?.rows[row];
  if (table && !tr) return undefined;
  if (l.cell !== undefined) {
    if (tr && !tr.cells.some((c) => c.index === l.cell)) return { table: l.table, row };
    return { table: l.table, row, cell: l.cell };
  }
  if (l.column !== undefined && tr) {
    const c = cellAt(tr, l.column);
    if (c) return { table: l.table, row, cell: c.index };
  }
  return { table: l.table, row };
}

interface CoverageView {
  /** "Đã báo cáo 12/15 tiêu chí". */
  readonly label: string;
  /** 0..1, for the progress bar. */
  readonly value: number;
  /** Against what: the plan (named) or only the report itself. */
  readonly basis: string;
  /** "Chưa báo cáo: 1.6, M4.2" or undefined. */
  readonly missing?: string;
  readonly complete: boolean;
}

/** Coverage in words. `planName`: the plan the report was compared with, when it was. */
export function coverageView(c: Coverage | undefined, planName?: string): CoverageView | undefined {
  if (!c) return undefined;
  const basis =
    c.basis === 'plan'
      ? `So với ${planName && planName !== DOCUMENT_PLAN ? `kế hoạch «${planName}»` : 'bảng kế hoạch trong tài liệu này'}.`
      : 'Chỉ tính các tiêu chí có trong báo cáo (chưa có kế hoạch để đối chiếu).';
  const shown = c.missing.slice(0, 12).map((k) => (k.startsWith('M4.') ? `${k.slice(3)} (Mức 4)` : k));
  const more = c.missing.length > shown.length ? ` và ${c.missing.length - shown.length} tiêu chí khác` : '';
  return {
    label: `Đã báo cáo ${c.reported}/${c.total} tiêu chí`,
    value: c.total ? c.reported / c.total : 0,
    basis,
    missing: c.missing.length ? `Chưa báo cáo: ${shown.join(', ')}${more}.` : undefined,
    complete: c.total > 0 && c.reported === c.total,
  };
}

/** "12 tiêu chí (MỨC 1, 2, 3: 9; MỨC 4: 3)", for documents without coverage (plans). */
export function criteriaSummary(criteria: Readonly<Record<string, readonly string[]>>): string | undefined {
  const sections = Object.entries(criteria).filter(([, codes]) => codes.length);
  const total = sections.reduce((n, [, codes]) => n + codes.length, 0);
  if (!total) return undefined;
  const parts = sections.length > 1 ? ` (${sections.map(([label, codes]) => `${label}: ${codes.length}`).join('; ')})` : '';
  return `Bảng có ${total} tiêu chí${parts}.`;
}

/** The name the checker gives the plan table of the document itself. */
export const DOCUMENT_PLAN = 'kế hoạch trong tài liệu này';

// What the document is ------------------------------------------------------------------------

export function frameworkLabel(f: Framework | undefined): string {
  return f ? FRAMEWORK_LABELS[f] : 'Chưa xác định';
}

export function schoolTypeLabel(t: SchoolType | undefined): string {
  return t ? SCHOOL_TYPE_LABELS[t] : 'Chưa xác định';
}

/** A school year typed by hand: empty means "as found in the document". */
export function parseYearOverride(text: string): { value?: string; error?: string } {
  const t = text.trim();
  if (!t) return {};
  const y = parseSchoolYear(t);
  return y ? { value: formatSchoolYear(y) } : { error: YEAR_FIELD_ERROR };
}

/** Overrides without the values left on "as found". */
export function cleanOverrides(o: MetaOverrides): MetaOverrides {
  const out: { -readonly [K in keyof MetaOverrides]: MetaOverrides[K] } = {};
  if (o.schoolType) out.schoolType = o.schoolType;
  if (o.framework) out.framework = o.framework;
  if (o.schoolYear) out.schoolYear = o.schoolYear;
  return out;
}

/** The evidence line for a value: how it was found, or that the user chose it. */
export function evidenceOf(meta: DocumentMeta, key: 'schoolType' | 'schoolYear' | 'framework' | 'documentKind'): string {
  return meta.evidence[key] ?? 'Không tìm thấy trong tài liệu; hãy chọn.';
}

// Reviewer mode: other files ----------------------------------------------------------------

export type ReviewRow =
  | {
      readonly name: string;
      readonly ok: true;
      readonly school: string;
      readonly schoolType: string;
      readonly year: string;
      readonly kind: string;
      readonly counts: SeverityCounts;
      readonly groups: readonly FindingGroup[];
      readonly ignored: number;
      /** The findings the school chose to «Bỏ qua», shown apart and marked «trường đã bỏ qua». */
      readonly ignoredFindings: readonly Finding[];
    }
  | { readonly name: string; readonly ok: false; readonly reason: string };

/** One file of "Kiểm tra tệp khác", checked. */
export function reviewRow(name: string, r: CheckResult): ReviewRow {
  return {
    name,
    ok: true,
    school: r.meta.schoolName ?? '—',
    schoolType: r.meta.schoolType ? SCHOOL_TYPE_LABELS[r.meta.schoolType] : '—',
    year: r.meta.schoolYear ?? '—',
    kind: DOCUMENT_KIND_SHORT[r.meta.documentKind],
    counts: r.counts,
    groups: groupFindings(r.findings),
    ignored: r.ignored.length,
    ignoredFindings: r.ignored,
  };
}

export function unreadableRow(name: string, reason: string): ReviewRow {
  return { name, ok: false, reason };
}

/** "3 tệp: 2 đã kiểm tra (1 lỗi, 4 cảnh báo, 0 gợi ý), 1 không đọc được." */
export function reviewSummary(rows: readonly ReviewRow[]): string {
  const ok = rows.filter((r): r is Extract<ReviewRow, { ok: true }> => r.ok);
  const bad = rows.length - ok.length;
  const sum = (s: Severity) => ok.reduce((n, r) => n + r.counts[s], 0);
  const counts = `${sum('error')} lỗi, ${sum('warning')} cảnh báo, ${sum('info')} gợi ý`;
  return `${rows.length} tệp: ${ok.length} đã kiểm tra (${counts})${bad ? `, ${bad} không đọc được` : ''}.`;
}
