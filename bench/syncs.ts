/**
 * Bench section "syncs": context.sync calls per user action, counted by the fake Word of the gateway
 * tests (test/word/fake-word.ts). The physical limit is 1; budgets: insert 1, add/update ≤ 2,
 * check ≤ 2 whatever the number of tables. The same budgets are enforced by test/word/gateway.test.ts;
 * here they are measured and reported.
 */
import { getCatalog } from '../src/domain/catalog';
import { checkDocument } from '../src/domain/check';
import { documentElement, paragraph } from '../src/domain/ooxml/writer';
import { buildTableBlock } from '../src/domain/table/render';
import { serializeDocument } from '../src/domain/ooxml/xml';
import { planAddRow, planUpdateRow } from '../src/domain/table/edit';
import { createWordBackend, type OfficeContextLike } from '../src/word/gateway';
import { parseXml } from '../src/xml/node';
import { spec } from '../test/word/documents';
import { FakeCustomXmlParts, FakeWord } from '../test/word/fake-word';

function office(): OfficeContextLike {
  return {
    document: { url: 'bench.docx', mode: 'readWrite', customXmlParts: new FakeCustomXmlParts() },
    requirements: { isSetSupported: (name, v) => name === 'WordApi' && ['1.1', '1.2', '1.3'].includes(v ?? '1.1') },
  };
}

/** A document with n of our report tables, each with a few criterion rows. */
function documentWith(tables: number): { xml: string; tag: string } {
  const blocks = [];
  let tag = '';
  for (let i = 0; i < tables; i++) {
    const block = buildTableBlock(spec('report-2018', [{ code: '1.1' }, { code: '1.3' }, { code: '3.2' }]));
    tag ||= block.tag;
    blocks.push(paragraph(`Bảng ${i + 1}`), block.sdt);
  }
  blocks.push(paragraph(''));
  return { xml: serializeDocument(documentElement(blocks)), tag };
}

async function count(
  tables: number,
  action: (b: ReturnType<typeof createWordBackend>, tag: string, word: FakeWord) => Promise<unknown>,
): Promise<number> {
  const { xml, tag } = documentWith(tables);
  const word = new FakeWord({ documentXml: xml });
  const backend = createWordBackend({ run: word.run, parse: parseXml, office: office() });
  await action(backend, tag, word);
  return word.syncs;
}

export async function run(): Promise<Record<string, number | object>> {
  const catalog = getCatalog('2018', 'tieu-hoc');
  const insert = await count(1, (b) => b.insertTable(spec('plan-2018')));
  const addRow = await count(1, (b, tag) =>
    b.editTable({ tag }, (rec) => planAddRow(rec, catalog, { ref: { code: '1.2' }, cells: { planned: 'Dòng mới' } })),
  );
  const addRowNewStandard = await count(1, (b, tag) =>
    b.editTable({ tag }, (rec) => planAddRow(rec, catalog, { ref: { code: '4.1' }, cells: { planned: 'x' } })),
  );
  const updateRow = await count(1, (b, tag) =>
    b.editTable({ tag }, (rec) =>
      planUpdateRow(rec, catalog, { ref: { code: '1.3' }, cells: { planned: 'Sửa', done: 'Đã xong' } }),
    ),
  );
  const check: Record<string, number> = {};
  for (const n of [1, 10, 50]) {
    // A full check: read the document (one sync), the ignored findings from the store (no sync), check.
    check[String(n)] = await count(n, async (b) => {
      const [model, store] = await Promise.all([b.read(), b.loadStore()]);
      checkDocument(model, { ignored: Array.isArray(store.ignoredFindings) ? (store.ignoredFindings as string[]) : [] });
    });
  }
  // Clicking a finding: the check has already read the document; selecting is counted on its own.
  let select = 0;
  await count(10, async (b, _tag, word) => {
    const model = await b.read();
    const before = word.syncs;
    await b.select({ table: model.tables[5].index, row: 3, cell: 1 }, model);
    select = word.syncs - before;
  });
  return { insert, addRow, addRowNewStandard, updateRow, check, select };
}

export function format(r: Record<string, number | object>): string[] {
  const c = r.check as Record<string, number>;
  return [
    `  chèn bảng: ${r.insert} sync (ngân sách 2: vị trí con trỏ, rồi chèn)`,
    `  thêm dòng: ${r.addRow} sync; thêm dòng kèm dòng tiêu chuẩn mới: ${r.addRowNewStandard} (ngân sách ≤ 2)`,
    `  cập nhật dòng: ${r.updateRow} sync (ngân sách ≤ 2)`,
    `  kiểm tra toàn bộ: 1 bảng ${c['1']}, 10 bảng ${c['10']}, 50 bảng ${c['50']} sync (ngân sách ≤ 2, không phụ thuộc số bảng)`,
    `  chọn ô của một phát hiện (sau khi kiểm tra đã đọc tài liệu): ${r.select} sync (ngân sách ≤ 2)`,
  ];
}
