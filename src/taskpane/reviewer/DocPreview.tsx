/**
 * A read-only preview of a file under review: its paragraphs and tables (the standalone preview's
 * layout, src/taskpane/standalone/layout.ts), the cell a finding points at highlighted and scrolled into
 * view. Nothing here edits: the school's file is only read.
 */
import { memo, useEffect, useRef } from 'react';
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { CellLocation } from '../../domain/backend';
import type { PreviewBlock, PreviewTable } from '../standalone/layout';
import { ColumnWidths } from '../standalone/ColumnWidths';

const useStyles = makeStyles({
  page: {
    backgroundColor: '#fff',
    color: '#000',
    boxShadow: tokens.shadow8,
    padding: '24px 32px 32px 40px',
    fontFamily: '"Times New Roman", Times, serif',
    fontSize: '14px',
    lineHeight: 1.3,
    boxSizing: 'border-box',
    minWidth: 0,
  },
  paragraph: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minHeight: '1.3em' },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: '12px', margin: '4px 0' },
  cell: { ...shorthands.border('1px', 'solid', '#000'), padding: '2px 4px', verticalAlign: 'top', overflowWrap: 'anywhere' },
  header: { fontWeight: 700, textAlign: 'center', verticalAlign: 'middle' },
  filler: { border: 'none' },
  selected: { backgroundColor: '#fff4ce', boxShadow: `inset 0 0 0 3px ${tokens.colorPaletteDarkOrangeBorderActive}` },
  cellParagraph: { margin: 0, whiteSpace: 'pre-wrap', minHeight: '1.2em' },
});

type Styles = ReturnType<typeof useStyles>;

function isSelected(s: CellLocation | undefined, table: number, row: number, cell: number): boolean {
  return !!s && s.table === table && s.row === row && (s.cell === undefined || s.cell === cell);
}

export function DocPreview({
  blocks,
  selected,
  name,
}: {
  blocks: readonly PreviewBlock[];
  selected?: CellLocation;
  name: string;
}) {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    const cell = selected.cell === undefined ? '' : `[data-cell="${selected.cell}"]`;
    root.current
      ?.querySelector(`table[data-table="${selected.table}"] > tbody > tr > td[data-row="${selected.row}"]${cell}`)
      ?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selected]);
  return (
    <div
      ref={root}
      className={styles.page}
      lang="vi"
      role="region"
      aria-label={`Xem trước tệp ${name}`}
      tabIndex={0}
      data-testid="review-preview"
    >
      {blocks.map((b) =>
        b.kind === 'paragraph' ? (
          <div key={b.block}>
            {b.paragraphs.length ? (
              b.paragraphs.map((p, i) => (
                <p
                  key={i}
                  className={styles.paragraph}
                  style={{
                    fontWeight: p.bold ? 700 : undefined,
                    fontStyle: p.italic ? 'italic' : undefined,
                    textAlign: p.align === 'both' ? 'justify' : p.align === 'center' || p.align === 'right' ? p.align : undefined,
                  }}
                >
                  {p.text}
                </p>
              ))
            ) : (
              <p className={styles.paragraph} />
            )}
          </div>
        ) : (
          <Table key={b.block} table={b.table} selected={selected} styles={styles} />
        ),
      )}
    </div>
  );
}

const Table = memo(function Table({ table, selected, styles }: { table: PreviewTable; selected?: CellLocation; styles: Styles }) {
  return (
    <table className={styles.table} aria-label={table.title ?? `Bảng ${table.index + 1}`} data-table={table.index}>
      <ColumnWidths widths={table.widths} />
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.index}>
            {r.cells.map((c) =>
              c.index < 0 ? (
                <td key={`f${c.col}`} colSpan={c.colSpan} className={styles.filler} aria-hidden="true" />
              ) : (
                <td
                  key={c.index}
                  colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                  rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                  className={mergeClasses(
                    styles.cell,
                    r.header && styles.header,
                    isSelected(selected, table.index, r.index, c.index) && styles.selected,
                  )}
                  data-cell={c.index}
                  data-row={r.index}
                  data-selected={isSelected(selected, table.index, r.index, c.index) ? 'true' : undefined}
                >
                  {c.paragraphs.map((p, i) => (
                    <p key={i} className={styles.cellParagraph}>
                      {p}
                    </p>
                  ))}
                  {c.nested.map((n) => (
                    <Table key={n.index} table={n} selected={selected} styles={styles} />
                  ))}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
