/**
 * The year panel's logic without React: the school profile (kept for the user and in the document),
 * templates in the document store, what to insert (with or without the official frame), and the
 * words the panel uses for tables and files.
 */
import { storedProfile, withProfile } from '../../domain/store';
import { errorText } from '../error-text';
import type { DocumentBackend } from '../../domain/backend';
import { FRAMEWORK_LABELS, SCHOOL_TYPES, type Framework, type SchoolType } from '../../domain/catalog';
import type { CheckResult } from '../../domain/check';
import type { DocumentKind } from '../../domain/forms';
import { readDocument } from '../../domain/ooxml/reader';
import { documentElement } from '../../domain/ooxml/writer';
import { buildTable } from '../../domain/table/render';
import { EMPTY_PROFILE, missingProfileFields, parseProfile, type SchoolProfile } from '../../domain/profile';
import type { TableSpec } from '../../domain/table/model';
import { criterionEntries, recogniseTables, type RecognisedTable } from '../../domain/table/recognise';
import { formatSchoolYear, parseSchoolYear } from '../../domain/text';
import { specFromTemplate, type PlanTemplate } from '../../domain/year/templates';
import type { Day } from '../../app/year';
import { insertTableTitled as insertTitled } from '../../app/new-document';

// ---------------------------------------------------------------------------------------------
// School profile
// ---------------------------------------------------------------------------------------------

/** localStorage key of the user's copy of the profile. */
const PROFILE_KEY = 'ctcl.profile';

export type ProfileSource = 'document' | 'user' | 'none';

interface LoadedProfile {
  readonly profile: SchoolProfile;
  readonly source: ProfileSource;
  /** Why the document's store could not be read (the user's copy is used then). */
  readonly problem?: string;
}

function userProfile(): SchoolProfile | undefined {
  try {
    const text = globalThis.localStorage?.getItem(PROFILE_KEY);
    return text ? parseProfile(JSON.parse(text)) : undefined;
  } catch {
    return undefined;
  }
}

/** The document's copy when it has one, else the user's, else an empty profile. */
export async function loadProfile(backend: DocumentBackend): Promise<LoadedProfile> {
  let problem: string | undefined;
  try {
    const stored = storedProfile(await backend.loadStore());
    if (stored) return { profile: stored, source: 'document' };
  } catch (e) {
    problem = errorText(e);
  }
  const mine = userProfile();
  return mine ? { profile: mine, source: 'user', problem } : { profile: EMPTY_PROFILE, source: 'none', problem };
}

/** Keep the profile for the user (this browser) and in the document. */
export async function saveProfile(backend: DocumentBackend, profile: SchoolProfile): Promise<void> {
  try {
    globalThis.localStorage?.setItem(PROFILE_KEY, JSON.stringify(profile));
  } catch {
    // Private windows may refuse; the document still keeps it.
  }
  await backend.updateStore((store) => withProfile(store, profile));
}

/** A profile the official frame can be written from. */
export function profileReady(p: SchoolProfile | undefined): p is SchoolProfile {
  return !!p && missingProfileFields(p).length === 0;
}

/** Recipients typed one per line (a leading dash is dropped). */
export function parseRecipients(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*[-–•]\s*/, '').trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Templates in the document store
// ---------------------------------------------------------------------------------------------

/** A file name for a template: its name without characters file systems refuse. */
export function templateFileName(name: string): string {
  const base = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${base || 'mẫu kế hoạch'}.json`;
}

/** A template's plan as a recognised table (so a report can be made from it exactly as from a plan). */
export function planTableFromTemplate(t: PlanTemplate, schoolType: SchoolType, schoolYear: string): RecognisedTable {
  const spec = specFromTemplate(t, { schoolType, schoolYear });
  const [rec] = recogniseTables(readDocument(documentElement([buildTable(spec)])), { framework: spec.framework });
  return rec;
}

// ---------------------------------------------------------------------------------------------
// What gets inserted
// ---------------------------------------------------------------------------------------------

/** "2025-09-05" (input type=date) ⇄ Day. */
export function dayFromInput(value: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

export function dayToInput(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The school's name a title block takes from a loaded profile (none from an empty one). */
export function schoolNameOf(loaded: Pick<LoadedProfile, 'profile'> & { readonly source: string }): string | undefined {
  return loaded.source === 'none' || loaded.source === 'loading' ? undefined : loaded.profile.schoolName || undefined;
}

/**
 * «Chèn bảng»: the table at the cursor, titled when the document has no text yet (src/app/new-document),
 * with the school's name of the profile (the document's, else this user's).
 */
export async function insertTableTitled(
  backend: DocumentBackend,
  spec: TableSpec,
): Promise<{ readonly tag: string; readonly titled: boolean }> {
  return insertTitled(backend, spec, { school: schoolNameOf(await loadProfile(backend)) });
}

/** "Kế hoạch CTCL 2025-2026.docx" */
export function newDocumentName(kind: DocumentKind, schoolYear: string): string {
  return `${kind === 'plan' ? 'Kế hoạch' : 'Báo cáo'} cải tiến chất lượng ${schoolYear}.docx`;
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  plan: 'Bảng kế hoạch',
  report: 'Bảng báo cáo',
  monitoring: 'Bảng theo dõi',
  problems: 'Bảng vấn đề trọng tâm (mục IV)',
};

/** "Bảng kế hoạch (Thông tư 17, 18, 19/2018), 11 tiêu chí". */
export function describeTable(rec: RecognisedTable): string {
  const n = criterionEntries(rec).length;
  return `${KIND_NAMES[rec.form.kind]} (${FRAMEWORK_LABELS[rec.form.framework]}), ${n} tiêu chí`;
}

/** "1.1, 1.3, M4.2" for the criteria of a table, in table order. */
export function criteriaText(rec: RecognisedTable, max = 12): string {
  const codes = [...new Set(criterionEntries(rec).map((e) => (e.ref.level4 ? `M4.${e.ref.code}` : e.ref.code)))];
  return codes.length > max ? `${codes.slice(0, max).join(', ')}, …` : codes.join(', ');
}

/** The tables of a document that can serve as a plan (or a plan/report for rolling forward). */
export function tablesOfKind(result: CheckResult | undefined, kinds: readonly DocumentKind[]): RecognisedTable[] {
  return (result?.tables ?? []).filter((t) => kinds.includes(t.form.kind));
}

/** Valid school year typed by the user, written the usual way. */
export function schoolYearOf(text: string): string | undefined {
  const y = parseSchoolYear(text);
  return y ? formatSchoolYear(y) : undefined;
}

export function isSchoolTypeValue(v: string): v is SchoolType {
  return (SCHOOL_TYPES as readonly string[]).includes(v);
}

export function frameworkName(f: Framework): string {
  return FRAMEWORK_LABELS[f];
}

export { errorText };
