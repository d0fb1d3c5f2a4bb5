/**
 * Report shaping (src/domain/check/report.ts) and report ↔ plan pairing (pairing.ts): the JSON record
 * of a file, human locations, criterion statuses for the reviewer matrix, text blocks and summaries.
 */
import { getCatalog } from '../../src/domain/catalog';
import { checkDocument, planFromDocument, SEVERITY_LABELS } from '../../src/domain/check';
import { pairReportsWithPlans, schoolKey } from '../../src/domain/check/pairing';
import {
  criterionStatuses,
  describeDocument,
  fileReport,
  formatFileText,
  formatLocation,
  formatSummary,
  summarise,
  unreadableReport,
} from '../../src/domain/check/report';
import { readDocument } from '../../src/domain/ooxml/reader';
import { documentElement, paragraph } from '../../src/domain/ooxml/writer';
import { buildTable } from '../../src/domain/table/render';
import { serialize } from '../../src/domain/ooxml/xml';
import type { BodyRow } from '../../src/domain/table/model';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

const cat = getCatalog('2018', 'tieu-hoc');
const std = (n: number): BodyRow => ({ kind: 'standard', standard: n, title: cat.standards[n - 1].title });
const crit = (code: string, cells: Record<string, string>): BodyRow => ({
  kind: 'criterion',
  ref: code.startsWith('M4.') ? { code: code.slice(3), level4: true } : { code },
  cells,
});

function reportModel(rows: BodyRow[]) {
  const tbl = buildTable({
    form: 'report-2018',
    framework: '2018',
    schoolType: 'tieu-hoc',
    schoolYear: '2025-2026',
    groupByLevel: false,
    rows: [{ kind: 'section', section: 'm123' }, ...rows],
  });
  const body = [
    paragraph('TRƯỜNG TIỂU HỌC KIM ĐỒNG'),
    paragraph('BÁO CÁO'),
    paragraph('Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026'),
    tbl,
  ];
  return readDocument(parseXml(serialize(documentElement(body))));
}

describe('fileReport: the JSON record', () => {
  test('every contract key, null for what is unknown, no error key, 0-based locations', async () => {
    const result = checkDocument(await openSeed('002').read());
    const r = fileReport('a/002.docx', result);
    expect(Object.keys(r).sort()).toEqual(
      [
        'path',
        'documentKind',
        'form',
        'framework',
        'schoolType',
        'schoolYear',
        'schoolName',
        'criteria',
        'findings',
        'counts',
        'coverage',
        'plan',
      ].sort(),
    );
    expect(r).toMatchObject({
      path: 'a/002.docx',
      documentKind: result.meta.documentKind,
      form: result.primary!.form.id,
      schoolName: null,
      plan: null,
      criteria: result.criteria,
    });
    expect('error' in r).toBe(false);
  });

  test('findings: criterion and location values are null when absent, never missing', async () => {
    const result = checkDocument(await openSeed('001').read());
    const r = fileReport('001.docx', result);
    expect(r.findings).toHaveLength(result.findings.length);
    r.findings.forEach((f, i) => {
      const src = result.findings[i];
      expect(Object.keys(f).sort()).toEqual(['criterion', 'id', 'location', 'message', 'rule', 'severity']);
      expect(Object.keys(f.location).sort()).toEqual(['column', 'row', 'table']);
      expect(f.criterion).toBe(src.criterion ?? null);
      expect(f.location).toEqual({
        table: src.location.table ?? null,
        row: src.location.row ?? null,
        column: src.location.column ?? null,
      });
    });
    // Seed 001 has a finding about the whole document (its date): all-null location.
    expect(r.findings.some((f) => f.location.table === null && f.location.row === null)).toBe(true);
  });

  test('an unreadable file: the same keys, error set, no findings', () => {
    const r = unreadableReport('x.docx', { code: 'empty', message: 'Tệp rỗng.' });
    expect(r).toMatchObject({ documentKind: 'unknown', form: null, findings: [], criteria: {}, error: { code: 'empty' } });
  });
});

describe('criterionStatuses', () => {
  test('a report against a plan: reported, no result, missing', () => {
    const model = reportModel([std(1), crit('1.1', { planned: 'x', done: 'Đã xong' }), crit('1.3', { planned: 'x' })]);
    const plan = {
      origin: 'file' as const,
      name: 'kh.docx',
      items: ['1.1', '1.3', '2.2', 'M4.1'].map((k) => ({
        ref: k.startsWith('M4.') ? { code: k.slice(3), level4: true } : { code: k },
        content: '',
      })),
    };
    const result = checkDocument(model, { plan });
    expect(criterionStatuses(result, plan)).toEqual({
      '1.1': 'reported',
      '1.3': 'no-result',
      '2.2': 'missing',
      'M4.1': 'missing',
    });
    // The "thiếu" cells are exactly the unreported-criterion findings.
    expect(result.findings.filter((f) => f.rule === 'unreported-criterion').map((f) => f.criterion)).toEqual(['2.2', 'M4.1']);
  });

  test('a report without a plan knows no "missing"; a plan lists its criteria as planned', async () => {
    const model = reportModel([std(1), crit('1.1', { planned: 'x', inProgress: 'Đang làm' })]);
    expect(criterionStatuses(checkDocument(model))).toEqual({ '1.1': 'reported' });
    const plan = checkDocument(await openSeed('003').read());
    const statuses = criterionStatuses(plan);
    const listed = Object.values(plan.criteria).flat().length;
    expect(Object.keys(statuses)).toHaveLength(listed);
    expect(new Set(Object.values(statuses))).toEqual(new Set(['planned']));
    expect(statuses['M4.2']).toBe('planned');
  });

  test('seed 000 against seed 003 as its plan: every planned criterion the report lacks is missing', async () => {
    const plan = planFromDocument(await openSeed('003').read(), '003.docx')!;
    const result = checkDocument(await openSeed('000').read(), { plan });
    const statuses = criterionStatuses(result, plan);
    const reported = new Set(Object.values(result.criteria).flat());
    for (const item of plan.items) {
      const key = item.ref.level4 ? `M4.${item.ref.code}` : item.ref.code;
      if (!item.ref.level4 && reported.has(key)) expect(statuses[key]).not.toBe('missing');
      else expect(statuses[key]).toBe('missing');
    }
  });
});

