/**
 * Word for Mac and iPad: a download link does nothing in their WKWebView (office-js#2700, #3385). The
 * gateway says so ("no-downloads") and opens files as new Word documents through
 * Application.createDocument (WordApi 1.3); «Lưu làm mẫu» then hands the template over that way.
 */
import { recogniseTables } from '../../src/domain/table/recognise';
import { templateFromTable } from '../../src/domain/year/templates';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { documentOpener } from '../../src/taskpane/open-document';
import { handOverTemplate, templateDocument } from '../../src/taskpane/year/template-file';
import { createWordBackend, NO_DOWNLOADS, toBase64, type OfficeContextLike } from '../../src/word/gateway';
import { openSeed } from '../helpers';
import { oursOnly } from './documents';
import { FakeWord } from './fake-word';

function wordOn(platform: string) {
  const word = new FakeWord({ documentXml: oursOnly([]).xml });
  const office: OfficeContextLike = {
    document: { url: 'Kế hoạch.docx', mode: 'readWrite' },
    platform,
    requirements: { isSetSupported: (name, v) => name === 'WordApi' && ['1.1', '1.2', '1.3'].includes(v ?? '1.1') },
  };
  return { word, backend: createWordBackend({ run: word.run, parse: parseXml, office }) };
}

async function template() {
  const [plan] = recogniseTables(await openSeed('003').read());
  return templateFromTable(plan, { name: 'Mẫu KHCT Thanh Chấn', schoolType: 'tieu-hoc', schoolYear: '2021-2022' });
}

test.each([
  ['Mac', true],
  ['iOS', true],
  ['PC', false],
  ['OfficeOnline', false],
])('%s: "no-downloads" is %s', (platform, none) => {
  const { backend } = wordOn(platform);
  expect(backend.info().features.includes(NO_DOWNLOADS)).toBe(none);
  expect(!!documentOpener(backend)).toBe(none);
});

test('openNewDocument: createDocument(base64).open() in one sync, the bytes intact', async () => {
  const { word, backend } = wordOn('Mac');
  const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
  await backend.openNewDocument(bytes);
  expect(word.syncs).toBe(1);
  expect(word.calls).toEqual(['application.createDocument', 'document.open']);
  expect(Buffer.compare(Buffer.from(word.opened[0]), Buffer.from(bytes))).toBe(0);
  expect(toBase64(new Uint8Array([0, 255, 1]))).toBe('AP8B');
});

test('«Lưu làm mẫu» on a Mac: the template opens as a new Word document carrying it (store and table)', async () => {
  const { word, backend } = wordOn('Mac');
  const t = await template();
  expect(await handOverTemplate(backend, t, 'Mẫu KHCT Thanh Chấn.json', parseXml)).toBe('opened');
  expect(word.opened).toHaveLength(1);
  const doc = DocxDocument.open(word.opened[0], parseXml, 'Mẫu KHCT Thanh Chấn.docx');
  const store = await doc.loadStore();
  expect(store.templates).toEqual([JSON.parse(JSON.stringify(t))]);
  const model = await doc.read();
  expect(model.paragraphs[0].text).toBe('Mẫu kế hoạch: Mẫu KHCT Thanh Chấn');
  const [rec] = recogniseTables(model);
  expect(rec.form.id).toBe(t.form);
  expect(rec.entries.filter((e) => e.kind === 'criterion')).toHaveLength(t.rows.length);
});

test('a template without school type or year: still a document with the template in its store', async () => {
  const t = { ...(await template()), schoolType: undefined, schoolYear: undefined };
  const doc = DocxDocument.open(await templateDocument(t, 'x.docx', parseXml), parseXml, 'x.docx');
  expect((await doc.loadStore()).templates).toHaveLength(1);
  expect((await doc.read()).tables).toHaveLength(0);
});
