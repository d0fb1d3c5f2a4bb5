/**
 * The matrix school × criterion, one table per framework and school type (a TT17 «1.5» is not a TT19
 * «1.5»), with the workbook's words and colours for each status (src/domain/review: matrixCell). A Thông
 * tư 57 plan (Biểu 2) is shown by problem and item status, its mandatory criteria without a problem or an
 * item marked.
 */
import { useMemo } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { RunView } from '../../app/review-session';
import {
  CRITERION_STATUS_LABELS,
  kindOf,
  matrixCell,
  matrixGroups,
  plan2026Facts,
  PLAN2026_STATUS_COLORS,
  PLAN2026_STATUS_LABELS,
  PLAN2026_STATUS_MEANINGS,
  schoolOf,
  STATUS_COLORS,
  type Plan2026Status,
} from '../../domain/review';
import type { CriterionStatus } from '../../domain/check/report';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '20px' },
  heading: { margin: '0 0 4px', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  legend: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: 0, padding: 0, listStyleType: 'none' },
  meanings: { marginTop: '4px', fontSize: tokens.fontSizeBase200 },
  legendTitle: { margin: '4px 0', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  swatch: { padding: '2px 8px', border: `1px solid ${tokens.colorNeutralStroke2}`, color: '#000' },
  scroll: {
    overflow: 'auto',
    maxHeight: '70vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    verticalAlign: 'bottom',
    padding: '4px',
    minWidth: '84px',
    maxWidth: '110px',
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'left',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  code: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  mandatory: { display: 'block', fontSize: tokens.fontSizeBase100, fontStyle: 'italic' },
  title: {
    display: 'block',
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground2,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: '4px 6px',
    minWidth: '220px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 2, minWidth: '220px' },
  sub: { display: 'block', color: tokens.colorNeutralForeground2 },
  cell: {
    padding: '2px 4px',
    textAlign: 'center',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    color: '#000',
    whiteSpace: 'nowrap',
  },
  detail: { display: 'block', fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
});

export function Matrix({ run }: { run: RunView }) {
  const styles = useStyles();
  const groups = useMemo(() => matrixGroups(run), [run]);
  if (!groups.length) return <p>Không có kế hoạch hay báo cáo nào đọc được.</p>;
  // The 2018-style words are explained when some row uses them (a file that is not a Biểu 2 plan).
  const hasOther = groups.some((g) => g.rows.some((i) => !run.outcomes[i].plan2026));
  return (
    <div className={styles.root} data-testid="matrix">
      <div>
        {hasOther && (
          <ul className={styles.legend} aria-label="Chú giải">
            {(Object.keys(CRITERION_STATUS_LABELS) as CriterionStatus[]).map((s) => (
              <li key={s} className={styles.swatch} style={{ backgroundColor: `#${STATUS_COLORS[s]}` }}>
                {CRITERION_STATUS_LABELS[s]}
              </li>
            ))}
            <li className={styles.swatch}>Ô trống: tệp không nhắc đến tiêu chí</li>
          </ul>
        )}
        {groups.some((g) => g.plans2026) && (
          <>
            <p className={styles.legendTitle} id="legend-2026">
              Kế hoạch theo Biểu 2 (Thông tư 57/2026): tình trạng của tiêu chí, các vấn đề ở mục IV («VĐ 1, 3») và số nội dung cải
              tiến ở mục V gắn với tiêu chí
            </p>
            <ul className={styles.legend} aria-labelledby="legend-2026" data-testid="legend-2026">
              {(Object.keys(PLAN2026_STATUS_LABELS) as Plan2026Status[]).map((s) => (
                <li key={s} className={styles.swatch} style={{ backgroundColor: `#${PLAN2026_STATUS_COLORS[s]}` }}>
                  {PLAN2026_STATUS_LABELS[s]}
                </li>
              ))}
            </ul>
            <details className={styles.meanings}>
              <summary>Ý nghĩa các ô của kế hoạch theo Biểu 2</summary>
              <ul>
                {(Object.keys(PLAN2026_STATUS_LABELS) as Plan2026Status[]).map((s) => (
                  <li key={s}>
                    «{PLAN2026_STATUS_LABELS[s]}»: {PLAN2026_STATUS_MEANINGS[s]}.
                  </li>
                ))}
              </ul>
            </details>
          </>
        )}
      </div>
      {groups.map((g) => (
        <section key={g.label} aria-label={`Tình trạng tiêu chí — ${g.label}`} data-testid="matrix-group" data-label={g.label}>
          <h3 className={styles.heading}>
            {g.label} — {g.rows.length} tệp
          </h3>
          <div className={styles.scroll} role="region" aria-label={`Bảng tiêu chí ${g.label}`} tabIndex={0}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={`${styles.colHead} ${styles.corner}`}>
                    Trường, tệp
                  </th>
                  {g.columns.map((c) => (
                    <th key={c.key} scope="col" className={styles.colHead} data-key={c.key}>
                      <span className={styles.code}>{c.key.startsWith('M4.') ? `Mức 4 (${c.key.slice(3)})` : c.key}</span>
                      {c.title && <span className={styles.title}>{c.title}</span>}
                      {c.mandatory && <span className={styles.mandatory}>bắt buộc</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {g.rows.map((i) => {
                  const o = run.outcomes[i];
                  return (
                    <tr key={i} data-testid="matrix-row" data-index={i}>
                      <th scope="row" className={styles.rowHead}>
                        {schoolOf(o.report) || o.report.path}
                        <span className={styles.sub}>
                          {kindOf(o.report)}
                          {o.report.schoolYear ? ` · ${o.report.schoolYear}` : ''}
                        </span>
                        {o.plan2026 &&
                          plan2026Facts(o.plan2026).map((f) => (
                            <span key={f} className={styles.sub} data-field="plan2026">
                              {f}
                            </span>
                          ))}
                      </th>
                      {g.columns.map((c) => {
                        const cell = matrixCell(o, c);
                        return (
                          <td
                            key={c.key}
                            className={styles.cell}
                            style={cell ? { backgroundColor: `#${cell.color}` } : undefined}
                            data-key={c.key}
                            data-status={cell?.status}
                          >
                            {cell?.label}
                            {cell?.detail.map((d) => (
                              <span key={d} className={styles.detail}>
                                {d}
                              </span>
                            ))}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
