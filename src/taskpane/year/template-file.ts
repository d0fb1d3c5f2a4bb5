/**
 * "Lưu làm mẫu" hands the template over as a file: a .json download where the pane can download, and in
 * Word for Mac and iPad (no downloads, see ../open-document.ts) a new Word document holding the template
 * in its ctcl store (what «Tạo từ mẫu» and the check read from a document) and, when the template says
 * its school type and year, the plan table itself.
 */
import { EMPTY_STORE, type DocumentBackend } from '../../domain/backend';
import { paragraph } from '../../domain/ooxml/writer';
import type { XElement, XmlParser } from '../../domain/ooxml/xml';
import { buildTableBlock } from '../../domain/table/render';
import { serializeTemplate, specFromTemplate, type PlanTemplate } from '../../domain/year/templates';
import { documentOpener } from '../open-document';
import { withTemplate } from '../../domain/store';
import { downloadText } from './ui';

/** The .docx that carries a template (for Word on Mac and iPad). */
export async function templateDocument(t: PlanTemplate, name: string, parse?: XmlParser): Promise<Uint8Array> {
  const { DocxDocument } = await import('../../app/docx-backend');
  const parser = parse ?? (await import('../../xml/dom')).parseXmlDom;
  const body: XElement[] = [
    paragraph(`Mẫu kế hoạch: ${t.name}`, { bold: true, after: 120 }),
    paragraph(
      'Tài liệu này mang mẫu kế hoạch của ctcl. Mở tài liệu trong Word, vào «Năm học mới › Tạo từ mẫu» để tạo bảng kế hoạch cho năm học mới.',
      { after: 120 },
    ),
  ];
  if (t.schoolType && t.schoolYear) {
    try {
      body.push(buildTableBlock(specFromTemplate(t, { schoolType: t.schoolType, schoolYear: t.schoolYear })).sdt);
    } catch {
      /* a template that does not fit its own school type: the store still carries it */
    }
  }
  body.push(paragraph(''));
  const doc = DocxDocument.blank(parser, name, body);
  await doc.saveStore(withTemplate(EMPTY_STORE, t));
  return doc.toBytes();
}

/** Download the template as .json, or (no downloads here) open it as a new Word document. */
export async function handOverTemplate(
  backend: DocumentBackend | undefined,
  t: PlanTemplate,
  file: string,
  parse?: XmlParser,
): Promise<'downloaded' | 'opened'> {
  const open = documentOpener(backend);
  if (!open) {
    downloadText(serializeTemplate(t), file);
    return 'downloaded';
  }
  await open(await templateDocument(t, file.replace(/\.json$/i, '') + '.docx', parse));
  return 'opened';
}
