/**
 * A stand-in Word for the pane's Word-mode browser tests: Office says Word (WordApi 1.3), Word.run
 * reads the current document, lists its top-level tables (whose cells and rows can be selected) and
 * records insertOoxml at the cursor; calls take effect at context.sync(), which is counted. The custom
 * XML parts (the document store) live in memory. It does not edit tables: Word edits are covered by the
 * Node gateway tests (test/word). Installed with `harness.open({ init: installStandInWord, initArg })`.
 */
import type { Page } from 'playwright-core';

export interface StandInWord {
  /** What body.getOoxml() returns now: a w:document or a Flat OPC package (a test may change it). */
  ooxml: string;
  /** Custom XML parts: id → XML. */
  parts: Record<string, string>;
  syncs: number;
  /** Cells (and rows, without `cell`) selected, in order. */
  selected: { table: number; row: number; cell?: number }[];
  /** insertOoxml calls: [ooxml, location] — 'Replace' at the cursor, 'Start' / 'End' of the body. */
  inserted: [string, string][];
}

export interface StandInOptions {
  readonly ooxml: string;
  /** The document's address (its name is shown in the pane). */
  readonly url: string;
}

/** Runs in the page before its scripts, so it is self-contained (no imports, no outer names). */
export function installStandInWord(opts: StandInOptions): void {
  const s: StandInWord = { ooxml: opts.ooxml, parts: {}, syncs: 0, selected: [], inserted: [] };
  const w = window as unknown as Record<string, unknown>;
  w.__standIn = s;
  const ok = <T>(value: T) => ({ status: 'succeeded', value });
  // The Office common API answers in a later task, as Word does.
  const later = (fn: () => void) => setTimeout(fn, 0);
  let nextPart = 1;
  const part = (id: string) => ({
    id,
    getXmlAsync: (cb: (r: unknown) => void) => later(() => cb(ok(s.parts[id]))),
    deleteAsync: (cb: (r: unknown) => void) =>
      later(() => {
        delete s.parts[id];
        cb(ok(undefined));
      }),
  });
  w.Office = {
    onReady: () => Promise.resolve({ host: 'Word', platform: 'PC' }),
    context: {
      document: {
        url: opts.url,
        mode: 'readWrite',
        customXmlParts: {
          getByNamespaceAsync: (ns: string, cb: (r: unknown) => void) =>
            later(() =>
              cb(
                ok(
                  Object.keys(s.parts)
                    .filter((id) => s.parts[id].includes(ns))
                    .map(part),
                ),
              ),
            ),
          addAsync: (xml: string, cb: (r: unknown) => void) =>
            later(() => {
              const id = `{part-${nextPart++}}`;
              s.parts[id] = xml;
              cb(ok(part(id)));
            }),
        },
      },
      requirements: {
        isSetSupported: (name: string, v: string) => name === 'WordApi' && ['1.1', '1.2', '1.3'].includes(v),
      },
    },
  };
  const nothing = () => {
    const o = { isNullObject: true, load: () => o };
    return o;
  };
  const mainBody = () => {
    const b = { type: 'MainDoc', parentBodyOrNullObject: nothing(), load: () => b };
    return b;
  };
  w.Word = {
    run: (batch: (context: unknown) => Promise<unknown>) => {
      const queue: (() => void)[] = [];
      const table = (index: number) => ({
        nestingLevel: 1,
        getCell: (row: number, cell: number) => ({
          body: { getRange: () => ({ select: () => queue.push(() => s.selected.push({ table: index, row, cell })) }) },
          parentRow: { select: () => queue.push(() => s.selected.push({ table: index, row })) },
        }),
      });
      // The documents these tests use have no nested tables: every w:tbl is a top-level table.
      const tableCount = (s.ooxml.match(/<w:tbl>/g) ?? []).length;
      const tables = { items: [] as unknown[], load: () => tables };
      const body = {
        getOoxml: () => {
          const result = { value: '' };
          queue.push(() => (result.value = s.ooxml));
          return result;
        },
        tables,
        // Body.text: the document's words (w:t), enough to tell an empty document from one with text.
        text: '',
        load: () => {
          queue.push(
            () =>
              (body.text = (s.ooxml.match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/g) ?? [])
                .map((t) => t.replace(/<[^>]+>/g, ''))
                .join('')),
          );
          return body;
        },
        // At the top or the end of the document (Body.insertOoxml 'Start' / 'End').
        insertOoxml: (xml: string, where: string) => queue.push(() => s.inserted.push([xml, where])),
      };
      const context = {
        document: {
          body,
          // The cursor is in body text.
          getSelection: () => ({
            parentTableCellOrNullObject: nothing(),
            parentTableOrNullObject: nothing(),
            parentContentControlOrNullObject: nothing(),
            parentBody: mainBody(),
            insertOoxml: (xml: string, where: string) => queue.push(() => s.inserted.push([xml, where])),
          }),
        },
        sync: () => {
          s.syncs++;
          tables.items = Array.from({ length: tableCount }, (_, i) => table(i));
          for (const op of queue.splice(0)) op();
          return Promise.resolve();
        },
      };
      return batch(context);
    },
  };
}

/** The stand-in's record, read from the page. */
export function standIn(page: Page): Promise<StandInWord> {
  return page.evaluate(() => (window as unknown as { __standIn: StandInWord }).__standIn);
}
