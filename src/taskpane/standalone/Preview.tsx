/**
 * The document preview of standalone mode: the body's paragraphs and tables as HTML. Between blocks are
 * insertion points (the caret line shows where "Chèn bảng" puts the table); clicking a table cell selects it.
 * Keyboard: Tab reaches the caret and the selected cell; arrow keys move them; Space selects a cell, Enter
 * or F2 (or a double click) edits it in place (./editing.tsx: the edit bar, the cell editor, Ctrl+Z).
 */
import { errorText } from '../error-text';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { makeStyles, mergeClasses, shorthands, Spinner, tokens } from '@fluentui/react-components';
import type { CellLocation } from '../../domain/backend';
import { layoutDocument, isOurTable, type PreviewBlock, type PreviewParagraph, type PreviewTable } from './layout';
import type { SessionState, StandaloneSession } from './session';
import type { Notice } from '../NoticeBar';
import { CellEditor, EditBar } from './editing';
import { ColumnWidths } from './ColumnWidths';

const useStyles = makeStyles({
  page: {
    backgroundColor: '#fff',
    color: '#000',
    boxShadow: tokens.shadow8,
    // A4 landscape text area (about 247 mm of 297 mm), scaled to the space there is.
    maxWidth: '1100px',
    minHeight: '300px',
    margin: '0 auto',
    padding: '32px 40px 48px 56px',
    fontFamily: '"Times New Roman", Times, serif',
    fontSize: '15px',
    lineHeight: 1.3,
    boxSizing: 'border-box',
  },
  paragraph: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    tabSize: 4,
    minHeight: '1.3em',
    cursor: 'text',
  },
  floating: { fontSize: '0.9em', color: '#444', borderLeft: '2px dotted #999', paddingLeft: '6px' },
  gap: {
    display: 'block',
    width: '100%',
    height: '10px',
    margin: 0,
    padding: 0,
    border: 'none',
    background: 'transparent',
    cursor: 'text',
    position: 'relative',
    ':hover::after': {
      content: '""',
      position: 'absolute',
      left: 0,
      right: 0,
      top: '4px',
      borderTop: `1px dashed ${tokens.colorBrandStroke2}`,
    },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  caret: {
    '::after': {
      content: '""',
      position: 'absolute',
      left: 0,
      right: 0,
      top: '3px',
      borderTop: `3px solid ${tokens.colorBrandBackground}`,
    },
    ':hover::after': { borderTopStyle: 'solid', borderTopColor: tokens.colorBrandBackground, top: '3px', borderTopWidth: '3px' },
  },
  caretLabel: {
    position: 'absolute',
    right: 0,
    top: '-9px',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase100,
    lineHeight: '14px',
    padding: '0 6px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    pointerEvents: 'none',
  },
  tableBlock: { position: 'relative' },
  ourTable: { outline: `1px dashed ${tokens.colorBrandStroke2}`, outlineOffset: '3px' },
  controlLabel: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorBrandForeground1,
    marginBottom: '2px',
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: '13px',
  },
  // A narrow pane keeps the columns wide enough for whole words (not a letter a line): the table scrolls sideways (880 px: about the printed A4 landscape text width).
  tableScroll: { overflowX: 'auto', maxWidth: '100%', '& > table': { minWidth: '880px' } },
  cell: {
    ...shorthands.border('1px', 'solid', '#000'),
    padding: '2px 4px',
    verticalAlign: 'top',
    overflowWrap: 'break-word',
    cursor: 'cell',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  header: { fontWeight: 700, textAlign: 'center', verticalAlign: 'middle' },
  filler: { border: 'none', cursor: 'default' },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke1}`,
    '&[data-flash]': {
      backgroundColor: tokens.colorPaletteYellowBackground2,
      boxShadow: `inset 0 0 0 3px ${tokens.colorPaletteDarkOrangeBorder2}`,
    },
  },
  cellParagraph: { margin: 0, whiteSpace: 'pre-wrap', minHeight: '1.2em' },
  loading: { padding: '24px' },
});

type Styles = ReturnType<typeof useStyles>;

interface PreviewProps {
  readonly session: StandaloneSession;
  readonly state: SessionState;
}

/** @public (App.tsx takes it from the lazily loaded standalone chunk) */
export function Preview({ session, state }: PreviewProps) {
  const styles = useStyles();
  const [blocks, setBlocks] = useState<PreviewBlock[]>();
  const [error, setError] = useState<string>();
  const root = useRef<HTMLDivElement>(null);
  const { revision, cursor, selected, inserted } = state;
  const [editing, setEditing] = useState<CellLocation>();
  const [notice, setNotice] = useState<Notice>();

  useEffect(() => {
    let live = true;
    session.read().then(
      (model) => live && setBlocks(layoutDocument(model)),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
    // The document changes whenever the revision does.
  }, [session, revision]);

  // Bring a newly inserted table into view: once, when it is there (later changes — a draft or a choice
  // saved in the document — must not pull the page back to it).
  const scrolledInsert = useRef<number>(undefined);
  useEffect(() => {
    if (inserted === undefined || scrolledInsert.current === revision) return;
    const el = root.current?.querySelector(`[data-block="${inserted}"]`);
    if (!el) return;
    scrolledInsert.current = revision;
    el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [inserted, revision, blocks]);

  // Bring the selected cell (or row) into the middle of the view and flash it when something selects it
  // (e.g. a finding in "Kiểm tra"): once per selection, after the document is shown.
  const shownSelection = useRef<CellLocation>(undefined);
  useEffect(() => {
    if (!selected || sameLocation(shownSelection.current, selected)) return;
    const cell = selected.cell === undefined ? '' : `[data-cell="${selected.cell}"]`;
    const el = root.current?.querySelector<HTMLElement>(
      `table[data-table="${selected.table}"] > tbody > tr > td[data-row="${selected.row}"]${cell}`,
    );
    if (!el) return;
    shownSelection.current = selected;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    el.setAttribute('data-flash', 'true');
    // Not cleared with the effect: the document may be shown again meanwhile, the flash still ends.
    setTimeout(() => el.removeAttribute('data-flash'), FLASH_MS);
  }, [selected, blocks]);

  if (error) return <div role="alert">Không hiển thị được tài liệu: {error}</div>;
  if (!blocks) return <Spinner className={styles.loading} size="small" label="Đang đọc tài liệu…" />;

  const moveCaret = (to: number, focus: boolean): void => {
    void session.setCursor(to).then(() => {
      if (focus) root.current?.querySelector<HTMLElement>(`[data-gap="${Math.max(0, Math.min(to, blocks.length))}"]`)?.focus();
    });
  };

  const onGapKey = (e: KeyboardEvent<HTMLButtonElement>, gap: number): void => {
    const to =
      e.key === 'ArrowUp'
        ? gap - 1
        : e.key === 'ArrowDown'
          ? gap + 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? blocks.length
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    moveCaret(to, true);
  };

  // Click on a paragraph: the caret goes before it (upper half) or after it (lower half).
  const onParagraphClick = (e: MouseEvent<HTMLDivElement>, block: number): void => {
    const r = e.currentTarget.getBoundingClientRect();
    moveCaret(e.clientY < r.top + r.height / 2 ? block : block + 1, false);
  };

  // A cell chosen here, in the document (a click, the keyboard, editing), is where the user looks: it is not
  // scrolled or flashed, or a double click's second click would land on another cell.
  const selectHere = (at: CellLocation): void => {
    shownSelection.current = at;
    void session.select(at);
  };

  const startEdit = (at: CellLocation): void => {
    const table = findTable(blocks, at.table);
    const cell = table?.rows.find((r) => r.index === at.row)?.cells.find((c) => c.index === at.cell);
    if (!cell) return;
    if (cell.nested.length) {
      setNotice({
        intent: 'warning',
        title: 'Không sửa ô này ở đây.',
        text: 'Ô có một bảng lồng bên trong; hãy sửa ô này trong Word.',
      });
      return;
    }
    setNotice(undefined);
    selectHere(at);
    setEditing(at);
  };

  const endEdit = (refocus: boolean): void => {
    const at = editing;
    setEditing(undefined);
    if (refocus && at) {
      requestAnimationFrame(() =>
        root.current
          ?.querySelector<HTMLElement>(`table[data-table="${at.table}"] td[data-row="${at.row}"][data-cell="${at.cell}"]`)
          ?.focus(),
      );
    }
  };

  const edit: CellEditing = {
    at: editing,
    start: startEdit,
    render: (at, text) => (
      <CellEditor
        key={`${at.table}/${at.row}/${at.cell}`}
        at={at}
        text={text}
        session={session}
        onDone={endEdit}
        onError={(message) => setNotice({ intent: 'error', title: 'Chưa sửa được ô.', text: message })}
      />
    ),
  };

  const gap = (i: number) => (
    <Gap
      key={`g${i}`}
      index={i}
      total={blocks.length}
      active={i === cursor}
      styles={styles}
      onPick={() => moveCaret(i, false)}
      onKey={(e) => onGapKey(e, i)}
    />
  );

  return (
    <>
      <EditBar session={session} state={state} onEdit={startEdit} notice={notice} setNotice={setNotice} />
      <div
        ref={root}
        className={styles.page}
        lang="vi"
        role="region"
        aria-label={`Xem trước tài liệu ${state.name}`}
        data-testid="preview"
      >
        {blocks.map((b) => [
          gap(b.block),
          b.kind === 'paragraph' ? (
            <div key={`b${b.block}`} data-block={b.block} onClick={(e) => onParagraphClick(e, b.block)}>
              {b.paragraphs.length ? (
                b.paragraphs.map((p, i) => <Paragraph key={i} p={p} styles={styles} />)
              ) : (
                <p className={styles.paragraph} />
              )}
            </div>
          ) : (
            <TableBlock
              key={`b${b.block}`}
              block={b.block}
              table={b.table}
              selected={selected}
              styles={styles}
              onSelect={selectHere}
              edit={edit}
            />
          ),
        ])}
        {gap(blocks.length)}
      </div>
    </>
  );
}

/** The cell being edited, how to start editing one, and the editor to show in it. */
interface CellEditing {
  readonly at?: CellLocation;
  start(at: CellLocation): void;
  render(at: CellLocation, text: string): JSX.Element;
}

/** A table of the preview by its DocTable index, nested ones included. */
function findTable(blocks: readonly PreviewBlock[], index: number): PreviewTable | undefined {
  const within = (t: PreviewTable): PreviewTable | undefined => {
    if (t.index === index) return t;
    for (const r of t.rows)
      for (const c of r.cells)
        for (const n of c.nested) {
          const f = within(n);
          if (f) return f;
        }
    return undefined;
  };
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const f = within(b.table);
    if (f) return f;
  }
  return undefined;
}

const CARET_LABEL = 'Bảng mới đặt ở đây';

/** How long a cell chosen from elsewhere (a finding) is highlighted. */
const FLASH_MS = 1600;

function Gap(props: {
  index: number;
  total: number;
  active: boolean;
  styles: Styles;
  onPick: () => void;
  onKey: (e: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const { index, total, active, styles } = props;
  const where = index >= total ? 'ở cuối tài liệu' : index === 0 ? 'ở đầu tài liệu' : `trước khối thứ ${index + 1}`;
  return (
    <button
      type="button"
      className={mergeClasses(styles.gap, active && styles.caret)}
      data-gap={index}
      data-caret={active ? 'true' : undefined}
      tabIndex={active ? 0 : -1}
      aria-label={active ? `${CARET_LABEL} (${where}). Dùng phím mũi tên lên, xuống để di chuyển.` : `Đặt bảng mới ${where}`}
      aria-current={active ? 'location' : undefined}
      onClick={props.onPick}
      onKeyDown={props.onKey}
    >
      {active && (
        <span className={styles.caretLabel} aria-hidden="true">
          {CARET_LABEL}
        </span>
      )}
    </button>
  );
}

const Paragraph = memo(function Paragraph({ p, styles }: { p: PreviewParagraph; styles: Styles }) {
  const align = p.align === 'both' ? 'justify' : p.align === 'center' || p.align === 'right' ? p.align : undefined;
  return (
    <p
      className={mergeClasses(styles.paragraph, p.floating && styles.floating)}
      style={{ fontWeight: p.bold ? 700 : undefined, fontStyle: p.italic ? 'italic' : undefined, textAlign: align }}
    >
      {p.text}
    </p>
  );
});

/** Whether a cell is selected: itself, or its whole row (a location without a cell). */
function sameCell(a: CellLocation | undefined, table: number, row: number, cell: number): boolean {
  return !!a && a.table === table && a.row === row && (a.cell === undefined || a.cell === cell);
}

/** Move focus among the cells of a table with the arrow keys. */
function moveFocus(td: HTMLTableCellElement, key: string): boolean {
  const tr = td.parentElement as HTMLTableRowElement | null;
  if (!tr) return false;
  const cells = (row: Element | null) =>
    row
      ? Array.from(row.children).filter(
          (c): c is HTMLTableCellElement => c instanceof HTMLTableCellElement && c.dataset.cell !== undefined,
        )
      : [];
  let target: HTMLTableCellElement | undefined;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const list = cells(tr);
    target = list[list.indexOf(td) + (key === 'ArrowLeft' ? -1 : 1)];
  } else if (key === 'ArrowUp' || key === 'ArrowDown') {
    const col = Number(td.dataset.col);
    let row: Element | null = key === 'ArrowUp' ? tr.previousElementSibling : tr.nextElementSibling;
    while (row && !target) {
      target = cells(row).find((c) => col >= Number(c.dataset.col) && col < Number(c.dataset.col) + Number(c.colSpan));
      row = key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling;
    }
  }
  if (!target) return false;
  for (const c of Array.from(td.closest('table')?.querySelectorAll<HTMLElement>('[data-cell]') ?? [])) c.tabIndex = -1;
  target.tabIndex = 0;
  target.focus();
  return true;
}

function TableBlock(props: {
  block: number;
  table: PreviewTable;
  selected?: CellLocation;
  styles: Styles;
  onSelect: (loc: CellLocation) => void;
  edit: CellEditing;
}) {
  const { block, table, styles } = props;
  const ours = isOurTable(table);
  return (
    <div className={mergeClasses(styles.tableBlock, ours && styles.ourTable)} data-block={block}>
      {ours && (
        <div className={styles.controlLabel} aria-hidden="true">
          {table.title ?? 'Bảng của Cải tiến chất lượng'}
        </div>
      )}
      <div className={styles.tableScroll}>
        <HtmlTable {...props} />
      </div>
    </div>
  );
}

function HtmlTable({
  table,
  selected,
  styles,
  onSelect,
  edit,
}: {
  table: PreviewTable;
  selected?: CellLocation;
  styles: Styles;
  onSelect: (loc: CellLocation) => void;
  edit: CellEditing;
}) {
  // One tab stop per table: the selected cell, or the first one.
  const tabStop = useMemo(() => {
    for (const r of table.rows)
      for (const c of r.cells)
        if (c.index >= 0 && sameCell(selected, table.index, r.index, c.index)) return `${r.index}/${c.index}`;
    const r = table.rows.find((x) => x.cells.some((c) => c.index >= 0));
    const c = r?.cells.find((x) => x.index >= 0);
    return r && c ? `${r.index}/${c.index}` : '';
  }, [table, selected]);
  return (
    <table className={styles.table} role="grid" aria-label={table.title ?? `Bảng ${table.index + 1}`} data-table={table.index}>
      <ColumnWidths widths={table.widths} />
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.index}>
            {r.cells.map((c) => {
              if (c.index < 0) return <td key={`f${c.col}`} colSpan={c.colSpan} className={styles.filler} aria-hidden="true" />;
              const loc = { table: table.index, row: r.index, cell: c.index };
              const isSelected = sameCell(selected, table.index, r.index, c.index);
              const isEditing = !!edit.at && edit.at.table === table.index && edit.at.row === r.index && edit.at.cell === c.index;
              return (
                <td
                  key={c.index}
                  colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                  rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                  className={mergeClasses(styles.cell, r.header && styles.header, isSelected && styles.selected)}
                  data-cell={c.index}
                  data-col={c.col}
                  data-row={r.index}
                  tabIndex={tabStop === `${r.index}/${c.index}` ? 0 : -1}
                  aria-selected={isSelected}
                  onClick={(e) => {
                    e.stopPropagation();
                    if (!isEditing) onSelect(loc);
                  }}
                  onDoubleClick={(e) => {
                    e.stopPropagation();
                    if (!isEditing) edit.start(loc);
                  }}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget) return;
                    if (e.key === 'Enter' || e.key === 'F2') {
                      e.preventDefault();
                      edit.start(loc);
                    } else if (e.key === ' ') {
                      e.preventDefault();
                      onSelect(loc);
                    } else if (moveFocus(e.currentTarget, e.key)) e.preventDefault();
                  }}
                >
                  {isEditing
                    ? edit.render(loc, c.paragraphs.join('\n'))
                    : c.paragraphs.map((p, i) => (
                        <p key={i} className={styles.cellParagraph}>
                          {p}
                        </p>
                      ))}
                  {c.nested.map((n) => (
                    <HtmlTable key={n.index} table={n} selected={selected} styles={styles} onSelect={onSelect} edit={edit} />
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same cell (or row) of the same table. */
function sameLocation(a: CellLocation | undefined, b: CellLocation): boolean {
  return !!a && a.table === b.table && a.row === b.row && a.cell === b.cell;
}
