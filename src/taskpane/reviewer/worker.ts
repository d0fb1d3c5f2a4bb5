/**
 * The reviewer page's worker: reading and checking happen here, off the page's thread, so that 2,000
 * files never freeze it. It holds the session (src/app/review-session.ts: light records only, each file
 * read again when it is looked at) and answers the page's requests. XML is parsed with saxes (workers
 * have no DOMParser); nothing here uses eval.
 */
import { readFailure, tooLargeError } from '../../app/open';
import type { ReviewSource, SourceBytes } from '../../app/review';
import { sortEntries, type FolderEntry } from '../../app/review-files';
import { ReviewSession } from '../../app/review-session';
import { zipEntries, ZipFolderError } from '../../app/review-zip';
import { parseXml } from '../../xml/node';
import { layoutDocument } from '../standalone/layout';
import { selectionFor } from '../check/view';
import type { Detail, FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let session: ReviewSession | undefined;

async function fileBytes(file: File): Promise<SourceBytes> {
  const big = tooLargeError(file.size);
  if (big) return { failure: readFailure(big) };
  try {
    return { bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (e) {
    return { failure: { code: 'io', message: `Không đọc được tệp (${e instanceof Error ? e.message : String(e)}).` } };
  }
}

async function start(msg: Extract<ToWorker, { type: 'start' }>): Promise<ReviewSession> {
  const entries: FolderEntry<() => Promise<SourceBytes>>[] = msg.files.map((f) => ({
    path: f.path,
    item: () => fileBytes(f.file),
  }));
  const broken: { path: string; reason: string }[] = [];
  for (const zip of msg.zips) {
    try {
      const bytes = new Uint8Array(await zip.arrayBuffer());
      for (const e of zipEntries(bytes)) entries.push({ path: e.path, item: () => Promise.resolve(e.item.read()) });
    } catch (e) {
      broken.push({ path: zip.name, reason: e instanceof ZipFolderError ? e.message : readFailure(e).message });
    }
  }
  const { files, skipped } = sortEntries(entries);
  const sources: ReviewSource[] = files.map((f) => ({ path: f.path, planCandidate: true, read: f.item }));
  let last = 0;
  const s = new ReviewSession(sources, [...broken, ...skipped], parseXml);
  await s.run((progress) => {
    // At most a message every 50 ms, and the last one.
    const now = Date.now();
    if (now - last < 50 && progress.done < progress.total) return;
    last = now;
    scope.postMessage({ type: 'progress', progress });
  });
  return s;
}

async function detail(s: ReviewSession, index: number): Promise<Detail> {
  const d = await s.detail(index);
  if (!d.ok) return d;
  const withPlace = <F extends { location: Parameters<typeof selectionFor>[0] }>(f: F) => ({
    ...f,
    selection: selectionFor(f.location, d.model),
  });
  return {
    ok: true,
    blocks: layoutDocument(d.model),
    findings: d.result.findings.map(withPlace),
    ignored: d.result.ignored.map(withPlace),
    meta: d.result.meta,
  };
}

async function answer(msg: ToWorker): Promise<{ value: unknown; transfer?: Transferable[] }> {
  if (msg.type === 'start') {
    session = await start(msg);
    return { value: session.view() };
  }
  if (!session) throw new Error('No files yet.');
  switch (msg.type) {
    case 'pair':
      return { value: await session.pairByHand(msg.report, msg.plan) };
    case 'detail':
      return { value: await detail(session, msg.index) };
    case 'json':
      return { value: session.json() };
    case 'xlsx': {
      const f = session.workbook();
      return { value: f, transfer: [f.bytes.buffer] };
    }
    case 'notes': {
      const f = session.notes(msg.reviewer, msg.key);
      return { value: f, transfer: [f.bytes.buffer] };
    }
  }
}

// One request at a time, in order.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const msg = e.data;
  queue = queue.then(async () => {
    try {
      const { value, transfer } = await answer(msg);
      scope.postMessage({ type: 'reply', id: msg.id, value }, transfer);
    } catch (err) {
      scope.postMessage({ type: 'failure', id: msg.id, message: err instanceof Error ? err.message : String(err) });
    }
  });
};
