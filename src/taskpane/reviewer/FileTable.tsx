/**
 * The table of the files: one row per file, sortable by any column (a button in each heading,
 * aria-sort on it), filtered by words, kind and «chỉ tệp có lỗi». A row's file name opens its findings
 * beside a preview.
 */
import { useId, useMemo, useState } from 'react';
import { Checkbox, Input, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { IGNORED_MARK } from '../../domain/vocabulary';
import {
  filterRows,
  KIND_FILTER_LABELS,
  NO_FILTER,
  sortRows,
  type FileRow,
  type Filter,
  type KindFilter,
  type Sort,
  type SortKey,
} from './rows';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end', marginBottom: '8px' },
  field: { display: 'flex', flexDirection: 'column', gap: '2px' },
  label: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  scroll: {
    overflow: 'auto',
    maxHeight: '70vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  th: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: 'left',
    padding: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: 'bottom',
  },
  sortButton: {
    display: 'flex',
    alignItems: 'center',
    gap: '2px',
    width: '100%',
    padding: '6px',
    border: 'none',
    background: 'transparent',
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  td: { padding: '4px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  errorCount: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  open: {
    padding: 0,
    border: 'none',
    background: 'transparent',
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    textAlign: 'left',
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  sub: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  unreadable: { color: tokens.colorPaletteRedForeground1 },
  ignored: { color: tokens.colorNeutralForeground2, fontStyle: 'italic', whiteSpace: 'nowrap' },
  current: { backgroundColor: tokens.colorBrandBackground2 },
});

const COLUMNS: readonly { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'school', label: 'Trường' },
  { key: 'schoolType', label: 'Loại trường' },
  { key: 'year', label: 'Năm học' },
  { key: 'kind', label: 'Loại văn bản' },
  { key: 'error', label: 'Lỗi', num: true },
  { key: 'warning', label: 'Cảnh báo', num: true },
  { key: 'info', label: 'Gợi ý', num: true },
  { key: 'coverage', label: 'Đã báo cáo / kế hoạch', num: true },
  { key: 'plan', label: 'Kế hoạch đối chiếu' },
  { key: 'ignored', label: 'Trường đã bỏ qua', num: true },
  { key: 'path', label: 'Tệp' },
];

export function FileTable({
  rows,
  current,
  onOpen,
}: {
  rows: readonly FileRow[];
  current?: number;
  onOpen: (index: number) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const [sort, setSort] = useState<Sort>({ key: 'path', descending: false });
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);

  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: key === 'error' || key === 'warning' },
    );

  return (
    <div>
      <div className={styles.filters} role="search" aria-label="Lọc bảng các tệp">
        <div className={styles.field}>
          <label className={styles.label} htmlFor={`${id}-text`}>
            Tìm trường hoặc tệp
          </label>
          <Input
            id={`${id}-text`}
            value={filter.text}
            onChange={(_, d) => setFilter((f) => ({ ...f, text: d.value }))}
            data-testid="filter-text"
          />
        </div>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={`${id}-kind`}>
            Loại văn bản
          </label>
          <Select
            id={`${id}-kind`}
            value={filter.kind}
            onChange={(_, d) => setFilter((f) => ({ ...f, kind: d.value as KindFilter }))}
            data-testid="filter-kind"
          >
            {(Object.keys(KIND_FILTER_LABELS) as KindFilter[]).map((k) => (
              <option key={k} value={k}>
                {KIND_FILTER_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <Checkbox
          label="Chỉ tệp có lỗi"
          checked={filter.onlyErrors}
          onChange={(_, d) => setFilter((f) => ({ ...f, onlyErrors: !!d.checked }))}
          data-testid="filter-errors"
        />
        <span aria-live="polite" data-testid="shown-count">
          Đang hiện {shown.length}/{rows.length} tệp
        </span>
      </div>
      <div className={styles.scroll} role="region" aria-label="Bảng các trường" tabIndex={0}>
        <table className={styles.table} data-testid="file-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={styles.th}
                  scope="col"
                  aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" className={styles.sortButton} onClick={() => sortBy(c.key)} data-sort={c.key}>
                    {c.label}
                    {sort.key === c.key &&
                      (sort.descending ? <ArrowSortDownRegular aria-hidden="true" /> : <ArrowSortUpRegular aria-hidden="true" />)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.index}
                className={r.index === current ? styles.current : undefined}
                data-testid="file-row"
                data-index={r.index}
              >
                <td className={styles.td} data-field="school">
                  {r.school}
                </td>
                <td className={styles.td} data-field="school-type">
                  {r.schoolType}
                </td>
                <td className={mergeClasses(styles.td, styles.num)} data-field="year">
                  {r.year}
                </td>
                <td className={mergeClasses(styles.td, r.reason && styles.unreadable)} data-field="kind">
                  {r.kind}
                  {r.reason && <span className={styles.sub}>{r.reason}</span>}
                </td>
                <td className={mergeClasses(styles.td, styles.num, r.error > 0 && styles.errorCount)} data-field="error">
                  {r.reason ? '' : r.error}
                </td>
                <td className={mergeClasses(styles.td, styles.num)} data-field="warning">
                  {r.reason ? '' : r.warning}
                </td>
                <td className={mergeClasses(styles.td, styles.num)} data-field="info">
                  {r.reason ? '' : r.info}
                </td>
                <td className={mergeClasses(styles.td, styles.num)} data-field="coverage">
                  {r.coverage}
                </td>
                <td className={styles.td} data-field="plan">
                  {r.plan}
                </td>
                <td className={mergeClasses(styles.td, styles.num)} data-field="ignored">
                  {r.ignored > 0 && (
                    <span className={styles.ignored}>
                      {r.ignored} ({IGNORED_MARK})
                    </span>
                  )}
                </td>
                <td className={styles.td} data-field="path">
                  <button
                    type="button"
                    className={styles.open}
                    onClick={() => onOpen(r.index)}
                    aria-label={`Xem nhận xét của tệp ${r.path}`}
                    data-testid="open-file"
                  >
                    {r.path}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
