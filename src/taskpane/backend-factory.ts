/**
 * The one seam between the pane and its host. src/word/host decides whether the pane runs inside Word
 * (it loads office.js only when there are signs of Office) and, in Word, hands out the Office.js
 * backend. host.ts and the gateway behind it are loaded on demand, so the first screen carries neither,
 * and a plain browser goes straight to standalone mode.
 */
import type { DocumentBackend } from '../domain/backend';

export type Startup =
  | {
      readonly mode: 'word';
      readonly backend: DocumentBackend;
      /** Office platform as reported ("PC", "Mac", "OfficeOnline"). */
      readonly platform: string;
      /** Vietnamese message when this Word lacks what the add-in needs (WordApi 1.3); inserting is then off. */
      readonly problem?: string;
    }
  | { readonly mode: 'standalone'; readonly reason: string };

export async function startBackend(): Promise<Startup> {
  const host = await import(/* webpackChunkName: "word" */ '../word/host');
  const detected = await host.detectHost();
  if (detected.mode === 'standalone') return { mode: 'standalone', reason: detected.message };
  const { parseXmlDom } = await import(/* webpackChunkName: "word" */ '../docx/xml-dom');
  const problem = detected.requirements.ok ? undefined : (detected.requirements.message ?? host.REQUIREMENTS_MESSAGE);
  return { mode: 'word', backend: detected.createBackend({ parse: parseXmlDom }), platform: detected.platform, problem };
}
