/**
 * Standalone mode's file commands: new document, open a .docx, save (download). Opening a broken file
 * shows why and keeps the current document; replacing a document with unsaved changes asks first.
 */
import { errorText } from '../error-text';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import {
  Button,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentAddRegular, FolderOpenRegular, SaveRegular } from '@fluentui/react-icons';
import { NoticeBar, type Notice } from '../NoticeBar';
import { downloadFile, NEW_DOCUMENT_NAME, openErrorMessage, type SessionState, type StandaloneSession } from './session';
import { dropWorkingCopy, keepWorkingCopy, loadWorkingCopy, type WorkingCopy } from './keep';

/** How long after a change the working copy is kept in the browser. */
const KEEP_DELAY_MS = 600;

const timeText = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
  name: {
    marginLeft: 'auto',
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    minWidth: 0,
    flex: '0 1 460px',
  },
  nameInput: { flex: '1 1 auto', minWidth: '120px' },
  status: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  hidden: { display: 'none' },
});

type Pending = 'new' | 'open';

interface ToolbarProps {
  readonly session: StandaloneSession;
  readonly state: SessionState;
}

/** @public (App.tsx takes it from the lazily loaded standalone chunk) */
export function Toolbar({ session, state }: ToolbarProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>();
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  /** The name «Lưu» saves under: proposed from the document for a new one, editable. */
  const [fileName, setFileName] = useState(state.name);
  const typedName = useRef(false);
  /** A working copy an earlier visit left unsaved, offered until the user answers. */
  const [offer, setOffer] = useState<WorkingCopy>();
  const offerPending = useRef(true);

  // Another document: its own name.
  useEffect(() => {
    typedName.current = false;
    setFileName(state.name);
  }, [state.name]);

  // A new document is named from what it is (kind, year, school) until the user types a name.
  const { revision } = state;
  useEffect(() => {
    if (state.name !== NEW_DOCUMENT_NAME || typedName.current) return;
    let live = true;
    void (async () => {
      const { proposeName } = await import(/* webpackChunkName: "propose-name" */ './propose-name');
      const name = await proposeName(session);
      if (live && !typedName.current) setFileName(name ?? NEW_DOCUMENT_NAME);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [session, state.name, revision]);

  // An earlier visit's unsaved work: offer it back.
  useEffect(() => {
    let live = true;
    void loadWorkingCopy().then((copy) => {
      if (!live) return;
      offerPending.current = !!copy;
      setOffer(copy);
    });
    return () => {
      live = false;
    };
  }, []);

  // Unsaved changes are kept in the browser a moment after each change; saved (or discarded) work goes.
  useEffect(() => {
    if (offerPending.current) return;
    if (!state.dirty) {
      void dropWorkingCopy();
      return;
    }
    const t = setTimeout(() => {
      void keepWorkingCopy({ name: fileName, bytes: session.bytes(), keptAt: new Date().toISOString() });
    }, KEEP_DELAY_MS);
    return () => clearTimeout(t);
  }, [session, state.dirty, revision, fileName, offer]);

  const restore = (copy: WorkingCopy): void => {
    offerPending.current = false;
    setOffer(undefined);
    try {
      session.restoreWorking(copy.bytes, copy.name);
      setNotice({ intent: 'success', text: `Đã khôi phục «${copy.name}». Bấm «Lưu» để tải tệp về khi xong.` });
    } catch (e) {
      setNotice({ intent: 'error', title: 'Không khôi phục được.', text: openErrorMessage(e) });
    }
  };

  const discard = (): void => {
    offerPending.current = false;
    setOffer(undefined);
    void dropWorkingCopy();
    setNotice({ intent: 'info', text: 'Đã bỏ bản soạn dở của lần trước.' });
  };

  // Closing or reloading the page with unsaved changes asks first (the browser shows its own question).
  useEffect(() => {
    if (!state.dirty) return;
    const onLeave = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [state.dirty]);

  const run = (action: Pending): void => {
    setPending(undefined);
    if (action === 'new') {
      typedName.current = false;
      session.newDocument();
      setFileName(NEW_DOCUMENT_NAME);
      setNotice({ intent: 'info', text: 'Đã tạo tài liệu mới (khổ A4 ngang).' });
    } else {
      // Must stay inside the click that asked for it, or the browser blocks the file dialog.
      input.current?.click();
    }
  };

  const ask = (action: Pending): void => {
    if (state.dirty) {
      setNotice(undefined);
      setPending(action);
    } else run(action);
  };

  const save = (): boolean => {
    try {
      const { name, bytes } = session.save(fileName);
      downloadFile(bytes, name);
      setNotice({ intent: 'success', text: `Đã lưu «${name}». Tệp nằm trong thư mục tải về của trình duyệt.` });
      return true;
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa lưu được', text: errorText(e) });
      return false;
    }
  };

  // Ctrl+S saves (a cell being edited is saved first: leaving it writes it).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.closest('[data-testid="preview"]')) active.blur();
      setTimeout(() => saveRef.current(), 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      session.open(bytes, file.name);
      setNotice({ intent: 'success', text: `Đã mở «${file.name}». Bấm vào chỗ cần chèn trong tài liệu rồi bấm «Chèn bảng».` });
    } catch (err) {
      setNotice({
        intent: 'error',
        title: `Không mở được «${file.name}»`,
        text: `${openErrorMessage(err)} Tài liệu đang soạn vẫn được giữ nguyên.`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.bar} role="toolbar" aria-label="Tệp">
        <Button icon={<DocumentAddRegular />} onClick={() => ask('new')} disabled={busy}>
          Tài liệu mới
        </Button>
        <Button icon={<FolderOpenRegular />} onClick={() => ask('open')} disabled={busy}>
          Mở tệp .docx
        </Button>
        <Button icon={<SaveRegular />} appearance={state.dirty ? 'primary' : 'secondary'} onClick={save} disabled={busy}>
          Lưu
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label="Chọn tệp .docx"
          data-testid="open-file"
          onChange={(e) => void onFile(e)}
        />
        <div className={styles.name}>
          <Input
            className={styles.nameInput}
            size="small"
            value={fileName}
            aria-label="Tên tệp khi lưu"
            title={fileName}
            data-testid="file-name"
            onChange={(_, d) => {
              typedName.current = true;
              setFileName(d.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
            }}
          />
          <Text size={200} className={styles.status}>
            {state.dirty ? '— chưa lưu' : ''}
          </Text>
        </div>
      </div>
      {offer && (
        <MessageBar intent="warning" layout="multiline" data-testid="restore-offer">
          <MessageBarBody>
            <MessageBarTitle>Còn một tài liệu soạn dở chưa lưu.</MessageBarTitle>«{offer.name}», thay đổi lần cuối lúc{' '}
            {timeText(offer.keptAt)}, được trình duyệt giữ lại khi trang bị tải lại hoặc đóng. Khôi phục để làm tiếp, hoặc bỏ bản
            này.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => restore(offer)}>
              Khôi phục
            </Button>
            <Button onClick={discard}>Bỏ bản này</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pending && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Tài liệu có thay đổi chưa lưu.</MessageBarTitle>
            {pending === 'new' ? 'Tạo tài liệu mới' : 'Mở tệp khác'} sẽ bỏ các thay đổi đó. Bạn muốn lưu trước không?
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => save() && run(pending)}>
              Lưu rồi tiếp tục
            </Button>
            <Button onClick={() => run(pending)}>Không lưu</Button>
            <Button onClick={() => setPending(undefined)}>Huỷ</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} testId="file-notice" />
    </div>
  );
}
