#!/usr/bin/env node
// Generates the typed catalog modules in src/domain/catalog/data/ from the reference data
// (../shared/reference/criteria/*.json). The generated files are committed; run this again when the
// reference data changes:  node scripts/gen-catalogs.mjs [referenceDir] [--check]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const refDir = args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'reference', 'criteria');
const outDir = join(root, 'src', 'domain', 'catalog', 'data');

if (!existsSync(refDir)) {
  console.error(`Không tìm thấy thư mục dữ liệu tham chiếu: ${refDir}`);
  process.exit(2);
}

const read = (name) => JSON.parse(readFileSync(join(refDir, name), 'utf8'));

/** Notes on a 2018 criterion that make its wording or levels less than certain. */
function criterionNotes(c) {
  const notes = [];
  if (c.titleNote) notes.push(c.titleNote);
  if (c.titleCrossCheck) notes.push(`Đối chiếu: ${c.titleCrossCheck}`);
  if (c.dataNote) notes.push(c.dataNote);
  if (c.amendment) notes.push(`TT22/2024: ${c.amendment}`);
  return notes;
}

function criterion2018(c, standard) {
  const out = {
    code: c.code,
    standard,
    title: c.title,
    levels: c.levels,
    summary: c.summary,
    mandatory: false,
  };
  if (c.levelsFrom2025) out.levelsFrom2025 = c.levelsFrom2025;
  if (c.titleVariants) out.titleVariants = c.titleVariants;
  // A title from a single source is unverified; keep that as data.
  if (c.titleNote && /single source|only|not confirmed/i.test(c.titleNote))
    out.unverified = 'Tên tiêu chí chỉ có từ một nguồn, chưa đối chiếu được với văn bản chính thức.';
  else if (c.titleNote && /not resolved/i.test(c.titleNote))
    out.unverified = 'Tên tiêu chí có biến thể giữa các nguồn, chưa xác định được bản chính thức.';
  const notes = criterionNotes(c);
  if (notes.length) out.notes = notes;
  return out;
}

function catalog2018(file, id) {
  const d = read(file);
  const level4 = d.level4.map((i) => {
    const item = { code: i.code, summary: i.summary };
    if (i.incomplete) item.incomplete = true;
    return item;
  });
  const level4Count = d.counts.level4 ?? null;
  return {
    id,
    framework: '2018',
    schoolType: d.id,
    schoolTypeName: d.schoolType,
    circular: {
      number: d.circular.number,
      date: d.circular.date,
      title: d.circular.title,
      amendedBy: (d.amendments ?? []).map((a) => a.number).filter(Boolean),
    },
    levels: [1, 2, 3],
    standards: d.standards.map((s) => ({
      number: s.number,
      title: s.title,
      criteria: s.criteria.map((c) => criterion2018(c, s.number)),
    })),
    level4,
    level4Complete: level4Count !== null && level4Count === level4.length,
    level4Article: d.level4Article,
    counts: {
      level1: d.counts.level1,
      level2: d.counts.level2,
      level3: d.counts.level3,
      level4: level4Count,
    },
    sourceNotes: [d.counts.note],
    unverified: [
      ...(level4Count === null
        ? [`Danh sách tiêu chí Mức 4 chưa đầy đủ: mới xác minh được ${level4.filter((i) => !i.incomplete).length} mục đầu.`]
        : []),
      'Tên tiêu chí lấy từ bản chép lại của bên thứ ba, đã đối chiếu một phần (xem ghi chú từng tiêu chí).',
    ],
  };
}

