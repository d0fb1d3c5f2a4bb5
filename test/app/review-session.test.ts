/**
 * The reviewer page's session (src/app/review-session.ts, what its worker runs) gives the same answers as
 * `ctcl check <folder> --plan-dir <folder> --format json` on the same generated folder: the same files in
 * the same order, the same skipped files and reasons, the same findings, the same pairing. Then a pairing
 * corrected by hand, a file read again, the workbook and the notes.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { SourceBytes } from '../../src/app/review';
import { sortEntries, type FolderEntry } from '../../src/app/review-files';
import { ReviewSession } from '../../src/app/review-session';
import { zipEntries } from '../../src/app/review-zip';
import { run } from '../../src/cli/main';
import { DEFAULT_REVIEWER } from '../../src/domain/review/note';
import { SHEETS } from '../../src/domain/review/workbook';
import { parseXml } from '../../src/xml/node';
import { buildCorpus, type Corpus } from '../fixtures/corpus';
import { folderZip } from './folder-zip';

let work: string;
let corpus: Corpus;
let cli: { files: { path: string }[]; skipped: unknown[]; pairing: { pairs: { report: string }[] } };

/** Every file under `dir`, as the browser gives a dropped folder: '/'-separated paths from the folder's name. */
function dropped(dir: string, name: string): FolderEntry<() => Promise<SourceBytes>>[] {
  const out: FolderEntry<() => Promise<SourceBytes>>[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.push({
          path: `${name}/${relative(dir, p).split(sep).join('/')}`,
          item: async () => ({ bytes: new Uint8Array(readFileSync(p)) }),
        });
    }
  };
  walk(dir);
  // The browser gives files in no particular order.
  return out.reverse();
}

function sessionOf(entries: FolderEntry<() => Promise<SourceBytes>>[]): ReviewSession {
  const { files, skipped } = sortEntries(entries);
  return new ReviewSession(
    files.map((f) => ({ path: f.path, planCandidate: true, read: f.item })),
    skipped,
    parseXml,
  );
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ctcl-review-session-'));
  corpus = await buildCorpus(join(work, 'ho-so'));
  let out = '';
  const code = await run(['check', 'ho-so', '--plan-dir', 'ho-so', '--format', 'json'], {
    stdout: (s) => (out += s),
    stderr: () => undefined,
    cwd: work,
  });
  expect(code).toBe(2);
  cli = JSON.parse(out);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a dropped folder: the same JSON as ctcl check <folder> --plan-dir <folder>', async () => {
  const session = sessionOf(dropped(corpus.root, 'ho-so'));
  const view = await session.run();
  expect(view.outcomes).toHaveLength(corpus.docx.length);
  expect(cli.pairing.pairs.length).toBeGreaterThan(3);
  expect(JSON.parse(JSON.stringify(session.json()))).toEqual(cli);
  // Thông tư 57 plans (Biểu 2) carry what the matrix shows of them; every other file only its statuses.
  const bieu2 = view.outcomes.filter((o) => o.plan2026);
  expect(bieu2.length).toBeGreaterThan(0);
  for (const o of view.outcomes) {
    const r = o.report;
    expect(!!o.plan2026).toBe(!r.error && r.framework === '2026' && r.documentKind === 'plan');
  }
  for (const o of bieu2) {
    // The generated plans: one item per criterion, column (10) not written yet, no mục IV.
    const planned = o.report.criteria[Object.keys(o.report.criteria)[0]];
    expect(Object.keys(o.plan2026!.criteria).sort()).toEqual([...planned].sort());
    for (const c of Object.values(o.plan2026!.criteria))
      expect(c).toEqual({ problems: [], items: [expect.objectContaining({ status: 'empty' })] });
  }
});

test('a .zip of the folder: the same JSON again', async () => {
  const zip = folderZip(corpus.root, 'ho-so');
  const entries = zipEntries(zip).map((e) => ({ path: e.path, item: () => Promise.resolve(e.item.read()) }));
  const session = sessionOf(entries);
  await session.run();
  expect(JSON.parse(JSON.stringify(session.json()))).toEqual(cli);
});

test('a report paired by hand is checked again against that plan; unpairing it drops the comparison', async () => {
  const session = sessionOf(dropped(corpus.root, 'ho-so'));
  const view = await session.run();
  const pair = view.pairing.pairs[0];
  const other = view.plans.find((p) => p !== pair.plan)!;
  const after = await session.pairByHand(pair.report, other);
  expect(after.outcomes[pair.report].report.plan).toEqual({ path: view.outcomes[other].report.path, method: 'manual' });
  expect(after.pairing.pairs.find((p) => p.report === pair.report)).toEqual({
    report: pair.report,
    plan: other,
    method: 'manual',
  });
  expect(after.pairing.unpairedPlans).toContain(pair.plan);
  const none = await session.pairByHand(pair.report, null);
  expect(none.outcomes[pair.report].report.plan).toBeNull();
  expect(none.pairing.unpairedReports).toContain(pair.report);
  // Read again on demand: the same findings as the run's record.
  const d = await session.detail(pair.report);
  expect(d.ok && d.result.findings.map((f) => f.id)).toEqual(
    none.outcomes[pair.report].report.findings.filter((f) => !('ignored' in f && f.ignored)).map((f) => f.id),
  );
});

test('exports: the workbook has the CLI sheets; one note per school, alone or in a .zip', async () => {
  const session = sessionOf(dropped(corpus.root, 'ho-so'));
  await session.run();
  const wb = session.workbook(new Date(2026, 4, 7));
  expect(wb.name).toBe('Tong-hop-kiem-tra-2026-05-07.xlsx');
  const parts = unzipSync(wb.bytes);
  expect(new TextDecoder().decode(parts['xl/workbook.xml'])).toContain(SHEETS.summary);
  const schools = session.schools();
  expect(schools.length).toBeGreaterThan(5);
  const all = unzipSync(session.notes(DEFAULT_REVIEWER).bytes);
  expect(Object.keys(all)).toHaveLength(schools.length);
  const one = session.notes(DEFAULT_REVIEWER, schools[0].key);
  expect(one.name).toMatch(/^Phiếu nhận xét - .+\.docx$/);
  expect(Object.keys(unzipSync(one.bytes))).toContain('word/document.xml');
});
