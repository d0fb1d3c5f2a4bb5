/**
 * `ctcl new plan-2026` (and the pane's «Biểu 2» insertion): a new TT57 plan from a request, written as the
 * whole Biểu 2 by default, or only the mục V table (title block + table) with `tableOnly`.
 */
import { allCriteria } from '../catalog';
import { newDocumentBody, NewDocumentError, resolveNewDocument, type NewDocumentRequest } from '../documents/new-document';
import { paragraph } from '../ooxml/writer';
import type { XElement } from '../ooxml/xml';
import { EMPTY_PROFILE, type SchoolProfile } from '../profile';
import { buildTableBlock } from '../table/render';
import { validateRef } from '../table/model';
import { itemTableSpec, plan2026Blocks } from './document';
import { seedPlan, type Tt57Plan } from './plan';

interface NewPlan2026Request extends Omit<NewDocumentRequest, 'form'> {
  readonly profile?: SchoolProfile;
  readonly date: { readonly day: number; readonly month: number; readonly year: number };
  /** Only the mục V table under the short title block (the product's former output). */
  readonly tableOnly?: boolean;
}

interface NewPlan2026 {
  readonly plan: Tt57Plan;
  readonly blocks: XElement[];
  readonly notes: readonly string[];
}

export function newPlan2026(req: NewPlan2026Request): NewPlan2026 {
  // The checks of every new document (year, framework, school type), on a request without criteria.
  const base = resolveNewDocument({ ...req, form: 'plan-2026', criteria: 'none', groupByLevel: false });
  const notes: string[] = [];
  if (req.groupByLevel) notes.push('Biểu 2 mục V không có dòng mức; tùy chọn nhóm theo mức được bỏ qua.');
  const criteria = req.criteria ?? 'none';
  let codes: string[] = [];
  if (criteria === 'all') {
    codes = allCriteria(base.catalog).map((c) => c.code);
    notes.push(
      'Thông tư 57 (Biểu 2, mục III.2.b): không xây dựng kế hoạch cải tiến cho toàn bộ tiêu chí mà tập trung vào các vấn đề ưu tiên.',
    );
  } else if (criteria !== 'none') {
    for (const ref of criteria) {
      const why = validateRef(base.catalog, ref);
      if (why) throw new NewDocumentError(why);
    }
    codes = criteria.map((r) => r.code);
  }
  const school = req.school?.replace(/\s+/g, ' ').trim();
  const plan = seedPlan(req.schoolType, base.spec.schoolYear, codes);
  if (req.tableOnly) {
    const { sdt } = buildTableBlock(itemTableSpec(plan));
    return { plan, blocks: [...newDocumentBody(base), sdt, paragraph('')], notes };
  }
  const profile = req.profile ?? (school ? { ...EMPTY_PROFILE, schoolName: school } : undefined);
  return { plan, blocks: plan2026Blocks(plan, { profile, date: req.date }), notes };
}
