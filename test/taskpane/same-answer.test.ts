/**
 * One meaning of "check this document": the same stored document (seed 000 saved from the pane with one
 * «Bỏ qua» and the school type set by hand to mầm non) gives the same kind, school type, year and findings,
 * with the same ignored marks, through the pane's own check, «Kiểm tra tệp khác» and `ctcl check`.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/domain/check';
import type { FileReport } from '../../src/domain/check/report';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { runCheck } from '../../src/taskpane/check/run';
import { checkFile } from '../../src/taskpane/check/files';
import { reviewRow } from '../../src/taskpane/check/view';
import { cliFolder } from '../cli/run';
import { FIXTURES } from '../helpers';

const SAVED = join(FIXTURES, 'store', 'seed-000-saved-v1.docx');
const bytes = () => new Uint8Array(readFileSync(SAVED));
const cli = cliFolder('ctcl-same-');

interface Answer {
  readonly kind: string;
  readonly schoolType: string | null;
  readonly schoolYear: string | null;
  readonly findings: readonly string[];
  readonly ignored: readonly string[];
}

const ofResult = (r: {
  meta: { documentKind: string; schoolType?: string; schoolYear?: string };
  findings: readonly Finding[];
  ignored: readonly Finding[];
}): Answer => ({
  kind: r.meta.documentKind,
  schoolType: r.meta.schoolType ?? null,
  schoolYear: r.meta.schoolYear ?? null,
  findings: r.findings.map((f) => f.id),
  ignored: r.ignored.map((f) => f.id),
});

test('the pane, «Kiểm tra tệp khác» and ctcl check give one answer, the ignored finding marked everywhere', async () => {
  // The pane's own check («Kiểm tra»), on the document open in the pane.
  const pane = ofResult((await runCheck(DocxDocument.open(bytes(), parseXml, 'a.docx'))).result);
  // What the user told the add-in is honoured: mầm non, not the tiểu học the document's name suggests.
  expect(pane.schoolType).toBe('mam-non');
  expect(pane.ignored).toEqual(['standard-title-mismatch|report0|TC5']);
  expect(pane.findings).not.toContain('standard-title-mismatch|report0|TC5');

  // «Kiểm tra tệp khác»: the same file picked from disk.
  const file = { name: 'a.docx', size: bytes().length, arrayBuffer: async () => bytes().slice().buffer };
  const other = await checkFile(file, parseXml);
  if (!other.ok) throw new Error(other.reason);
  expect(ofResult(other.result)).toEqual(pane);
  const row = reviewRow(other.name, other.result);
  expect(row.ok && row.ignoredFindings.map((f) => f.id)).toEqual(pane.ignored);

  // ctcl check --format json: the ignored finding is in the JSON, marked, and not counted.
  copyFileSync(SAVED, join(cli.dir(), 'a.docx'));
  const r = await cli.ctcl('check', 'a.docx', '--format', 'json');
  const report = (JSON.parse(r.out) as { files: FileReport[] }).files[0];
  expect({
    kind: report.documentKind,
    schoolType: report.schoolType,
    schoolYear: report.schoolYear,
    findings: report.findings.filter((f) => !f.ignored).map((f) => f.id),
    ignored: report.findings.filter((f) => f.ignored === true).map((f) => f.id),
  }).toEqual(pane);
  const counted = report.counts.error + report.counts.warning + report.counts.info;
  expect(counted).toBe(pane.findings.length);

  // ctcl check as text: listed apart under «Trường đã bỏ qua».
  const text = await cli.ctcl('check', 'a.docx');
  expect(text.out).toMatch(/Trường đã bỏ qua \(1, không tính vào số lỗi\):/);

  // An option given on the command line still wins over the stored choice.
  const typed = JSON.parse((await cli.ctcl('check', 'a.docx', '--format', 'json', '--school-type', 'tieu-hoc')).out) as {
    files: FileReport[];
  };
  expect(typed.files[0].schoolType).toBe('tieu-hoc');
});
