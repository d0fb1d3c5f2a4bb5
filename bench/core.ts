/**
 * Bench section "core": the domain on big documents. check300Ms: read + recognise + check of a report
 * with 300 criterion rows (from the .docx bytes, median of several rounds). rows2000HeapBytes: the heap a
 * parsed, recognised 2 000-row table holds on to (tree + model), measured after forced garbage collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { allCriteria, getCatalog } from '../src/domain/catalog';
import { checkDocument } from '../src/domain/check';
import type { BodyRow, TableSpec } from '../src/domain/table/model';
import { recogniseTables } from '../src/domain/table/recognise';
import { DocxDocument } from '../src/docx/document';
import { readDocxModel } from '../src/app/open';
import { parseXml } from '../src/xml/node';
import { median } from './shared';

/** A report (2018, tiểu học) with `rows` criterion rows: the 27 criteria over and over, texts of realistic length. */
async function reportDocx(rows: number): Promise<Uint8Array> {
  const catalog = getCatalog('2018', 'tieu-hoc');
  const criteria = allCriteria(catalog);
  const body: BodyRow[] = [{ kind: 'section', section: 'm123' }];
  for (let i = 0; i < rows; i++) {
    const c = criteria[i % criteria.length];
    if (i % criteria.length === 0 || criteria[(i - 1) % criteria.length].standard !== c.standard) {
      body.push({ kind: 'standard', standard: c.standard, title: catalog.standards[c.standard - 1].title });
    }
    const text = `Nội dung số ${i + 1}: tổ chức rà soát, bổ sung kế hoạch, phân công cán bộ, giáo viên thực hiện và báo cáo kết quả định kỳ.`;
    body.push({
      kind: 'criterion',
      ref: { code: c.code },
      cells: { planned: text, adjusted: 'Không', done: text, inProgress: i % 3 ? 'Không' : text, notStarted: 'Không' },
    });
  }
  const spec: TableSpec = {
    form: 'report-2018',
    framework: '2018',
    schoolType: 'tieu-hoc',
    schoolYear: '2025-2026',
    groupByLevel: false,
    rows: body,
  };
  const doc = DocxDocument.blank(parseXml, 'bench.docx');
  await doc.insertTable(spec);
  return doc.toBytes();
}

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function run(opts: { quick?: boolean; log?: (l: string) => void }): Promise<Record<string, number | object>> {
  const rounds = opts.quick ? 3 : 9;
  const bytes300 = await reportDocx(300);
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < rounds + 1; i++) {
    const t = performance.now();
    const model = readDocxModel(bytes300, parseXml);
    const r = checkDocument(model, { overrides: { schoolType: 'tieu-hoc' } });
    const ms = performance.now() - t;
    findings = r.findings.length;
    if (i) times.push(ms); // the first round warms the JIT
  }
  const check300Ms = Math.round(median(times) * 10) / 10;
  opts.log?.(`300 tiêu chí: ${check300Ms} ms (trung vị ${rounds} lần), ${findings} phát hiện`);

  const bytes2000 = await reportDocx(2000);
  const gc = gcFunction();
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const model = readDocxModel(bytes2000, parseXml);
  const tables = recogniseTables(model);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  const rows2000HeapBytes = Math.max(0, after - before);
  // Keep both alive until the measurement is taken.
  const kept = tables[0].entries.length + model.tables[0].rows.length;
  opts.log?.(
    `2000 dòng: ${(rows2000HeapBytes / 1024 / 1024).toFixed(1)} MB heap (${kept} mục), tệp ${(bytes2000.length / 1024).toFixed(0)} KB`,
  );
  return { check300Ms, check300Findings: findings, rows2000HeapBytes, rows2000DocxBytes: bytes2000.length };
}

export function format(r: Record<string, number | object>): string[] {
  return [
    `  đọc + kiểm tra báo cáo 300 tiêu chí: ${r.check300Ms} ms`,
    `  bộ nhớ cho bảng 2 000 dòng (cây XML + mô hình): ${((r.rows2000HeapBytes as number) / 1024 / 1024).toFixed(1)} MB (tệp .docx ${((r.rows2000DocxBytes as number) / 1024).toFixed(0)} KB)`,
  ];
}
