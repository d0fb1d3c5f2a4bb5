/**
 * A new document is one thing whichever front end makes it (src/app/new-document, src/app/new-file):
 * `ctcl new` writes a .docx; the pane's «Chèn bảng» into an empty document («Tài liệu mới», a new Word
 * document) inserts the same title block, table or Biểu 2, and stores the same facts about it.
 */
import { DocxDocument } from '../../src/app/docx-backend';
import { insertTableFramed, insertTableTitled, insertWholePlan } from '../../src/app/new-document';
import { newDocumentFile, type NewFileRequest } from '../../src/app/new-file';
import { openForReading } from '../../src/app/open';
import { checkOpened } from '../../src/app/check';
import { resolveNewDocument } from '../../src/domain/documents/new-document';
import type { DocModel } from '../../src/domain/ooxml/reader';
import { EMPTY_PROFILE } from '../../src/domain/profile';
import { storedOverrides, type DocumentStore } from '../../src/domain/store';
import { parseXml } from '../../src/xml/node';
import { SCHOOL_PROFILE } from '../helpers';

const DATE = { day: 5, month: 9, year: 2026 };

/** What a reader sees: the body's non-empty paragraphs and every table's cell texts. */
function seen(model: DocModel) {
  return {
    paragraphs: model.paragraphs.map((p) => p.text).filter((t) => t.trim()),
    tables: model.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text))),
  };
}

/** Every text of the document, tables' cells included (the NĐ 30 header and signature are tables). */
function allText(model: DocModel): string {
  return [
    ...model.paragraphs.map((p) => p.text),
    ...model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))),
  ].join('\n');
}

async function paneMade(insert: (doc: DocxDocument) => Promise<unknown>): Promise<{ model: DocModel; store: DocumentStore }> {
  const doc = DocxDocument.blank(parseXml, 'Tài liệu mới.docx');
  await insert(doc);
  return openForReading(doc.toBytes(), parseXml);
}

describe('a new document, the same from ctcl new and from the pane', () => {
  it('a 2018 report: title block, table and stored facts alike; the check reads both alike', async () => {
    const req: NewFileRequest = {
      form: 'report-2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2025 – 2026',
      criteria: 'all',
      school: 'Trường Tiểu học Yên Thế',
      date: DATE,
    };
    const file = await newDocumentFile(req, 'bao-cao.docx');
    expect(file.summary).toMatch(
      /^Báo cáo kết quả thực hiện kế hoạch cải tiến.*, tiểu học, năm học 2025-2026, theo .*; \d+ dòng tiêu chí$/,
    );
    const cli = openForReading(file.bytes, parseXml);

    const { spec } = resolveNewDocument(req);
    const pane = await paneMade((doc) => insertTableTitled(doc, spec, { school: req.school }));

    expect(seen(pane.model)).toEqual(seen(cli.model));
    expect(seen(cli.model).paragraphs[0]).toBe('TRƯỜNG TIỂU HỌC YÊN THẾ');
    expect(cli.model.tables[0].rows.length).toBeGreaterThan(30);
    expect(storedOverrides(pane.store)).toEqual(storedOverrides(cli.store));
    expect(storedOverrides(cli.store)).toMatchObject({ schoolType: 'tieu-hoc', schoolYear: '2025-2026', framework: '2018' });
    const findings = (doc: { model: DocModel; store: DocumentStore }) =>
      checkOpened(doc).findings.map((f) => `${f.severity} ${f.rule} ${f.message}`);
    expect(findings(pane)).toEqual(findings(cli));
    expect(checkOpened(cli).meta).toMatchObject({ schoolType: 'tieu-hoc', schoolYear: '2025-2026', documentKind: 'report' });
  });

  it('a Biểu 2 (TT57): the whole plan alike, made for the school type and year', async () => {
    const profile = { ...EMPTY_PROFILE, schoolName: 'Trường Mầm non Hoa Sen', place: 'Hà Nội' };
    const req: NewFileRequest = {
      form: 'plan-2026',
      schoolType: 'mam-non',
      schoolYear: '2026-2027',
      criteria: [{ code: '1.3' }, { code: '2.1' }],
      profile,
      date: DATE,
    };
    const file = await newDocumentFile(req, 'ke-hoach.docx');
    expect(file.summary).toContain('mục IV: 2 vấn đề, mục V: 2 nội dung cải tiến');
    const cli = openForReading(file.bytes, parseXml);
    const pane = await paneMade((doc) =>
      insertWholePlan(doc, {
        schoolType: 'mam-non',
        schoolYear: '2026-2027',
        criteria: req.criteria ?? 'none',
        profile,
        date: DATE,
      }),
    );
    expect(seen(pane.model)).toEqual(seen(cli.model));
    expect(allText(cli.model)).toContain('TRƯỜNG MẦM NON HOA SEN');
    expect(storedOverrides(pane.store)).toEqual(storedOverrides(cli.store));
    expect(storedOverrides(cli.store)).toMatchObject({ schoolType: 'mam-non', schoolYear: '2026-2027', framework: '2026' });
  });

  it('a table into a document that has text is inserted at the cursor, untitled, and stores nothing', async () => {
    const { spec } = resolveNewDocument({ form: 'plan-2018', schoolType: 'thcs-thpt', schoolYear: '2025-2026' });
    const doc = DocxDocument.blank(parseXml, 'x.docx');
    await doc.insertAt('start', [(await import('../../src/domain/ooxml/writer')).paragraph('Văn bản của trường')]);
    const r = await insertTableTitled(doc, spec, { school: 'Trường THCS Lê Lợi' });
    expect(r.titled).toBe(false);
    const { model, store } = openForReading(doc.toBytes(), parseXml);
    expect(seen(model).paragraphs).toEqual(['Văn bản của trường']);
    expect(model.tables).toHaveLength(1);
    expect(storedOverrides(store)).toEqual({});
  });

  it('with the profile, «Năm học mới» puts the official frame around the table', async () => {
    const { spec } = resolveNewDocument({ form: 'report-2018', schoolType: 'tieu-hoc', schoolYear: '2025-2026' });
    const profile = SCHOOL_PROFILE;
    const framed = await paneMade((doc) => insertTableFramed(doc, spec, { profile, date: DATE }));
    const text = allText(framed.model);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Thanh Chấn, ngày 05 tháng 9 năm 2026');
    expect(text).toContain('Nguyễn Văn An');
    const plain = await paneMade((doc) => insertTableFramed(doc, spec, { school: 'Trường Tiểu học Thanh Chấn', date: DATE }));
    expect(seen(plain.model).paragraphs[0]).toBe('TRƯỜNG TIỂU HỌC THANH CHẤN');
    expect(allText(plain.model)).not.toContain('CỘNG HÒA');
  });

  it('a bad request is refused in Vietnamese before anything is written', async () => {
    await expect(
      newDocumentFile({ form: 'report-2018', schoolType: 'tieu-hoc', schoolYear: '2025', date: DATE }, 'x.docx'),
    ).rejects.toThrow(/Năm học/);
    await expect(
      newDocumentFile(
        { form: 'plan-2018', schoolType: 'tieu-hoc', schoolYear: '2025-2026', tableOnly: true, date: DATE },
        'x.docx',
      ),
    ).rejects.toThrow('--table-only chỉ dùng với mẫu plan-2026 (Biểu 2).');
  });
});
