/**
 * Editing the document in the standalone preview: the bar above the page («Sửa ô», «Xoá dòng»,
 * «Xoá các dòng trống», «Hoàn tác»), the text box that replaces a cell while it is edited, and Ctrl+Z.
 * Every change goes through the session (src/domain/table/cells.ts plans it; a write that would damage
 * an image, a comment, a field or a tracked change is refused with the reason) and can be undone.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, DeleteRegular, EditRegular, TableDeleteRowRegular } from '@fluentui/react-icons';
import type { CellLocation } from '../../domain/backend';
import { errorText } from '../error-text';
import { NoticeBar, type Notice } from '../NoticeBar';
import type { SessionState, StandaloneSession } from './session';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '6px',
    maxWidth: '1100px',
    margin: '0 auto 8px',
  },
  hint: { color: tokens.colorNeutralForeground2 },
  notice: { maxWidth: '1100px', margin: '0 auto 8px' },
  editor: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    margin: 0,
    padding: '1px 2px',
    border: `2px solid ${tokens.colorBrandStroke1}`,
    font: 'inherit',
    lineHeight: 'inherit',
    resize: 'vertical',
    backgroundColor: '#fffef0',
    color: '#000',
  },
});

/** Where the keyboard is typing text (the browser's own undo applies there). */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

interface EditingProps {
  readonly session: StandaloneSession;
  readonly state: SessionState;
  /** Start editing a cell. */
  readonly onEdit: (at: CellLocation) => void;
  /** The outcome of the last edit (the preview's cell editor reports there too). */
  readonly notice?: Notice;
  readonly setNotice: (n: Notice | undefined) => void;
}

/** Describe an undone change for the notice. */
function undoneText(label: string): string {
  return `Đã hoàn tác: ${label}.`;
}

/**
 * The edit bar with its notice. Also listens for Ctrl+Z (outside text boxes) on the whole page, so the
 * form's fixes and the preview's edits are undone the same way.
 */
export function EditBar({ session, state, onEdit, notice, setNotice }: EditingProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const { selected, undo } = state;

  const doUndo = (): void => {
    const label = session.undo();
    setNotice(label ? { intent: 'info', text: undoneText(label) } : { intent: 'info', text: 'Không còn gì để hoàn tác.' });
  };
  const undoRef = useRef(doUndo);
  undoRef.current = doUndo;

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z' || typingIn(e.target)) return;
      e.preventDefault();
      undoRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Notices about the previous document go with it.
  useEffect(() => setNotice(undefined), [state.name, setNotice]);

  const act = async (what: () => Promise<Notice | undefined>): Promise<void> => {
    setBusy(true);
    try {
      setNotice(await what());
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa sửa được.', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const deleteRow = (): Promise<void> =>
    act(async () => {
      if (!selected) return undefined;
      await session.deleteRow(selected.table, selected.row);
      return { intent: 'success', text: `Đã xoá dòng ${selected.row + 1}.` };
    });

  const deleteEmpty = (): Promise<void> =>
    act(async () => {
      if (!selected) return undefined;
      const { removed, kept } = await session.deleteEmptyRows(selected.table);
      const stay = kept ? ` ${kept} dòng trống thuộc ô gộp hoặc vùng nội dung được giữ lại.` : '';
      return removed
        ? { intent: 'success', text: `Đã xoá ${removed} dòng trống của bảng.${stay}` }
        : { intent: 'info', text: `Bảng không có dòng trống nào xoá được.${stay}` };
    });

  return (
    <>
      <div className={styles.bar} role="toolbar" aria-label="Sửa tài liệu" data-testid="edit-bar">
        <Button
          size="small"
          icon={<EditRegular />}
          disabled={!selected || selected.cell === undefined || busy}
          onClick={() => selected && onEdit(selected)}
        >
          Sửa ô
        </Button>
        <Button size="small" icon={<TableDeleteRowRegular />} disabled={!selected || busy} onClick={() => void deleteRow()}>
          Xoá dòng
        </Button>
        <Button size="small" icon={<DeleteRegular />} disabled={!selected || busy} onClick={() => void deleteEmpty()}>
          Xoá các dòng trống
        </Button>
        <Button
          size="small"
          icon={<ArrowUndoRegular />}
          disabled={!undo || busy}
          onClick={doUndo}
          title={undo ? `Hoàn tác: ${undo} (Ctrl+Z)` : undefined}
        >
          Hoàn tác
        </Button>
        <Text size={200} className={styles.hint}>
          Bấm đúp vào ô (hoặc chọn ô rồi nhấn Enter) để sửa chữ.
        </Text>
      </div>
      <div className={styles.notice}>
        <NoticeBar
          notice={notice}
          onDismiss={() => setNotice(undefined)}
          testId="edit-notice"
          actions={
            notice && notice.intent === 'success' && undo ? (
              <Button size="small" onClick={doUndo}>
                Hoàn tác
              </Button>
            ) : undefined
          }
        />
      </div>
    </>
  );
}

/**
 * The text box that stands in for a cell while it is edited: Enter starts a new line, leaving the box
 * (Tab, a click elsewhere) or Ctrl+Enter saves, Escape gives up. A refused write keeps the box open with
 * what was typed and says why.
 */
export function CellEditor(props: {
  readonly at: CellLocation;
  readonly text: string;
  readonly session: StandaloneSession;
  readonly onDone: (refocus: boolean) => void;
  readonly onError: (message: string) => void;
}) {
  const styles = useStyles();
  const { at, text, session, onDone, onError } = props;
  const [value, setValue] = useState(text);
  const done = useRef(false);
  const box = useRef<HTMLTextAreaElement>(null);

  // When the box opens, the caret goes after the text, where one usually goes on writing.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const save = async (refocus: boolean): Promise<void> => {
    if (done.current) return;
    done.current = true;
    try {
      await session.editCell(at, value);
      onDone(refocus);
    } catch (e) {
      done.current = false;
      onError(errorText(e));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      done.current = true;
      onDone(true);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save(true);
    }
  };

  return (
    <textarea
      className={styles.editor}
      ref={box}
      value={value}
      rows={Math.max(2, value.split('\n').length + 1)}
      aria-label={`Sửa ô ${at.cell === undefined ? '' : at.cell + 1} dòng ${at.row + 1}. Enter: xuống dòng; Ctrl+Enter hoặc rời ô: lưu; Esc: bỏ.`}
      data-testid="cell-editor"
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onBlur={() => void save(false)}
    />
  );
}
