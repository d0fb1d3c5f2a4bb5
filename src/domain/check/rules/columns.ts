/**
 * The table itself: is there a plan or report table, does it have the columns of its form, does every row say which criterion it is about.
 */
import { fold } from '../../text';
import type { Finding } from '../findings';
import { cellAt } from '../../ooxml/reader';
import { entryLocation, heading, make, tableKey, type Rule } from './shared';

/** Criteria a document written as text names in its headings («Tiêu chí 1.3: …», alone on their line). */
function proseCriteria(lines: readonly { text: string }[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^tieu chi\s*(\d+)\s*\.\s*(\d+)(?![\d.])/.exec(fold(l.text));
    if (!m || l.text.trim().length > 160) continue;
    const code = `${Number(m[1])}.${Number(m[2])}`;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

const noTable: Rule['run'] = (ctx) => {
  if (ctx.tables.length || ctx.meta.notKhct) return [];
  const prose = proseCriteria(ctx.meta.frame.lines);
  if (prose.length) {
    const what = ctx.meta.documentKind === 'report' ? 'Báo cáo' : 'Kế hoạch';
    return [
      make(
        'no-table',
        'warning',
        `${what} được viết thành văn bản, không có bảng theo mẫu; tìm thấy ${prose.length} tiêu chí: ${prose.join(', ')}. Hãy chuyển nội dung vào bảng mẫu (chèn bảng, mỗi tiêu chí một dòng) để kiểm tra và tổng hợp được.`,
        {},
        ['prose'],
      ),
    ];
  }
  return [
    make(
      'no-table',
      'error',
      'Không tìm thấy bảng kế hoạch hoặc bảng báo cáo cải tiến chất lượng trong tài liệu. Hãy chèn bảng mẫu, hoặc kiểm tra lại tiêu đề các cột của bảng.',
      {},
      [],
    ),
  ];
};

const uncertain: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables) {
    const guessed = rec.columns.filter((m) => m.guessed);
    if (!guessed.length) continue;
    const pairs = guessed.map((m) => {
      const c = rec.form.columns.find((x) => x.key === m.key)!;
      const written = m.heading.replace(/\s+/g, ' ').trim();
      return `«${written.length > 70 ? `${written.slice(0, 69)}…` : written}» là cột «${heading(c)}»`;
    });
    out.push(
      make(
        'uncertain-heading',
        'info',
        `Tiêu đề ${guessed.length} cột khác mẫu ${rec.form.name.toLowerCase()}, đã hiểu theo nội dung: ${pairs.join('; ')}. Nếu hiểu sai, hãy sửa tiêu đề cột theo mẫu rồi kiểm tra lại.`,
        { table: rec.parts[0].index, row: 0, column: guessed[0].col },
        [tableKey(ctx, rec)],
      ),
    );
  }
  return out;
};

const columns: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables) {
    const first = rec.parts[0];
    for (const c of rec.missing) {
      const minor = c.role === 'tt' || c.key === 'note';
      out.push(
        make(
          'missing-column',
          minor ? 'warning' : 'error',
          `Bảng thiếu cột «${heading(c)}». Hãy thêm cột này theo mẫu ${rec.form.name.toLowerCase()}.`,
          { table: first.index, row: 0 },
          [tableKey(ctx, rec), c.key],
          { fix: { kind: 'add-column', key: c.key }, fixLabel: 'Thêm cột' },
        ),
      );
    }
    for (const m of rec.columns.filter((x) => x.inferred)) {
      const c = rec.form.columns.find((x) => x.key === m.key)!;
      const minor = c.role === 'tt' || c.key === 'note';
      out.push(
        make(
          'missing-heading',
          minor ? 'warning' : 'error',
          `Cột thứ ${m.col + 1} chưa có tiêu đề; theo mẫu, đây là cột «${heading(c)}». Hãy ghi tiêu đề cho cột.`,
          {
            table: first.index,
            row: Math.max(0, rec.headerRows - 1),
            column: m.col,
            cell: cellAt(first.rows[Math.max(0, rec.headerRows - 1)], m.col)?.index,
          },
          [tableKey(ctx, rec), c.key],
          { fix: { kind: 'write-heading', key: c.key }, fixLabel: 'Ghi tiêu đề' },
        ),
      );
    }
    for (const x of rec.extra) {
      out.push(
        make(
          'extra-column',
          'info',
          `Cột «${x.heading.replace(/\s+/g, ' ').slice(0, 80)}» không có trong mẫu ${rec.form.name.toLowerCase()}. Có thể giữ lại nếu cần.`,
          { table: first.index, row: 0, column: x.col },
          [tableKey(ctx, rec), fold(x.heading).slice(0, 40)],
        ),
      );
    }
  }
  return out;
};

const labels: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables) {
    // TT57 allows content rows not tied to one criterion; the mục IV table's rows are problems.
    if (rec.form.framework === '2026' && (rec.form.kind === 'plan' || rec.form.kind === 'problems')) continue;
    for (const e of rec.entries) {
      if (e.kind !== 'item') continue;
      if (!Object.values(e.cells).some((v) => v.trim())) continue;
      out.push(
        make(
          'missing-label',
          'warning',
          `Dòng ${e.at.row + 1} có nội dung nhưng không ghi tiêu chí nào. Hãy ghi «Tiêu chí x.y» ở cột «Tiêu chuẩn, tiêu chí».`,
          entryLocation(rec, e),
          [tableKey(ctx, rec), 'row', Object.values(e.cells).join(' ').slice(0, 30)],
        ),
      );
    }
  }
  return out;
};

export const COLUMNS_RULES: readonly Rule[] = [
  { id: 'no-table', family: 'columns', reports: ['no-table'], run: noTable },
  { id: 'columns', family: 'columns', reports: ['missing-column', 'missing-heading', 'extra-column'], run: columns },
  { id: 'labels', family: 'columns', reports: ['missing-label'], run: labels },
  { id: 'uncertain-heading', family: 'columns', reports: ['uncertain-heading'], run: uncertain },
];
