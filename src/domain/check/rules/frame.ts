/**
 * The frame of a plan or report (Nghị định 30/2020/NĐ-CP, shared/reference/forms.md): a title saying
 * what the document is, the school, the number and symbol, place and date, the signature block and
 * «Nơi nhận», in their order. Warnings and suggestions only: a reviewer fixes the table first.
 * Files that are not plans or reports at all (a reviewer's folder holds them too) get one finding and
 * nothing else.
 */
import { collapseSpaces } from '../../text';
import type { Finding } from '../findings';
import { make, type Rule } from './shared';

const KIND_WORDS = { plan: 'kế hoạch', report: 'báo cáo', monitoring: 'kế hoạch' } as const;

const documentFrame: Rule['run'] = (ctx) => {
  const m = ctx.meta;
  if (m.documentKind === 'unknown') return [];
  const f = m.frame;
  const out: Finding[] = [];
  const what = KIND_WORDS[m.documentKind];
  if (!f.title) {
    out.push(
      make(
        'document-frame',
        'warning',
        `Văn bản không có tên loại và trích yếu (ví dụ «${what.toUpperCase()}» rồi «${m.documentKind === 'report' ? 'Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục' : 'Cải tiến chất lượng giáo dục'} năm học …»). Hãy ghi tên văn bản phía trên bảng.`,
        {},
        ['title'],
      ),
    );
  } else if (!m.schoolYear) {
    out.push(
      make(
        'document-frame',
        'warning',
        `Tên văn bản «${collapseSpaces(f.title.lines.join(' ')).slice(0, 80)}» không ghi năm học, và văn bản không ghi ở đâu khác. Hãy ghi «năm học …» trong tên văn bản.`,
        {},
        ['year'],
      ),
    );
  }
  if (!m.schoolName) {
    out.push(
      make(
        'document-frame',
        'warning',
        'Không thấy tên trường. Theo Nghị định 30/2020/NĐ-CP, tên cơ quan (và cơ quan chủ quản) ghi ở góc trái phía trên, ví dụ «TRƯỜNG TIỂU HỌC …».',
        {},
        ['school'],
      ),
    );
  }
  if (!f.date) {
    out.push(
      make(
        'document-frame',
        'warning',
        'Không thấy địa danh và ngày ban hành («…, ngày … tháng … năm …», góc phải phía trên). Hãy ghi ngày ký văn bản.',
        {},
        ['date'],
      ),
    );
  }
  // The smaller parts of the frame, in one suggestion (an attachment has them in the document it goes with).
  const parts = f.attachment
    ? []
    : [
        ...(f.number ? [] : [`số, ký hiệu («Số: …/${m.documentKind === 'report' ? 'BC' : 'KH'}-…»)`]),
        ...(f.signature ? [] : ['phần ký (chức vụ, họ tên người ký, ví dụ «HIỆU TRƯỞNG»)']),
        ...(f.recipients ? [] : ['«Nơi nhận» (cuối văn bản, bên trái)']),
      ];
  if (parts.length) {
    out.push(
      make('document-frame', 'info', `Văn bản chưa có ${parts.join('; ')}, theo thể thức của Nghị định 30/2020/NĐ-CP.`, {}, [
        'parts',
      ]),
    );
  }
  if (f.letterheadAfterTable) {
    out.push(
      make(
        'document-frame',
        'info',
        'Tên trường, số và ngày văn bản đang nằm sau bảng. Theo Nghị định 30/2020/NĐ-CP, phần này đặt ở đầu văn bản, trước tên văn bản.',
        {},
        ['order'],
      ),
    );
  }
  return out;
};

const notKhct: Rule['run'] = (ctx) => {
  if (ctx.meta.documentKind !== 'unknown' || !ctx.meta.notKhct) return [];
  const t = ctx.meta.frame.title;
  const named = t ? ` («${collapseSpaces(t.lines.join(' ')).slice(0, 80)}»)` : '';
  return [
    make(
      'not-khct-document',
      'warning',
      `Văn bản này không phải kế hoạch cải tiến chất lượng hay báo cáo kết quả thực hiện kế hoạch${named}, nên không được kiểm tra. Nếu đúng là kế hoạch hoặc báo cáo, hãy ghi tên văn bản («Kế hoạch cải tiến chất lượng giáo dục…») và dùng bảng mẫu.`,
      {},
      [],
    ),
  ];
};

export const FRAME_RULES: readonly Rule[] = [
  { id: 'not-khct-document', family: 'frame', reports: ['not-khct-document'], run: notKhct },
  { id: 'document-frame', family: 'frame', reports: ['document-frame'], run: documentFrame },
];