describe('text', () => {
  test('locations are 1-based; a document-level finding has none', () => {
    expect(formatLocation({ table: 0, row: 4, column: 2 })).toBe('bảng 1, dòng 5, cột 3');
    expect(formatLocation({ table: 1 })).toBe('bảng 2');
    expect(formatLocation({ table: null, row: null, column: null })).toBe('');
  });

  test('a file block: what it is, then findings grouped Lỗi / Cảnh báo / Gợi ý', async () => {
    const r = fileReport('000.docx', checkDocument(await openSeed('000').read()));
    const text = formatFileText(r);
    expect(text.split('\n')[0]).toBe('▸ 000.docx');
    expect(text).toContain(describeDocument(r));
    const order = ['error', 'warning', 'info'] as const;
    const shown = order.filter((s) => r.counts[s]).map((s) => text.indexOf(`${SEVERITY_LABELS[s]} (${r.counts[s]}):`));
    expect(shown.every((i) => i > 0)).toBe(true);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    for (const f of r.findings) expect(text).toContain(`${formatLocation(f.location)}: ${f.message}`);
  });

  test('an unreadable file is one line after its name; the summary counts files, findings and kinds', async () => {
    const bad = unreadableReport('hong.docx', { code: 'not-zip', message: 'Tệp không phải .docx.' });
    expect(formatFileText(bad)).toBe('▸ hong.docx\n  Không đọc được: Tệp không phải .docx.\n');
    const good = fileReport('000.docx', checkDocument(await openSeed('000').read()));
    const s = summarise([good, bad]);
    expect(s).toMatchObject({ files: 2, readable: 1, unreadable: 1, filesWithErrors: good.counts.error ? 1 : 0 });
    expect(s.findings).toEqual(good.counts);
    expect(formatSummary(s)).toBe(
      `Tổng cộng: 2 tệp (1 đọc được, 1 không đọc được); ${good.counts.error} lỗi, ${good.counts.warning} cảnh báo, ` +
        `${good.counts.info} gợi ý. Theo loại: 1 báo cáo.\n`,
    );
  });
});

describe('pairing reports with plans', () => {
  test('school names written differently reduce to one key', () => {
    expect(schoolKey('TRƯỜNG TH YÊN THẾ')).toBe(schoolKey('trường Tiểu học Yên Thế'));
    expect(schoolKey('Trường MN Họa Mi')).toBe(schoolKey('TRƯỜNG MẦM NON HỌA MI'));
    expect(schoolKey('Trường THCS Lê Lợi')).not.toBe(schoolKey('Trường TH Lê Lợi'));
  });

  test('same school and year first; then similar folder names; years never contradict', () => {
    const reports = [
      { id: 0, path: 'bc/a.docx', schoolName: 'Trường TH Hoa Sen', schoolYear: '2024-2025' },
      { id: 1, path: 'bc/truong-sao-bien/bao-cao.docx', schoolYear: '2024-2025' },
      { id: 2, path: 'bc/hai-au/bao-cao.docx', schoolYear: '2023-2024' },
      { id: 3, path: 'bc/khong-co/bao-cao.docx', schoolName: 'Trường TH Kim Đồng', schoolYear: '2024-2025' },
    ];
    const plans = [
      { id: 10, path: 'kh/x.docx', schoolName: 'Trường Tiểu học Hoa Sen', schoolYear: '2024-2025' },
      { id: 11, path: 'kh/y.docx', schoolName: 'Trường Tiểu học Hoa Sen', schoolYear: '2023-2024' },
      { id: 12, path: 'kh/truong-sao-bien/ke-hoach.docx' },
      { id: 13, path: 'kh/hai-au/ke-hoach.docx', schoolYear: '2024-2025' },
    ];
    const p = pairReportsWithPlans(reports, plans);
    expect(p.pairs.map((x) => [x.report, x.plan, x.method])).toEqual([
      [0, 10, 'school-year'],
      [1, 12, 'similar-name'],
    ]);
    expect(p.unpairedReports).toEqual([2, 3]);
    expect(p.unpairedPlans).toEqual([11, 13]);
  });
});

describe('pairing other schools', () => {
  test('a primary and a lower-secondary school of the same name are never paired by their names', () => {
    const p = pairReportsWithPlans(
      [{ id: 0, path: 'bao-cao/kim-dong.docx', schoolName: 'TRƯỜNG TH KIM ĐỒNG', schoolYear: '2024-2025' }],
      [
        { id: 1, path: 'ke-hoach/kim-dong.docx', schoolName: 'Trường THCS Kim Đồng', schoolYear: '2024-2025' },
        { id: 2, path: 'ke-hoach/tieu-hoc-kim-dong.docx', schoolName: 'Trường Tiểu học Kim Đồng Mới' },
      ],
    );
    expect(p.pairs.map((x) => [x.report, x.plan])).toEqual([[0, 2]]);
    expect(p.unpairedPlans).toEqual([1]);
  });
});
