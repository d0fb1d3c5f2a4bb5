/**
 * Reports and the plans they are compared with: first paired exactly as `ctcl check --plan-dir` pairs
 * them, each correctable by hand (a select per report; the report is then checked again).
 */
import { makeStyles, Select, tokens } from '@fluentui/react-components';
import type { RunView } from '../../app/review-session';
import { planMethodLabel } from '../../domain/check/report';
import { schoolOf } from '../../domain/review';

const useStyles = makeStyles({
  scroll: { overflow: 'auto', maxHeight: '70vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: 'left',
    padding: '6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: '4px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
  },
  select: { minWidth: '280px', maxWidth: '520px' },
  alone: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function Pairing({
  run,
  busy,
  onPair,
}: {
  run: RunView;
  busy: boolean;
  onPair: (report: number, plan: number | null) => void;
}) {
  const styles = useStyles();
  const reports = run.outcomes.flatMap((o, i) => (!o.report.error && o.report.documentKind === 'report' ? [i] : []));
  const planOf = new Map(run.pairing.pairs.map((p) => [p.report, p]));
  const label = (i: number) => {
    const r = run.outcomes[i].report;
    return [schoolOf(r), r.schoolYear, r.path].filter(Boolean).join(' · ');
  };
  if (!reports.length) return <p>Không có báo cáo nào để ghép với kế hoạch.</p>;
  return (
    <div>
      <p>
        Mỗi báo cáo được ghép với kế hoạch cùng trường, cùng năm học (như lệnh «ctcl check --plan-dir»); nếu ghép sai, hãy chọn
        lại kế hoạch: báo cáo được kiểm tra lại ngay.{' '}
        {run.pairing.unpairedPlans.length > 0 && `${run.pairing.unpairedPlans.length} kế hoạch chưa có báo cáo.`}
      </p>
      <div className={styles.scroll} role="region" aria-label="Ghép báo cáo với kế hoạch" tabIndex={0}>
        <table className={styles.table} data-testid="pairing">
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                Báo cáo
              </th>
              <th className={styles.th} scope="col">
                Kế hoạch đối chiếu
              </th>
              <th className={styles.th} scope="col">
                Cách ghép
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((i) => {
              const pair = planOf.get(i);
              return (
                <tr key={i} data-testid="pair-row" data-index={i}>
                  <th scope="row" className={styles.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>
                    {label(i)}
                  </th>
                  <td className={styles.td}>
                    <Select
                      className={styles.select}
                      aria-label={`Kế hoạch đối chiếu cho ${label(i)}`}
                      value={pair ? String(pair.plan) : ''}
                      disabled={busy}
                      onChange={(_, d) => onPair(i, d.value === '' ? null : Number(d.value))}
                      data-testid="pair-select"
                    >
                      <option value="">— Không đối chiếu kế hoạch —</option>
                      {run.plans.map((p) => (
                        <option key={p} value={String(p)}>
                          {label(p)}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className={`${styles.td} ${pair ? '' : styles.alone}`} data-field="method">
                    {pair ? planMethodLabel(pair.method) : 'Báo cáo chưa có kế hoạch'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
