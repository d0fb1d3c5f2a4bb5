/**
 * "Kiểm tra tệp khác": the reviewer picks one or several .docx files (the schools' plans and reports),
 * each is checked with the same checker, and a summary table shows one row per file — school, school
 * type, year, kind, counts — with the findings on expand. A file that cannot be read gets its reason in
 * Vietnamese and the run goes on. Nothing is written to any file.
 */
import { IGNORED_HEADING, IGNORED_MARK } from '../../domain/vocabulary';
import { Fragment, useId, useRef, useState, type ChangeEvent } from 'react';
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, DocumentMultipleRegular } from '@fluentui/react-icons';
import { FindingList } from './FindingList';
import { reviewRow, reviewSummary, unreadableRow, type ReviewRow } from './view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  small: { color: tokens.colorNeutralForeground2 },
  hidden: { display: 'none' },
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  th: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    padding: '4px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: 'bottom',
  },
  td: { padding: '4px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  errorCount: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  file: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, overflowWrap: 'break-word' },
  fileButton: {
    minWidth: 0,
    padding: '0 2px',
    justifyContent: 'flex-start',
    textAlign: 'left',
    whiteSpace: 'normal',
    overflowWrap: 'break-word',
    fontWeight: tokens.fontWeightSemibold,
  },
  sub: { display: 'block', color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: 'nowrap' },
  unreadable: { color: tokens.colorPaletteRedForeground1 },
  details: { padding: '8px 6px 12px', backgroundColor: tokens.colorNeutralBackground2 },
  ignoredList: { margin: '4px 0 0', paddingLeft: '20px' },
});

/** Read and check the files one after another (the page stays responsive between them). */
async function checkAll(files: readonly File[], progress: (done: number) => void): Promise<ReviewRow[]> {
  const [{ checkFile }, { parseXmlDom }] = await Promise.all([
    import(/* webpackChunkName: "check-files" */ './files'),
    import(/* webpackChunkName: "check-files" */ '../../xml/dom'),
  ]);
  const rows: ReviewRow[] = [];
  for (const file of files) {
    const r = await checkFile(file, parseXmlDom);
    rows.push(r.ok ? reviewRow(r.name, r.result) : unreadableRow(r.name, r.reason));
    progress(rows.length);
    await new Promise((ok) => setTimeout(ok, 0));
  }
  return rows;
}

