/**
 * Another tab asking «Điền dòng» to open on a part of Biểu 2 (e.g. «Báo cáo từ kế hoạch» for a TT57 plan
 * opens the review): set before switching tabs, taken once when the Biểu 2 view starts.
 */
export type Bieu2Part = 'problem' | 'item' | 'review';

let requested: Bieu2Part | undefined;

export function requestBieu2Part(part: Bieu2Part): void {
  requested = part;
}

export function takeRequestedBieu2Part(): Bieu2Part | undefined {
  const part = requested;
  requested = undefined;
  return part;
}