function catalog2026(d, typeId, id, schoolTypes) {
  const t = d.schoolTypes.find((s) => s.id === typeId);
  return {
    id,
    framework: '2026',
    schoolType: schoolTypes[0],
    schoolTypes,
    schoolTypeName: TT57_NAMES[typeId],
    circular: {
      number: d.circular.number,
      date: d.circular.date,
      title: d.circular.title,
      amendedBy: [],
    },
    annex: t.annex,
    levels: [1, 2],
    standards: t.standards.map((s) => {
      const std = { number: s.number, title: s.title, criteria: [] };
      if (s.titleVariants) std.titleVariants = s.titleVariants.map((v) => (typeof v === 'string' ? v : v.title));
      std.criteria = s.criteria.map((c) => {
        const out = {
          code: c.code,
          standard: s.number,
          title: c.title,
          levels: c.levels,
          summary: c.summary,
          mandatory: c.mandatory,
        };
        if (c.titleVariants) {
          out.titleVariants = c.titleVariants.map((v) => (typeof v === 'string' ? v : v.title));
          out.unverified = `Tên tiêu chí có biến thể giữa các nguồn: «${out.titleVariants.join('», «')}».`;
          out.notes = c.titleVariants.map((v) => (typeof v === 'string' ? v : `${v.title} — ${v.source}`));
        }
        if (t.crossCheck.startsWith('single-source'))
          out.unverified ??= 'Nội dung phụ lục chỉ có từ một nguồn, chưa đối chiếu với văn bản gốc.';
        return out;
      });
      return std;
    }),
    level4: [],
    level4Complete: true,
    counts: { level1: 15, level2: 15, level3: 0, level4: 0 },
    unverified: [
      'Chưa đối chiếu với văn bản gốc của Thông tư 57/2026/TT-BGDĐT; dữ liệu lấy từ nguồn thứ cấp.',
      t.crossCheck.startsWith('single-source')
        ? `${t.annex}: tên và nội dung tiêu chí chỉ có từ một nguồn.`
        : `${t.annex}: hai nguồn độc lập khớp nhau về nội dung các mức; tên tiêu chí 1.4 và Tiêu chuẩn 3 có biến thể.`,
    ],
    sourceNotes: [t.crossCheck],
  };
}

const TT57_NAMES = {
  'mam-non': 'Cơ sở giáo dục mầm non',
  'pho-thong': 'Cơ sở giáo dục phổ thông',
  gdtx: 'Cơ sở giáo dục thường xuyên',
};
const tt57 = read('tt57-2026.json');
const catalogs = [
  ['tt17-tieu-hoc', catalog2018('tieu-hoc-tt17.json', 'tt17-tieu-hoc')],
  ['tt18-thcs-thpt', catalog2018('thcs-thpt-tt18.json', 'tt18-thcs-thpt')],
  ['tt19-mam-non', catalog2018('mam-non-tt19.json', 'tt19-mam-non')],
  ['tt57-mam-non', catalog2026(tt57, 'mam-non', 'tt57-mam-non', ['mam-non'])],
  ['tt57-pho-thong', catalog2026(tt57, 'pho-thong', 'tt57-pho-thong', ['tieu-hoc', 'thcs-thpt'])],
  ['tt57-gdtx', catalog2026(tt57, 'gdtx', 'tt57-gdtx', ['gdtx'])],
];

/** The fixed texts of Biểu 2 (TT57 Phụ lục V, Mẫu số 2) that the plan writer prints. */
function planForm(d) {
  const p = d.improvementPlan;
  return {
    sections: p.sections,
    sectionIIText: p.sectionIIText,
    sectionIIIText: Object.entries(p.sectionIIIText).map(([heading, lines]) => ({ heading, lines })),
    sectionIVColumns: p.sectionIVColumns,
    sectionIVNote: p.sectionIVNote,
    sectionVColumns: p.sectionVColumns,
    sectionVColumnsVariants: p.sectionVColumnsVariants,
    sectionVIColumns: p.sectionVIColumns,
    sectionVIFixedRows: p.sectionVIFixedRows,
    sectionVII: p.sectionVII,
    sectionVIIIText: p.sectionVIIIText,
    statusValues: p.implementationStatusValues.values,
    signature: { default: p.signature.default, gdtx: p.signature.gdtx },
    minReviewsPerSchoolYear: p.monitoring.minReviewsPerSchoolYear,
    textSource: p.textSource,
  };
}

const outputs = [
  ...catalogs.map(([name, data]) => [
    name,
    `import type { Catalog } from '../types';\n\nconst catalog: Catalog = ${JSON.stringify(data, null, 2)};\n\nexport default catalog;\n`,
  ]),
  [
    'tt57-plan-form',
    `/** The fixed texts of Biểu 2 (Mẫu số 2, Phụ lục V, Thông tư 57/2026), from tt57-2026.json → improvementPlan. */\n` +
      `const planForm = ${JSON.stringify(planForm(tt57), null, 2)} as const;\n\nexport default planForm;\n`,
  ],
];

let stale = 0;
for (const [name, rest] of outputs) {
  const body = `// Generated by scripts/gen-catalogs.mjs from shared/reference/criteria. Do not edit by hand.\n` + rest;
  const file = join(outDir, `${name}.ts`);
  if (check) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current !== body) {
      console.error(`Lỗi thời: ${file}`);
      stale++;
    }
  } else {
    writeFileSync(file, body);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);
