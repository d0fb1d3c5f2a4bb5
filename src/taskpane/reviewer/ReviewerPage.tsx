/**
 * The reviewer's page (reviewer.html): a Phòng's reviewer drops a folder or a .zip of the schools'
 * files; the worker reads and checks them (nothing leaves the computer) while a progress bar moves;
 * then one table of the files, the matrix of criteria, the pairing of reports with plans, and the
 * exports. A file opened from the table shows its findings beside a preview.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Button,
  FluentProvider,
  makeStyles,
  mergeClasses,
  ProgressBar,
  shorthands,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular, FolderOpenRegular, LockClosedRegular } from '@fluentui/react-icons';
import type { ReviewProgress } from '../../app/review';
import type { RunView } from '../../app/review-session';
import { ReviewClient } from './client';
import { fromDrop, fromInput, type Picked } from './drop';
import { Exports } from './Exports';
import { FileDetail } from './FileDetail';
import { FileTable } from './FileTable';
import { Matrix } from './Matrix';
import { Pairing } from './Pairing';
import { Tabs, type TabItem } from '../Tabs';
import { fileRows, runSummary } from './rows';

const useStyles = makeStyles({
  app: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: '4px 16px',
    padding: '12px 24px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  main: { padding: '16px 24px', display: 'flex', flexDirection: 'column', gap: '12px' },
  privacy: { display: 'flex', alignItems: 'center', gap: '6px', color: tokens.colorNeutralForeground2 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: '10px',
    padding: '24px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: 'center',
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px', justifyContent: 'center' },
  hidden: { display: 'none' },
  progress: { display: 'flex', flexDirection: 'column', gap: '4px' },
  bad: { margin: '4px 0 0', paddingLeft: '20px' },
  badPath: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  failure: { color: tokens.colorPaletteRedForeground1 },
  panel: { paddingTop: '8px' },
});

type View = 'files' | 'matrix' | 'pairing' | 'exports';

const TABS: readonly TabItem<View>[] = [
  { id: 'files', label: 'Bảng các trường' },
  { id: 'matrix', label: 'Tiêu chí' },
  { id: 'pairing', label: 'Ghép báo cáo với kế hoạch' },
  { id: 'exports', label: 'Tải về' },
];

const PHASES: Readonly<Record<ReviewProgress['phase'], string>> = {
  check: 'Đang đọc và kiểm tra',
  plans: 'Đang đối chiếu báo cáo với kế hoạch',
};

export function ReviewerPage() {
  const styles = useStyles();
  const folderInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const client = useRef<ReviewClient>();
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<ReviewProgress>();
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<RunView>();
  const [failure, setFailure] = useState<string>();
  const [view, setView] = useState<View>('files');
  const [open, setOpen] = useState<number>();
  const [pairing, setPairing] = useState(false);
  const rows = useMemo(() => (run ? fileRows(run) : []), [run]);

  useEffect(() => () => client.current?.close(), []);

  // The folder picker: webkitdirectory is not in React's typings.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const start = async (picked: Picked) => {
    if (!picked.files.length && !picked.zips.length) return;
    client.current?.close();
    const c = new ReviewClient();
    client.current = c;
    c.onProgress = setProgress;
    setRun(undefined);
    setOpen(undefined);
    setFailure(undefined);
    setProgress(undefined);
    setRunning(true);
    try {
      setRun(await c.request({ type: 'start', files: picked.files, zips: picked.zips }));
      setView('files');
    } catch (e) {
      setFailure(`Không đọc được các tệp: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRunning(false);
      setProgress(undefined);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (running) return;
    void fromDrop(e.dataTransfer).then(start, (err: unknown) => setFailure(`Không đọc được thư mục đã thả: ${String(err)}`));
  };

  const onPair = (report: number, plan: number | null) => {
    if (!client.current) return;
    setPairing(true);
    client.current
      .request({ type: 'pair', report, plan })
      .then(setRun, (e: unknown) => setFailure(`Không ghép được: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setPairing(false));
  };

  const bad = run ? rows.filter((r) => r.reason) : [];
  const openRow = open === undefined ? undefined : rows[open];

  return (
    <FluentProvider theme={webLightTheme} className={styles.app} lang="vi">
      <header className={styles.header}>
        <h1 className={styles.title}>Tổng hợp hồ sơ cải tiến chất lượng của các trường</h1>
        <a href="taskpane.html">Về trang soạn thảo</a>
      </header>
      <main className={styles.main}>
        <Text className={styles.privacy} data-testid="privacy">
          <LockClosedRegular aria-hidden="true" />
          Các tệp chỉ được đọc ngay trong trình duyệt trên máy này: không tệp nào được tải lên mạng, không tệp nào bị thay đổi.
        </Text>
        <div
          className={mergeClasses(styles.drop, over && styles.dropActive)}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <Text weight="semibold">Kéo thả vào đây thư mục hồ sơ của các trường, hoặc một tệp .zip</Text>
          <Text size={200}>
            Mọi tệp .docx trong thư mục và các thư mục con được kiểm tra; báo cáo được ghép với kế hoạch cùng trường, cùng năm
            học.
          </Text>
          <div className={styles.buttons}>
            <Button
              icon={<FolderOpenRegular />}
              appearance="primary"
              disabled={running}
              onClick={() => folderInput.current?.click()}
            >
              Chọn thư mục…
            </Button>
            <Button icon={<DocumentArrowUpRegular />} disabled={running} onClick={() => fileInput.current?.click()}>
              Chọn tệp .zip hoặc .docx…
            </Button>
          </div>
          <input
            ref={folderInput}
            className={styles.hidden}
            type="file"
            multiple
            aria-label="Chọn thư mục hồ sơ"
            data-testid="folder-input"
            onChange={(e) => {
              const picked = fromInput(e.target.files ?? []);
              e.target.value = '';
              void start(picked);
            }}
          />
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            multiple
            accept=".zip,.docx,application/zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label="Chọn tệp .zip hoặc .docx"
            data-testid="file-input"
            onChange={(e) => {
              const picked = fromInput(e.target.files ?? []);
              e.target.value = '';
              void start(picked);
            }}
          />
        </div>
        <div aria-live="polite" className={styles.progress}>
          {running && (
            <>
              <Text data-testid="progress-text">
                {progress
                  ? `${PHASES[progress.phase]} ${progress.done}/${progress.total} tệp — ${progress.path}`
                  : 'Đang mở các tệp…'}
              </Text>
              <ProgressBar
                value={progress ? progress.done / Math.max(1, progress.total) : undefined}
                aria-label="Tiến độ kiểm tra"
                data-testid="progress"
              />
            </>
          )}
          {failure && (
            <Text role="alert" className={styles.failure}>
              {failure}
            </Text>
          )}
          {run && !running && <Text data-testid="run-summary">{runSummary(rows, run.skipped.length)}</Text>}
        </div>
        {run && !running && client.current && (
          <>
            {openRow ? (
              <FileDetail client={client.current} row={openRow} onClose={() => setOpen(undefined)} />
            ) : (
              <>
                <Tabs items={TABS} selected={view} onSelect={setView} label="Các phần của bảng tổng hợp" />
                <div className={styles.panel} role="tabpanel" id="panel" aria-labelledby={`tab-${view}`}>
                  {view === 'files' && <FileTable rows={rows} onOpen={setOpen} />}
                  {view === 'matrix' && <Matrix run={run} />}
                  {view === 'pairing' && <Pairing run={run} busy={pairing} onPair={onPair} />}
                  {view === 'exports' && <Exports client={client.current} run={run} />}
                </div>
              </>
            )}
            {(bad.length > 0 || run.skipped.length > 0) && !openRow && (
              <details data-testid="bad-files">
                <summary>
                  {bad.length} tệp không đọc được, {run.skipped.length} tệp khác bỏ qua (bấm để xem lý do)
                </summary>
                <ul className={styles.bad}>
                  {bad.map((r) => (
                    <li key={`b${r.index}`} data-testid="bad-file">
                      <span className={styles.badPath}>{r.path}</span>: {r.reason}
                    </li>
                  ))}
                  {run.skipped.map((s) => (
                    <li key={`s${s.path}`} data-testid="skipped-file">
                      <span className={styles.badPath}>{s.path}</span>: {s.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
