/**
 * The outcome of the last action: a dismissible message, announced politely to screen readers.
 * - A notice belongs to the document it was said about: when another document is opened or started
 *   (the session's «opened» count, through setDocumentSource), it is dismissed.
 * - Closing it gives the focus back to where it was when the notice came (the button that did the
 *   action), or else to the nearest control before it, never to the page body.
 */
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

export interface Notice {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly title?: string;
  readonly text?: ReactNode;
}

/** Where the pane learns which document it works on: the standalone session (Word: always the same one). */
interface DocumentSource {
  /** Changes when another document is opened or started. */
  readonly epoch: () => number;
  readonly subscribe: (fn: () => void) => () => unknown;
}

let source: DocumentSource | undefined;
const sourceListeners = new Set<() => void>();

/** Say where the document comes from (App, once the standalone session exists). */
export function setDocumentSource(s: DocumentSource | undefined): void {
  source = s;
  for (const fn of sourceListeners) fn();
}

// Read from the session itself, so a notice given with the new document (the toolbar's «Đã tạo…») is
// counted as the new document's, in the same render.
const subscribeEpoch = (fn: () => void): (() => void) => {
  let inner = source?.subscribe(fn);
  const onSource = (): void => {
    inner?.();
    inner = source?.subscribe(fn);
    fn();
  };
  sourceListeners.add(onSource);
  return () => {
    sourceListeners.delete(onSource);
    inner?.();
  };
};
const currentEpoch = (): number => source?.epoch() ?? 0;

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

/** The last focusable element before `el` in document order, if any. */
function focusableBefore(el: HTMLElement): HTMLElement | undefined {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)];
  let found: HTMLElement | undefined;
  for (const c of all) {
    if (el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING && c.offsetParent !== null) found = c;
  }
  return found;
}

export function NoticeBar(props: { notice?: Notice; onDismiss: () => void; testId?: string; actions?: ReactNode }) {
  const { notice, onDismiss } = props;
  const epoch = useSyncExternalStore(subscribeEpoch, currentEpoch, currentEpoch);
  const saidIn = useRef<number>(undefined);
  const origin = useRef<HTMLElement>(undefined);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!notice) {
      saidIn.current = undefined;
      origin.current = undefined;
      return;
    }
    saidIn.current = epoch;
    const active = document.activeElement;
    if (!origin.current && active instanceof HTMLElement && active !== document.body && !box.current?.contains(active)) {
      origin.current = active;
    }
    // `epoch` is read when the notice comes, not followed: the effect below handles a change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [notice]);

  useEffect(() => {
    if (notice && saidIn.current !== undefined && saidIn.current !== epoch) onDismiss();
    // Only a change of document dismisses.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [epoch]);

  const dismiss = (): void => {
    const back = origin.current?.isConnected && !origin.current.matches(':disabled') ? origin.current : undefined;
    const before = box.current ? focusableBefore(box.current) : undefined;
    onDismiss();
    (back ?? before)?.focus();
  };

  return (
    <div aria-live="polite" ref={box}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid={props.testId}>
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                icon={<DismissRegular />}
                aria-label="Đóng thông báo"
                onClick={dismiss}
              />
            }
          >
            {props.actions}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