export function Reviewer() {
  const styles = useStyles();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<ReviewRow[]>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [failure, setFailure] = useState<string>();

  const onFiles = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (!files.length) return;
    setFailure(undefined);
    setRows(undefined);
    setOpen(new Set());
    setProgress({ done: 0, total: files.length });
    try {
      setRows(await checkAll(files, (done) => setProgress({ done, total: files.length })));
    } catch {
      setFailure('Không tải được phần đọc tệp. Hãy kiểm tra kết nối rồi thử lại.');
    } finally {
      setProgress(undefined);
    }
  };

  const toggle = (i: number): void =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(i)) n.delete(i);
      else n.add(i);
      return n;
    });

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="reviewer">
      <h2 id={headingId} className={styles.heading}>
        Kiểm tra tệp khác
      </h2>
      <Text size={200} className={styles.small}>
        Chọn một hoặc nhiều tệp .docx (kế hoạch, báo cáo của các trường) để kiểm tra cùng lúc. Các tệp chỉ được đọc, không bị thay
        đổi.
      </Text>
      <Text size={200}>
        Cả thư mục hồ sơ của nhiều trường (bảng tổng hợp, ma trận tiêu chí, phiếu nhận xét):{' '}
        <a href="reviewer.html" target="_blank" rel="noopener" data-testid="reviewer-page-link">
          mở trang tổng hợp toàn màn hình
        </a>
        .
      </Text>
      <div>
        <Button icon={<DocumentMultipleRegular />} disabled={!!progress} onClick={() => input.current?.click()}>
          Kiểm tra tệp khác…
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label="Chọn các tệp .docx cần kiểm tra"
          data-testid="review-files"
          onChange={(e) => void onFiles(e)}
        />
      </div>
      <div aria-live="polite">
        {progress && (
          <Spinner size="tiny" labelPosition="after" label={`Đang kiểm tra ${progress.done}/${progress.total} tệp…`} />
        )}
        {failure && <Text className={styles.unreadable}>{failure}</Text>}
        {rows && (
          <Text size={200} data-testid="review-summary">
            {reviewSummary(rows)}
          </Text>
        )}
      </div>
      {rows && rows.length > 0 && (
        <div className={styles.scroll} role="region" aria-label="Bảng tổng hợp các tệp" tabIndex={0}>
          <table className={styles.table} data-testid="review-table">
            <thead>
              <tr>
                <th className={styles.th} scope="col">
                  Tệp, loại văn bản
                </th>
                <th className={styles.th} scope="col">
                  Trường, năm học
                </th>
                <th className={`${styles.th} ${styles.num} ${styles.nowrap}`} scope="col">
                  Lỗi
                </th>
                <th className={`${styles.th} ${styles.num} ${styles.nowrap}`} scope="col">
                  Cảnh báo
                </th>
                <th className={`${styles.th} ${styles.num} ${styles.nowrap}`} scope="col">
                  Gợi ý
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <Fragment key={i}>
                  <tr data-testid="review-row" data-ok={r.ok ? 'true' : 'false'}>
                    <th className={`${styles.td} ${styles.file}`} scope="row">
                      {r.ok ? (
                        <Button
                          appearance="transparent"
                          size="small"
                          className={styles.fileButton}
                          icon={open.has(i) ? <ChevronDownRegular /> : <ChevronRightRegular />}
                          aria-expanded={open.has(i)}
                          aria-controls={open.has(i) ? `${headingId}-details-${i}` : undefined}
                          onClick={() => toggle(i)}
                          data-field="name"
                        >
                          {r.name}
                        </Button>
                      ) : (
                        <span data-field="name">{r.name}</span>
                      )}
                      {r.ok && (
                        <span className={styles.sub} data-field="kind">
                          {r.kind}
                        </span>
                      )}
                    </th>
                    {r.ok ? (
                      <>
                        <td className={styles.td}>
                          <span data-field="school">{r.school}</span>
                          <span className={styles.sub}>
                            <span data-field="school-type">{r.schoolType}</span>
                            {' · '}
                            <span data-field="year" className={styles.nowrap}>
                              {r.year}
                            </span>
                          </span>
                        </td>
                        <td
                          className={`${styles.td} ${styles.num} ${r.counts.error ? styles.errorCount : ''}`}
                          data-field="error"
                        >
                          {r.counts.error}
                        </td>
                        <td className={`${styles.td} ${styles.num}`} data-field="warning">
                          {r.counts.warning}
                        </td>
                        <td className={`${styles.td} ${styles.num}`} data-field="info">
                          {r.counts.info}
                        </td>
                      </>
                    ) : (
                      <td className={`${styles.td} ${styles.unreadable}`} colSpan={4} data-testid="review-unreadable">
                        Không đọc được: {r.reason}
                      </td>
                    )}
                  </tr>
                  {r.ok && open.has(i) && (
                    <tr id={`${headingId}-details-${i}`}>
                      <td className={styles.details} colSpan={5}>
                        {r.groups.length ? (
                          <FindingList groups={r.groups} headingLevel={4} />
                        ) : (
                          <Text size={200}>Không thấy lỗi nào trong tệp này.</Text>
                        )}
                        {r.ignored > 0 && (
                          <div data-testid="review-ignored">
                            <Text size={200} weight="semibold">
                              {IGNORED_HEADING} ({r.ignored} mục, không tính vào số lỗi):
                            </Text>
                            <ul className={styles.ignoredList}>
                              {r.ignoredFindings.map((f) => (
                                <li key={f.id}>
                                  <Text size={200}>
                                    {f.message} <span className={styles.small}>({IGNORED_MARK})</span>
                                  </Text>
                                </li>
                              ))}
                            </ul>
                          </div>
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
