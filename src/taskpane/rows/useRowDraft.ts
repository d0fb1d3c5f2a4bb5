/**
 * The side form's draft, kept in the document's store (DocumentBackend.loadStore/updateStore) under
 * "rowDraft": saved a moment after the user stops typing, at once when the panel closes or the page
 * goes away, and removed only when the row is written or the user discards it. Every change to the
 * store (the draft, the school type chosen by hand) goes through one queue: each reads the store,
 * changes its own key and writes it back, one after another, so no key is lost.
 */
import { errorText } from '../error-text';
import type { DocumentStore } from '../../domain/backend';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentBackend } from '../../domain/backend';
import { withDraft } from '../../domain/store';
import { sameDraft, type RowDraft } from './form';

/** How long after the last keystroke the draft is saved. */
const DRAFT_DELAY_MS = 600;

interface DraftStatus {
  /** ISO time of the draft last saved (undefined after it was removed). */
  readonly savedAt?: string;
  readonly error?: string;
}

interface RowDraftHandle {
  /** Save this draft soon (undefined: remove the draft). */
  schedule(draft: RowDraft | undefined): void;
  /** Save what is waiting now. */
  flush(): Promise<void>;
  /** Remove the draft now (after writing the row, or "Bỏ nháp"). */
  clear(): Promise<void>;
  /** Whether a draft read from the store is news: not ours, and nothing typed is waiting to be saved. */
  adopt(draft: RowDraft | undefined): boolean;
  /** Change another key of the store, in the same queue. */
  update(change: (store: DocumentStore) => DocumentStore): Promise<void>;
  readonly status: DraftStatus;
}

export function useRowDraft(backend: DocumentBackend | undefined): RowDraftHandle {
  const pending = useRef<{ draft?: RowDraft }>(undefined);
  const last = useRef<RowDraft>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [status, setStatus] = useState<DraftStatus>({});

  const queue = useCallback(
    (change: (store: DocumentStore) => DocumentStore, done?: () => void): Promise<void> => {
      if (!backend) return chain.current;
      chain.current = chain.current
        .then(async () => {
          await backend.updateStore(change);
          done?.();
        })
        .catch((e: unknown) => {
          setStatus({ error: `Chưa lưu được vào tài liệu: ${errorText(e)}` });
        });
      return chain.current;
    },
    [backend],
  );

  const write = useCallback(
    (draft: RowDraft | undefined): Promise<void> => {
      last.current = draft;
      return queue(
        (store) => withDraft(store, draft),
        () => setStatus({ savedAt: draft?.updatedAt }),
      );
    },
    [queue],
  );

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const p = pending.current;
    pending.current = undefined;
    return p ? write(p.draft) : chain.current;
  }, [write]);

  const schedule = useCallback(
    (draft: RowDraft | undefined): void => {
      pending.current = { draft };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DRAFT_DELAY_MS);
    },
    [flush],
  );

  const clear = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    pending.current = undefined;
    return write(undefined);
  }, [write]);

  const adopt = useCallback((draft: RowDraft | undefined): boolean => {
    if (pending.current || sameDraft(draft, last.current)) return false;
    last.current = draft;
    return true;
  }, []);

  // Closing the panel (another tab) or the page keeps what was typed.
  useEffect(() => {
    const onHide = (): void => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return useMemo(
    () => ({ schedule, flush, clear, adopt, update: queue, status }),
    [schedule, flush, clear, adopt, queue, status],
  );
}
