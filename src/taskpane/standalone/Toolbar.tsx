/**
 * Standalone mode's file commands: new document, open a .docx, save (download). Opening a broken file
 * shows why and keeps the current document; replacing a document with unsaved changes asks first.
 */
import { errorText } from '../error-text';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import {
  Button,
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
import { downloadFile, openErrorMessage, type SessionState, type StandaloneSession } from './session';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
  name: {
    marginLeft: 'auto',
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '100%',
  },
  hidden: { display: 'none' },
});

type Pending = 'new' | 'open';

export interface ToolbarProps {
  readonly session: StandaloneSession;
  readonly state: SessionState;
}

export function Toolbar({ session, state }: ToolbarProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>();
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);

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
      session.newDocument();
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
      const { name, bytes } = session.save();
      downloadFile(bytes, name);
      setNotice({ intent: 'success', text: `Đã lưu «${name}». Tệp nằm trong thư mục tải về của trình duyệt.` });
      return true;
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa lưu được', text: errorText(e) });
      return false;
    }
  };

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
        <Text className={styles.name} size={200} title={state.name}>
          {state.name}
          {state.dirty ? ' — chưa lưu' : ''}
        </Text>
      </div>
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
