/** Helpers shared by tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocxDocument } from '../src/docx/document';
import type { FileReport } from '../src/domain/check/report';
import { EMPTY_PROFILE, type SchoolProfile } from '../src/domain/profile';
import { parseXml } from '../src/xml/node';

export const FIXTURES = join(__dirname, 'fixtures');
export const SEEDS = join(FIXTURES, 'seeds');

/** Seed file by its number: seed('003'). */
export function seedPath(n: string): string {
  const f = readdirSync(SEEDS).find((x) => x.startsWith(`${n}_`) && x.endsWith('.docx'));
  if (!f) throw new Error(`no seed ${n}`);
  return join(SEEDS, f);
}

export function openSeed(n: string): DocxDocument {
  return DocxDocument.open(new Uint8Array(readFileSync(seedPath(n))), parseXml, seedPath(n));
}

/** The documents written the way schools write them, through LibreOffice (test/fixtures/school-docs). */
export const SCHOOL_DOCS = join(FIXTURES, 'school-docs');

export function schoolDocPath(name: string): string {
  const f = readdirSync(SCHOOL_DOCS).find((x) => x.startsWith(`${name}-`) && /\.docx?$/.test(x));
  if (!f) throw new Error(`no school document ${name}`);
  return join(SCHOOL_DOCS, f);
}

/** A complete school profile (the NĐ 30 frame can be written from it). */
export const SCHOOL_PROFILE: SchoolProfile = {
  ...EMPTY_PROFILE,
  schoolName: 'Trường Tiểu học Thanh Chấn',
  parentBody: 'UBND xã Thanh Chấn',
  place: 'Thanh Chấn',
  abbreviation: 'THTC',
  principal: 'Nguyễn Văn An',
};

/** A checked file's record (ctcl check's JSON) with no findings: a 2018 primary-school report unless `over` says otherwise. */
export function fileReportOf(over: Partial<FileReport>): FileReport {
  return {
    path: 'a.docx',
    documentKind: 'report',
    form: 'report-2018',
    framework: '2018',
    schoolType: 'tieu-hoc',
    schoolYear: '2025-2026',
    schoolName: 'TRƯỜNG TH NGUYỄN BÁ NGỌC',
    criteria: {},
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    coverage: null,
    plan: null,
    ...over,
  };
}
