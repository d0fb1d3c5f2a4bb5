/** The page's side of the worker: requests as promises, progress as a callback. */
import type { ReviewProgress } from '../../app/review';
import type { FromWorker, Replies, Request } from './protocol';

export class ReviewClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  onProgress?: (p: ReviewProgress) => void;

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { name: 'review-worker' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        this.onProgress?.(m.progress);
        return;
      }
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.type === 'reply') w?.ok(m.value);
      else w?.fail(new Error(m.message));
    };
    this.worker.onerror = (e) => {
      for (const w of this.waiting.values()) w.fail(new Error(e.message || 'Lỗi trong phần đọc tệp.'));
      this.waiting.clear();
    };
  }

  request<T extends Request>(req: T): Promise<Replies[T['type']]> {
    const id = this.next++;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok: ok as (v: unknown) => void, fail });
      this.worker.postMessage({ ...req, id });
    });
  }

  close(): void {
    this.worker.terminate();
  }
}
