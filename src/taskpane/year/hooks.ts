/** The year panel's view of the open document and of the school profile. */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentBackend } from '../../domain/backend';
import type { CheckResult } from '../../domain/check';
import { checkWithStore } from '../../app/check';
import { EMPTY_STORE } from '../../domain/store';
import { EMPTY_PROFILE, type SchoolProfile } from '../../domain/profile';
import { errorText, loadProfile, saveProfile, type ProfileSource } from './model';
import { sessionOf } from './ui';

const noSubscribe = (): (() => void) => () => undefined;
const noRevision = (): number => 0;

export interface DocumentView {
  /** The open document checked (its tables recognised, what it is); undefined until read. */
  readonly result?: CheckResult;
  readonly error?: string;
  readonly reading: boolean;
  /** Read the document again (Word: one sync). */
  readonly reload: () => void;
}

/**
 * The open document, read when the panel opens, after `reload()`, and — in standalone mode — after
 * every change to the in-browser document.
 */
export function useDocumentView(backend: DocumentBackend | undefined): DocumentView {
  const session = sessionOf(backend);
  const revision = useSyncExternalStore(
    session?.subscribe ?? noSubscribe,
    session ? () => session.getState().revision : noRevision,
  );
  const [asked, setAsked] = useState(0);
  const [view, setView] = useState<{ result?: CheckResult; error?: string; reading: boolean }>({ reading: false });

  useEffect(() => {
    if (!backend) return;
    let live = true;
    setView((v) => ({ ...v, reading: true }));
    // What the document keeps about itself (the school type, year… it was made for) counts, as in the checker.
    Promise.all([backend.read(), backend.loadStore().catch(() => EMPTY_STORE)]).then(
      ([model, store]) => live && setView({ result: checkWithStore(model, store), reading: false }),
      (e: unknown) => live && setView({ error: errorText(e), reading: false }),
    );
    return () => {
      live = false;
    };
  }, [backend, revision, asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { ...view, reload };
}

export interface ProfileState {
  readonly profile: SchoolProfile;
  readonly source: ProfileSource | 'loading';
  readonly problem?: string;
  readonly save: (p: SchoolProfile) => Promise<void>;
}

/** The school profile: the document's copy when present, else this user's; saved to both. */
export function useProfile(backend: DocumentBackend | undefined): ProfileState {
  const session = sessionOf(backend);
  // A new or another document in standalone mode may carry its own profile.
  const name = useSyncExternalStore(session?.subscribe ?? noSubscribe, session ? () => session.getState().name : () => '');
  const [state, setState] = useState<Omit<ProfileState, 'save'>>({ profile: EMPTY_PROFILE, source: 'loading' });

  useEffect(() => {
    if (!backend) return;
    let live = true;
    loadProfile(backend).then((p) => live && setState(p));
    return () => {
      live = false;
    };
  }, [backend, name]);

  const save = useCallback(
    async (p: SchoolProfile) => {
      if (!backend) return;
      await saveProfile(backend, p);
      setState({ profile: p, source: 'document' });
    },
    [backend],
  );
  return { ...state, save };
}
