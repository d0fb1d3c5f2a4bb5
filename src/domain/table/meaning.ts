/**
 * What a column heading means, when it is not worded like the form: schools reword headings («việc» for
 * «công việc», «kế hoạch» spelled out, the bracketed explanation shortened or dropped). Each column of the
 * 2018 plan and report forms is known by its key phrases (điều chỉnh, đã triển khai xong, đang triển
 * khai/chậm, chưa triển khai, kết quả cần đạt, giải pháp, chủ trì, kinh phí…), matched on the heading
 * brought to its canonical form (headingKey: no marks, abbreviations spelled out).
 */
import type { FormId } from '../forms';
import { headingKey } from './headings';

/** Key phrases of each column, by form; a heading means a column when it holds one of them. */
const MEANINGS: Partial<Record<FormId, Readonly<Record<string, readonly RegExp[]>>>> = {
  'plan-2018': {
    tt: [/^(tt|so thu tu)$/],
    criterion: [/\btieu chi\b/, /\btieu chuan\b/],
    target: [/\bket qua can dat\b/, /\bmuc tieu\b/, /\bchi tieu\b/],
    actions: [/\bgiai phap\b/, /\bbien phap\b/, /\bcong viec\b/, /\bhoat dong\b/],
    owner: [/\bchu tri\b/, /\bphoi hop\b/, /\bnguoi thuc hien\b/, /\bphu trach\b/, /\bnguoi chiu trach nhiem\b/],
    timeline: [/\bthoi gian\b/, /\bthoi han\b/],
    budget: [/\bkinh phi\b/, /\bnguon luc\b/],
    support: [/\bho tro\b/, /\bdieu kien\b/],
    note: [/^ghi chu\b/],
  },
  'report-2018': {
    tt: [/^(tt|so thu tu)$/],
    criterion: [/\btieu chi\b/, /\btieu chuan\b/],
    planned: [/\b(xay dung|dau nam)\b/],
    adjusted: [/\bdieu chinh\b/],
    done: [/\b(trien khai|thuc hien) xong\b/, /\bda hoan thanh\b/, /\bda (trien khai|thuc hien)\b/],
    inProgress: [/\bdang (trien khai|thuc hien)\b/, /\bcham\b/],
    notStarted: [/\bchua (trien khai|thuc hien)\b/],
    note: [/^ghi chu\b/],
  },
};
MEANINGS['report-2026'] = MEANINGS['report-2018'];

/**
 * The columns of a form a heading may mean, by key phrase. Several when the phrases of more than one
 * column are in it («Những việc đã triển khai xong … hoặc chậm»): the caller decides with the others.
 */
export function meaningsOf(form: FormId, heading: string): string[] {
  const table = MEANINGS[form];
  if (!table || !heading.trim()) return [];
  const key = headingKey(heading);
  return Object.entries(table)
    .filter(([, phrases]) => phrases.some((re) => re.test(key)))
    .map(([k]) => k);
}

/** Does a heading mean some column of some form (to tell heading rows from body rows)? */
export function hasMeaning(heading: string): boolean {
  return (Object.keys(MEANINGS) as FormId[]).some((f) => meaningsOf(f, heading).length > 0);
}
