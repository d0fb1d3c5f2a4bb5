/**
 * The pane "Cải tiến chất lượng": feature tabs over one DocumentBackend. In standalone mode (a plain
 * browser) it also has the file toolbar and the document preview, loaded on demand.
 *
 *   App
 *   ├─ header: title, host status
 *   ├─ [standalone] Toolbar (lazy)           new / open / save
 *   └─ main
 *      ├─ tabs: Chèn bảng | Điền dòng | Kiểm tra | Năm học mới
 *      │   InsertPanel (first screen, eager); the others lazy chunks (src/taskpane/{rows,check,year})
 *      └─ [standalone] Preview (lazy)        the .docx body, caret and cell selection
 */
import { Component, Suspense, useEffect, useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  Badge,
  Button,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { startBackend, type Startup, type WordStartup } from './backend-factory';
import { InsertPanel } from './insert/InsertPanel';
import { CheckPanel, LAZY_PANELS, retryPanels, RowsPanel, YearPanel, type PanelId, type PanelProps } from './panels';
import { preloadAll, whenIdle } from './chunks';
import { CHUNK_FAILED, isChunkLoadError } from './error-text';
import { Tabs } from './Tabs';
import { setDocumentSource } from './NoticeBar';

type StandaloneModule = typeof import('./standalone');
type Session = InstanceType<StandaloneModule['StandaloneSession']>;
type SessionState = ReturnType<Session['getState']>;

const useStyles = makeStyles({
  // As tall as the spinner that may join it (extra-tiny, with its label), so the line does not jump.
  starting: { display: 'inline-flex', alignItems: 'center', minHeight: '20px' },
  app: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '12px 16px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  status: { color: tokens.colorNeutralForeground2 },
  toolbar: { padding: '8px 16px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { flex: '1 1 auto', display: 'flex', flexDirection: 'column', minHeight: 0 },
  pane: { padding: '0 16px', minWidth: 0 },
  doc: { backgroundColor: tokens.colorNeutralBackground3, padding: '16px', minWidth: 0 },
  wide: {
    '@media (min-width: 900px)': {
      display: 'grid',
      gridTemplateColumns: 'minmax(340px, 400px) 1fr',
      overflow: 'hidden',
    },
  },
  // Wide standalone page: header and toolbar stay, the form and the document scroll on their own.
  fixedHeight: { '@media (min-width: 900px)': { height: '100vh', overflow: 'hidden' } },
  scroll: { '@media (min-width: 900px)': { overflowY: 'auto' } },
});

/**
 * The theme's values are CSS variables on :root, written into taskpane.html at build time (webpack.config.js,
 * staticThemeCss: Fluent UI's light theme). The provider gets an empty theme: no style tag to build at start,
 * and the theme's tables stay out of the first screen's JavaScript.
 */
const STATIC_THEME = {};

const BLOCKED_SHORT = 'Phiên bản Word này chưa có WordApi 1.3 — xem hướng dẫn ở đầu khung.';

const noSubscribe = (): (() => void) => () => undefined;
const noState = (): undefined => undefined;

type Mode = { mode: 'detecting' } | Startup;

/** In the browser, in the commit that hydrated or drew the pane; at build time (prerender.tsx), never. */
const useStartEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** How long the start may take before it shows a spinner. */
const SPINNER_AFTER_MS = 800;

/**
 * «Đang mở…» while the pane finds out where it runs; the spinner joins it only when that takes a while. Most
 * starts are over before: a spinner drawn from the first frame on kept the main thread of a slow computer
 * busy with its animation while the pane started (about 13 % of the time to a usable form at 4x CPU
 * throttling, interleaved A/B). The first render has no spinner, so the page drawn at build time has none.
 */
function Starting({ label }: { label: string }) {
  const styles = useStyles();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SPINNER_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return slow ? (
    <Spinner size="extra-tiny" label={label} labelPosition="after" data-testid="connecting" />
  ) : (
    <span className={styles.starting} data-testid="connecting">
      {label}
    </span>
  );
}

interface AppProps {
  /** Called once the pane runs (after it hydrated the first screen the page came with, or first rendered). */
  readonly onStarted?: () => void;
}

export function App({ onStarted }: AppProps = {}) {
  const styles = useStyles();
  const [host, setHost] = useState<Mode>({ mode: 'detecting' });
  const [standalone, setStandalone] = useState<{ m: StandaloneModule; session: Session }>();
  const [loadError, setLoadError] = useState<string>();
  const [panel, setPanel] = useState<PanelId>('insert');
  /** There is a sign of Office: the start waits for Word (up to READY_TIMEOUT_MS). */
  const [waiting, setWaiting] = useState(false);
  /** Word answered after the pane had started standalone. */
  const [lateWord, setLateWord] = useState<WordStartup>();

  useStartEffect(() => onStarted?.(), [onStarted]);

  useEffect(() => {
    let live = true;
    startBackend({ onWaiting: () => live && setWaiting(true) }).then(
      (s) => live && setHost(s),
      (e: unknown) =>
        live &&
        setHost({
          mode: 'standalone',
          reason: `Không kết nối được với Word (${e instanceof Error ? e.message : String(e)}), nên chạy ở chế độ độc lập.`,
        }),
    );
    return () => {
      live = false;
    };
  }, []);

  /** Tries of the standalone page's document code (a failed download can be tried again). */
  const [standaloneTry, setStandaloneTry] = useState(0);
  useEffect(() => {
    if (host.mode !== 'standalone') return;
    let live = true;
    setLoadError(undefined);
    import(/* webpackChunkName: "standalone" */ './standalone').then(
      (m) => live && setStandalone({ m, session: new m.StandaloneSession() }),
      () =>
        live &&
        setLoadError('Không tải được phần soạn tài liệu: có thể mạng vừa bị ngắt. Hãy kiểm tra kết nối rồi bấm «Thử lại».'),
    );
    return () => {
      live = false;
    };
  }, [host.mode, standaloneTry]);

  // Once the first screen is up and the browser is idle, fetch the other tabs' code, so that they still
  // open if the network drops later.
  const started = host.mode !== 'detecting';
  useEffect(() => {
    if (!started) return;
    return whenIdle(() => {
      // data-ctcl-preloaded: how many chunks failed (diagnostics, and the tests wait for it).
      void preloadAll().then((failed) => document.documentElement.setAttribute('data-ctcl-preloaded', String(failed)));
    });
  }, [started]);

  useEffect(() => {
    if (host.mode !== 'standalone' || !host.late) return;
    let live = true;
    host.late.then(
      (w) => live && setLateWord(w),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const session = standalone?.session;
  const state: SessionState | undefined = useSyncExternalStore(
    session?.subscribe ?? noSubscribe,
    session?.getState ?? noState,
    noState,
  );
  // Notices belong to the document they were said about (NoticeBar): another document drops them.
  useEffect(() => {
    setDocumentSource(session && { epoch: () => session.getState().opened, subscribe: session.subscribe });
  }, [session]);

  // Word answered late: switch to it, unless a .docx opened meanwhile has unsaved changes (then the user decides).
  const dirty = !!state?.dirty;
  useEffect(() => {
    if (lateWord && !dirty) {
      setHost(lateWord);
      setLateWord(undefined);
    }
  }, [lateWord, dirty]);
  const isStandalone = host.mode === 'standalone';
  // The full explanation, with the standalone address, is at the top (OldWord); the panels say it briefly.
  const blocked = host.mode === 'word' && host.problem ? BLOCKED_SHORT : undefined;
  const backend = host.mode === 'word' ? host.backend : session;

  return (
    <FluentProvider theme={STATIC_THEME} className={mergeClasses(styles.app, isStandalone && styles.fixedHeight)} lang="vi">
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>Cải tiến chất lượng</h1>
          {isStandalone && (
            <Badge appearance="tint" color="informative" data-testid="mode">
              Chế độ độc lập
            </Badge>
          )}
          {host.mode === 'word' && (
            <Badge appearance="tint" color="success" data-testid="mode">
              Đã kết nối Word
            </Badge>
          )}
        </div>
        <Text size={200} className={styles.status} role="status">
          {host.mode === 'detecting' ? (
            <Starting label={waiting ? 'Đang kết nối với Word…' : 'Đang mở…'} />
          ) : isStandalone ? (
            `${host.reason} Bạn có thể tạo hoặc mở tệp .docx, chèn bảng, rồi bấm «Lưu» để tải tệp về.`
          ) : (
            'Chọn loại trường, năm học, mẫu bảng rồi bấm «Chèn bảng»: bảng được chèn tại vị trí con trỏ trong Word.'
          )}
        </Text>
        {lateWord && dirty && (
          <MessageBar intent="info" layout="multiline" data-testid="late-word">
            <MessageBarBody>
              Word đã kết nối. Tệp đang mở ở đây có thay đổi chưa lưu: hãy bấm «Lưu» nếu cần giữ, rồi chuyển sang làm việc với tài
              liệu trong Word.
            </MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  setHost(lateWord);
                  setLateWord(undefined);
                }}
              >
                Làm việc với Word
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {host.mode !== 'detecting' && host.officeJsNote && (
          <Text size={200} className={styles.status} data-testid="office-js-note">
            {host.officeJsNote}
          </Text>
        )}
        {host.mode === 'word' && host.problem && <OldWord host={host} />}
      </header>

      {isStandalone && (
        <div className={styles.toolbar}>
          {standalone && state ? (
            <standalone.m.Toolbar session={standalone.session} state={state} />
          ) : (
            <Busy error={loadError} onRetry={() => setStandaloneTry((n) => n + 1)} />
          )}
        </div>
      )}

      <main className={mergeClasses(styles.main, isStandalone && styles.wide)}>
        <section className={mergeClasses(styles.pane, styles.scroll)} aria-label="Các chức năng">
          <Tabs items={LAZY_PANELS} selected={panel} onSelect={setPanel} label="Chức năng" />
          <div role="tabpanel" id="panel" aria-labelledby={`tab-${panel}`}>
            <ErrorBoundary key={panel}>
              {panel === 'insert' ? (
                <InsertPanel
                  backend={backend}
                  blocked={blocked}
                  target={isStandalone ? 'vị trí con trỏ (vạch xanh) trong tài liệu bên cạnh' : 'vị trí con trỏ trong Word'}
                />
              ) : (
                <Suspense fallback={<Spinner size="tiny" label="Đang tải…" labelPosition="after" />}>
                  <LazyPanel id={panel} backend={backend} blocked={blocked} standalone={isStandalone} openPanel={setPanel} />
                </Suspense>
              )}
            </ErrorBoundary>
          </div>
        </section>
        {isStandalone && (
          <section className={mergeClasses(styles.doc, styles.scroll)} aria-label="Tài liệu">
            <ErrorBoundary>
              {standalone && state ? (
                <standalone.m.Preview session={standalone.session} state={state} />
              ) : (
                <Busy error={loadError} onRetry={() => setStandaloneTry((n) => n + 1)} />
              )}
            </ErrorBoundary>
          </section>
        )}
      </main>
    </FluentProvider>
  );
}

/** This Word lacks WordApi 1.3: the standalone page's address, and a button to open it in the browser. */
function OldWord({ host }: { host: WordStartup }) {
  const [copyHint, setCopyHint] = useState(false);
  const url = host.standaloneUrl;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="old-word">
      <MessageBarBody>
        {host.problem}
        {url && (
          <>
            {' '}
            Địa chỉ trang: <strong data-testid="standalone-url">{url}</strong>
            {copyHint && ' — hãy chép địa chỉ này vào trình duyệt (Edge, Chrome, Firefox).'}
          </>
        )}
      </MessageBarBody>
      {url && (
        <MessageBarActions>
          <Button size="small" onClick={() => setCopyHint(!host.openInBrowser(url))}>
            Mở trong trình duyệt
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

function LazyPanel({ id, ...props }: PanelProps & { id: Exclude<PanelId, 'insert'> }) {
  const Panel = id === 'rows' ? RowsPanel : id === 'check' ? CheckPanel : YearPanel;
  return <Panel {...props} />;
}

function Busy({ error, onRetry }: { error?: string; onRetry: () => void }) {
  if (error) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{error}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            Thử lại
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return <Spinner size="tiny" label="Đang chuẩn bị tài liệu…" labelPosition="after" />;
}

/** Keeps one failing part from blanking the whole pane. */
class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    if (isChunkLoadError(this.state.error)) {
      // The tab's code did not download (the network dropped): say so, and let the user try again.
      return (
        <MessageBar intent="warning" layout="multiline" data-testid="chunk-failed">
          <MessageBarBody>{CHUNK_FAILED}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                retryPanels();
                this.setState({ error: undefined });
              }}
            >
              Thử lại
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Phần này gặp lỗi.</MessageBarTitle>
          {this.state.error.message} Hãy tải lại trang (F5); tài liệu đã lưu không bị ảnh hưởng.
        </MessageBarBody>
      </MessageBar>
    );
  }
}
