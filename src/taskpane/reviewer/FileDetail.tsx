/**
 * One file opened from the table: its findings (the pane's FindingList, read-only) beside a preview of
 * the file, read again from the folder by the worker. Clicking a finding highlights its cell.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { CellLocation } from '../../domain/backend';
import { IGNORED_HEADING, IGNORED_MARK } from '../../domain/vocabulary';
import { FindingList } from '../check/FindingList';
import { groupFindings, locationText } from '../check/view';
import type { ReviewClient } from './client';
import { DocPreview } from './DocPreview';
import type { Detail, DetailFinding } from './protocol';
import type { FileRow } from './rows';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  top: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  split: {
    display: 'grid',
    gap: '16px',
    gridTemplateColumns: 'minmax(300px, 420px) 1fr',
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr' },
  },
  findings: { overflowY: 'auto', maxHeight: '75vh', paddingRight: '4px' },
  doc: { overflow: 'auto', maxHeight: '75vh', backgroundColor: tokens.colorNeutralBackground3, padding: '12px' },
  small: { color: tokens.colorNeutralForeground2 },
  ignoredList: { margin: '4px 0 0', paddingLeft: '20px' },
  failure: { color: tokens.colorPaletteRedForeground1 },
});

export function FileDetail({ client, row, onClose }: { client: ReviewClient; row: FileRow; onClose: () => void }) {
  const styles = useStyles();
  const [detail, setDetail] = useState<Detail>();
  const [selected, setSelected] = useState<CellLocation>();
  useEffect(() => {
    let live = true;
    setDetail(undefined);
    setSelected(undefined);
    client.request({ type: 'detail', index: row.index }).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setDetail({ ok: false, reason: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, row.index]);
  const groups = useMemo(() => (detail?.ok ? groupFindings(detail.findings) : []), [detail]);

  return (
    <section className={styles.root} aria-labelledby="detail-heading" data-testid="file-detail">
      <div className={styles.top}>
        <Button icon={<ArrowLeftRegular />} onClick={onClose} data-testid="close-detail">
          Quay lại bảng
        </Button>
        <h2 id="detail-heading" className={styles.heading}>
          {row.school || row.path}
          <Text className={styles.small} size={300}>
            {' '}
            — {row.kind}
            {row.year ? `, năm học ${row.year}` : ''} — {row.path}
          </Text>
        </h2>
      </div>
      {!detail && <Spinner size="small" label="Đang đọc lại tệp…" />}
      {detail && !detail.ok && (
        <Text role="alert" className={styles.failure}>
          Không đọc được tệp: {detail.reason}
        </Text>
      )}
      {detail?.ok && (
        <div className={styles.split}>
          <div className={styles.findings} data-testid="detail-findings">
            {row.coverage && (
              <Text block>
                Đã báo cáo {row.coverage} tiêu chí{row.plan ? `; kế hoạch đối chiếu: ${row.plan}` : ''}.
              </Text>
            )}
            {groups.length ? (
              <FindingList groups={groups} headingLevel={3} onSelect={(f) => setSelected((f as DetailFinding).selection)} />
            ) : (
              <Text>Không thấy lỗi nào trong tệp này.</Text>
            )}
            {detail.ignored.length > 0 && (
              <div data-testid="detail-ignored">
                <h3>
                  {IGNORED_HEADING} ({detail.ignored.length} mục, không tính vào số lỗi)
                </h3>
                <ul className={styles.ignoredList}>
                  {detail.ignored.map((f) => (
                    <li key={f.id}>
                      <Text size={200}>
                        {f.message} {locationText(f.location) && `(${locationText(f.location)}) `}
                        <span className={styles.small}>({IGNORED_MARK})</span>
                      </Text>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <div className={styles.doc}>
            <DocPreview blocks={detail.blocks} selected={selected} name={row.path} />
          </div>
        </div>
      )}
    </section>
  );
}
