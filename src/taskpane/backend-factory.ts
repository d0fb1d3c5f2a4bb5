/**
 * The one seam between the pane and its host. src/word/host decides whether the pane runs inside Word
 * (it loads office.js only when there are signs of Office) and, in Word, hands out the Office.js
 * backend. host.ts and the gateway behind it are loaded on demand, so the first screen carries neither,
 * and a plain browser goes straight to standalone mode.
 */
import type { DocumentBackend } from '../domain/backend';

export interface WordStartup {
  readonly mode: 'word';
  readonly backend: DocumentBackend;
  /** Office platform as reported ("PC", "Mac", "OfficeOnline"). */
  readonly platform: string;
  /** Vietnamese message when this Word lacks what the add-in needs (WordApi 1.3); inserting is then off. */
  readonly problem?: string;
  /** The standalone page's address (this page, opened in a browser), shown with `problem`. */
  readonly standaloneUrl?: string;
  /** Open an address in the browser, outside Word (false: the user has to copy it). */
  readonly openInBrowser: (url: string) => boolean;
  /** Said when office.js did not load from Microsoft's CDN and the add-in's own copy is in use. */
  readonly officeJsNote?: string;
}

export type Startup =
  | WordStartup
  | {
      readonly mode: 'standalone';
      readonly reason: string;
      /** Word answered too late for the start: settles when it does, so the pane can switch to Word. */
      readonly late?: Promise<WordStartup>;
      readonly officeJsNote?: string;
    };

export async function startBackend(options: { onWaiting?: () => void } = {}): Promise<Startup> {
  const host = await import(/* webpackChunkName: "word" */ '../word/host');
  const detected = await host.detectHost({ onWaiting: options.onWaiting });
  const note = (source: string | undefined) => (source === 'local' ? { officeJsNote: host.LOCAL_OFFICE_JS_MESSAGE } : {});
  const word = async (found: import('../word/host').WordHost): Promise<WordStartup> => {
    const { parseXmlDom } = await import(/* webpackChunkName: "word" */ '../xml/dom');
    const problem = found.requirements.ok ? undefined : (found.requirements.message ?? host.REQUIREMENTS_MESSAGE);
    return {
      mode: 'word',
      backend: found.createBackend({ parse: parseXmlDom }),
      platform: found.platform,
      problem,
      standaloneUrl: host.standaloneAddress(globalThis.location?.href),
      openInBrowser: (url) => host.openInBrowser(url),
      ...note(found.officeJs),
    };
  };
  if (detected.mode === 'standalone') {
    return {
      mode: 'standalone',
      reason: detected.message,
      ...(detected.late ? { late: detected.late.then(word) } : {}),
      ...note(detected.officeJs),
    };
  }
  return word(detected);
}
