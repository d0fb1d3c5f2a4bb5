/**
 * Writing text into a table cell without damaging what is there: the smallest in-place change.
 *
 * The cell's paragraphs are lined up with the new lines (unchanged paragraphs are not touched at all);
 * inside a paragraph that changes, only the characters between the common beginning and end are
 * replaced, in the runs that held them, so the words around keep their own formatting and the new
 * text takes the formatting of the first run it replaces. Content plain text cannot express —
 * comments, tracked changes, footnotes, fields, images, bookmarks, content controls, nested tables —
 * stays where it is. When a change would have to remove such content (rewrite a tracked insertion or
 * a field's result, delete a paragraph holding an image…) nothing is changed and the reason is given
 * in Vietnamese, for the caller to refuse the edit.
 *
 * New paragraphs copy their neighbour's paragraph properties and the cell's first run's formatting,
 * without revision marks or paragraph ids (those must stay unique).
 */
import { orderChildren, removeProperty } from './schema-order';
import { childElements as kids, el, isEl, text, type XElement, type XNode } from './xml';

/** How a change to a cell's text would be made, or why it cannot be made safely. */
type CellWrite = { readonly ok: true; apply(): void } | { readonly ok: false; readonly reason: string };

/** Wrappers whose runs are read through as ordinary text. */
const OPEN_WRAPPERS = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:dir', 'w:bdo']);
/** Wrappers whose text must not be rewritten: revisions, field results, content controls. */
const GUARDED_WRAPPERS = new Set(['w:ins', 'w:moveTo', 'w:fldSimple', 'w:sdt']);
/** Children of a run that are text. */
const TEXT_CHILDREN = new Set(['w:t', 'w:tab', 'w:ptab', 'w:br', 'w:cr', 'w:noBreakHyphen']);
/** Children of a run that may go when its text goes (they carry nothing of their own). */
const DISPOSABLE_IN_RUN = new Set(['w:rPr', 'w:lastRenderedPageBreak', 'w:softHyphen']);
/** Paragraph children that may go with a paragraph (spell-check marks). */
const DISPOSABLE_IN_PARAGRAPH = new Set(['w:pPr', 'w:r', 'w:proofErr']);

const WHY = {
  guarded:
    'Đoạn chữ cần sửa nằm trong phần không sửa tự động được (thay đổi đang được theo dõi, kết quả của trường (field) hoặc điều khiển nội dung). Hãy sửa ô này trực tiếp trong Word.',
  paragraph:
    'Ô có một đoạn chứa nội dung không phải chữ (ghi chú, hình ảnh, dấu trang, chú thích, thay đổi được theo dõi…) mà nội dung mới không còn đoạn đó; sửa tự động sẽ làm mất nội dung này. Hãy sửa ô này trực tiếp trong Word.',
  lastParagraph: 'Ô kết thúc bằng một bảng lồng; không xóa được đoạn cuối của ô. Hãy sửa ô này trực tiếp trong Word.',
};

function textOf(e: XElement): string {
  let s = '';
  for (const c of e.children) if (c.t === 'x') s += c.v;
  return s;
}

/** One character of a paragraph's visible text and where it lives. */
interface Atom {
  readonly ch: string;
  /** The run holding it. */
  readonly run: XElement;
  /** The text element (w:t, w:tab, w:br…). */
  readonly node: XElement;
  /** Offset inside a w:t. */
  readonly offset: number;
  /** In a tracked insertion, a field result or a content control. */
  readonly guarded: boolean;
}

/** The visible text of a paragraph as atoms, in the reader's terms (tabs \t, line breaks \n). */
function atomsOf(p: XElement): Atom[] {
  const out: Atom[] = [];
  // Complex fields: depth of nesting and whether we are in the result part of each.
  const fields: { result: boolean }[] = [];
  const inResult = () => fields.some((f) => f.result);
  const visit = (e: XElement, guarded: boolean): void => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (c.name === 'w:r') {
        for (const rc of c.children) {
          if (!isEl(rc)) continue;
          const g = guarded || inResult();
          switch (rc.name) {
            case 'w:fldChar': {
              const kind = rc.attrs['w:fldCharType'];
              if (kind === 'begin') fields.push({ result: false });
              else if (kind === 'separate' && fields.length) fields[fields.length - 1].result = true;
              else if (kind === 'end') fields.pop();
              break;
            }
            case 'w:t': {
              const s = textOf(rc);
              for (let i = 0; i < s.length; i++) out.push({ ch: s[i], run: c, node: rc, offset: i, guarded: g });
              break;
            }
            case 'w:tab':
            case 'w:ptab':
              out.push({ ch: '\t', run: c, node: rc, offset: 0, guarded: g });
              break;
            case 'w:br':
            case 'w:cr':
              if (rc.attrs['w:type'] !== 'page' && rc.attrs['w:type'] !== 'column')
                out.push({ ch: '\n', run: c, node: rc, offset: 0, guarded: g });
              break;
            case 'w:noBreakHyphen':
              out.push({ ch: '-', run: c, node: rc, offset: 0, guarded: g });
              break;
          }
        }
      } else if (OPEN_WRAPPERS.has(c.name)) visit(c, guarded);
      else if (c.name === 'w:sdt') {
        const content = kids(c, 'w:sdtContent')[0];
        if (content) visit(content, true);
      } else if (GUARDED_WRAPPERS.has(c.name)) visit(c, true);
      // w:del, w:moveFrom, bookmarks, comment ranges, proofErr, math…: not visible text, kept.
    }
  };
  visit(p, false);
  return out;
}

/** Elements for a piece of new text: w:t, w:tab for \t, w:br for \n and \v (a manual line break). */
export function textNodes(s: string): XElement[] {
  const out: XElement[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push(el('w:t', { 'xml:space': 'preserve' }, [text(buf)]));
    buf = '';
  };
  for (const ch of s) {
    if (ch === '\t') {
      flush();
      out.push(el('w:tab'));
    } else if (ch === '\n' || ch === '\v') {
      flush();
      out.push(el('w:br'));
    } else buf += ch;
  }
  flush();
  return out;
}

function parentIn(root: XElement, child: XElement): XElement | undefined {
  if (root.children.includes(child)) return root;
  for (const c of root.children) {
    if (!isEl(c)) continue;
    const p = parentIn(c, child);
    if (p) return p;
  }
  return undefined;
}

/** Run properties without revision marks (for new runs). */
function cleanRunProps(rPr: XElement | undefined): XElement | undefined {
  if (!rPr) return undefined;
  const copy = clone(rPr);
  copy.name = 'w:rPr';
  removeProperty(copy, 'w:ins', 'w:del', 'w:moveFrom', 'w:moveTo', 'w:rPrChange');
  return orderChildren(copy);
}

/** Paragraph properties for a new paragraph: the neighbour's, without revision marks. */
function cleanParagraphProps(pPr: XElement | undefined): XElement | undefined {
  if (!pPr) return undefined;
  const copy = clone(pPr);
  removeProperty(copy, 'w:pPrChange', 'w:sectPr');
  const rPr = kids(copy, 'w:rPr')[0];
  if (rPr) removeProperty(rPr, 'w:ins', 'w:del', 'w:moveFrom', 'w:moveTo', 'w:rPrChange');
  return copy;
}

function clone<T extends XNode>(n: T): T {
  if (n.t !== 'e') return { ...n };
  return { t: 'e', name: n.name, attrs: { ...n.attrs }, children: n.children.map(clone) } as XElement as T;
}

/** Attributes a copied paragraph must not share with its original. */
function freshParagraphAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (k !== 'w14:paraId' && k !== 'w14:textId') out[k] = v;
  return out;
}

function newRun(rPr: XElement | undefined, s: string): XElement {
  return el('w:r', {}, [...(rPr ? [rPr] : []), ...textNodes(s)]);
}

/** Whether a paragraph holds nothing but plain text (so removing it loses nothing). */
function plainParagraph(p: XElement): boolean {
  for (const c of p.children) {
    if (!isEl(c)) continue;
    if (!DISPOSABLE_IN_PARAGRAPH.has(c.name)) return false;
    if (c.name === 'w:pPr') {
      const rPr = kids(c, 'w:rPr')[0];
      if (kids(c, 'w:pPrChange').length || (rPr && kids(rPr).some((x) => /^w:(ins|del|moveFrom|moveTo|rPrChange)$/.test(x.name))))
        return false;
    }
    if (c.name === 'w:r') {
      for (const rc of c.children) {
        if (!isEl(rc)) continue;
        if (rc.name === 'w:rPr' && kids(rc, 'w:rPrChange').length) return false;
        if (!TEXT_CHILDREN.has(rc.name) && !DISPOSABLE_IN_RUN.has(rc.name)) return false;
      }
    }
  }
  return true;
}

/**
 * Plan the change of one paragraph's text from `old` to `value` in place. Returns the operation, or
 * a reason when the characters to change are guarded.
 */
function paragraphWrite(p: XElement, value: string, template: XElement | undefined): CellWrite {
  const atoms = atomsOf(p);
  const old = atoms.map((a) => a.ch).join('');
  if (old === value) return { ok: true, apply: () => undefined };
  let pre = 0;
  while (pre < old.length && pre < value.length && old[pre] === value[pre]) pre++;
  let suf = 0;
  while (suf < old.length - pre && suf < value.length - pre && old[old.length - 1 - suf] === value[value.length - 1 - suf]) suf++;
  // Keep surrogate pairs whole.
  while (pre > 0 && /[\ud800-\udbff]/.test(old[pre - 1])) pre--;
  while (suf > 0 && /[\udc00-\udfff]/.test(old[old.length - suf])) suf--;
  const cut = atoms.slice(pre, old.length - suf);
  const middle = value.slice(pre, value.length - suf);
  if (cut.some((a) => a.guarded)) return { ok: false, reason: WHY.guarded };
  if (!cut.length) {
    // A pure insertion at `pre`: into the text before it, else the text after it, else a new run.
    // The same insertion can often be made a little to the left or right ("a (b)" + " x" after "a"
    // or before " (b)"): slide it to a place where it touches text it may go into.
    let at = pre;
    let mid = middle;
    const free = (k: number) => (atoms[k - 1] && !atoms[k - 1].guarded) || (atoms[k] && !atoms[k].guarded);
    if (!free(at)) {
      let l = at;
      let lm = mid;
      while (l > 0 && old[l - 1] === lm[lm.length - 1] && !free(l)) {
        lm = old[l - 1] + lm.slice(0, -1);
        l--;
      }
      let r = at;
      let rm = mid;
      while (r < old.length && old[r] === rm[0] && !free(r)) {
        rm = rm.slice(1) + old[r];
        r++;
      }
      if (free(l)) [at, mid] = [l, lm];
      else if (free(r)) [at, mid] = [r, rm];
    }
    return insertAt(p, atoms, at, mid, template);
  }
  return { ok: true, apply: () => replaceAtoms(p, cut, middle) };
}

function insertAt(p: XElement, atoms: readonly Atom[], pre: number, middle: string, template: XElement | undefined): CellWrite {
  {
    const before = atoms[pre - 1];
    const after = atoms[pre];
    if (before && !before.guarded) return { ok: true, apply: () => insertAfterAtom(before, middle) };
    if (after && !after.guarded) return { ok: true, apply: () => insertBeforeAtom(after, middle) };
    if (before && after) return { ok: false, reason: WHY.guarded };
    return {
      ok: true,
      apply: () => {
        const run = newRun(cleanRunProps(template), middle);
        if (!after) p.children.push(run);
        else {
          const pPr = kids(p, 'w:pPr')[0];
          p.children.splice(pPr ? p.children.indexOf(pPr) + 1 : 0, 0, run);
        }
      },
    };
  }
}

function insertAfterAtom(a: Atom, s: string): void {
  const i = a.run.children.indexOf(a.node);
  if (a.node.name === 'w:t') {
    const t = textOf(a.node);
    const head = t.slice(0, a.offset + 1);
    const tail = t.slice(a.offset + 1);
    const nodes = [el('w:t', { ...a.node.attrs, 'xml:space': 'preserve' }, [text(head)]), ...textNodes(s)];
    if (tail) nodes.push(el('w:t', { 'xml:space': 'preserve' }, [text(tail)]));
    a.run.children.splice(i, 1, ...mergeTexts(nodes));
  } else a.run.children.splice(i + 1, 0, ...textNodes(s));
}

function insertBeforeAtom(a: Atom, s: string): void {
  const i = a.run.children.indexOf(a.node);
  if (a.node.name === 'w:t' && a.offset > 0) {
    const t = textOf(a.node);
    const nodes = [
      el('w:t', { ...a.node.attrs, 'xml:space': 'preserve' }, [text(t.slice(0, a.offset))]),
      ...textNodes(s),
      el('w:t', { 'xml:space': 'preserve' }, [text(t.slice(a.offset))]),
    ];
    a.run.children.splice(i, 1, ...mergeTexts(nodes));
  } else a.run.children.splice(i, 0, ...mergeTexts(textNodes(s)));
}

/** Join neighbouring w:t elements made by one change. */
function mergeTexts(nodes: XElement[]): XElement[] {
  const out: XElement[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.name === 'w:t' && last?.name === 'w:t') last.children = [text(textOf(last) + textOf(n))];
    else out.push(n);
  }
  return out.filter((n) => n.name !== 'w:t' || textOf(n) !== '');
}

/** Replace the characters of `cut` (contiguous, unguarded) by `s`, in the first run they touch. */
function replaceAtoms(p: XElement, cut: readonly Atom[], s: string): void {
  const first = cut[0];
  const last = cut[cut.length - 1];
  // Per text element: which offsets go.
  const byNode = new Map<XElement, { from: number; to: number }>();
  for (const a of cut) {
    const r = byNode.get(a.node);
    if (!r) byNode.set(a.node, { from: a.offset, to: a.offset + 1 });
    else r.to = a.offset + 1;
  }
  const runs = [...new Set(cut.map((a) => a.run))];
  for (const run of runs) {
    const out: XNode[] = [];
    for (const c of run.children) {
      const r = isEl(c) ? byNode.get(c) : undefined;
      if (!isEl(c) || !r) {
        out.push(c);
        continue;
      }
      const pieces: XElement[] = [];
      if (c.name === 'w:t') {
        const t = textOf(c);
        if (r.from > 0) pieces.push(el('w:t', { ...c.attrs, 'xml:space': 'preserve' }, [text(t.slice(0, r.from))]));
        if (c === first.node) pieces.push(...textNodes(s));
        if (r.to < t.length) pieces.push(el('w:t', { 'xml:space': 'preserve' }, [text(t.slice(r.to))]));
      } else if (c === first.node) pieces.push(...textNodes(s));
      out.push(...mergeTexts(pieces));
    }
    run.children = out;
  }
  // Runs emptied by the change go (their text went; they held nothing else).
  for (const run of runs) {
    if (run === first.run && s) continue;
    if (run.children.every((c) => !isEl(c) || DISPOSABLE_IN_RUN.has(c.name))) {
      const parent = parentIn(p, run);
      if (parent) parent.children.splice(parent.children.indexOf(run), 1);
    }
  }
  void last;
}

/** The cell's paragraphs in order, with whether each sits in a content control. */
function cellParagraphs(tc: XElement): { p: XElement; guarded: boolean }[] {
  const out: { p: XElement; guarded: boolean }[] = [];
  const visit = (e: XElement, guarded: boolean): void => {
    for (const c of kids(e)) {
      if (c.name === 'w:p') out.push({ p: c, guarded });
      else if (c.name === 'w:sdt') {
        const content = kids(c, 'w:sdtContent')[0];
        if (content) visit(content, true);
      } else if (c.name === 'w:customXml') visit(c, guarded);
      else if (c.name === 'w:ins' || c.name === 'w:moveTo') visit(c, true);
    }
  };
  visit(tc, false);
  return out;
}

/** Text of a paragraph as the reader gives it. */
export function paragraphText(p: XElement): string {
  return atomsOf(p)
    .map((a) => a.ch)
    .join('');
}

/** Longest common subsequence of two string lists: matched index pairs, in order. */
function lcs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** The new value's lines, grouped so that a line-broken old paragraph ("a⏎b" by w:br) matches as one. */
function units(value: string, oldTexts: readonly string[]): string[] {
  const lines = value.split('\n');
  const multi = new Set(oldTexts.filter((t) => t.includes('\n')));
  const maxLines = Math.max(1, ...[...multi].map((t) => t.split('\n').length));
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    let taken = 1;
    for (let k = Math.min(maxLines, lines.length - i); k >= 2; k--) {
      if (multi.has(lines.slice(i, i + k).join('\n'))) {
        taken = k;
        break;
      }
    }
    out.push(lines.slice(i, i + taken).join('\n'));
    i += taken;
  }
  return out;
}

/** The first run of a cell that carries text: its formatting is what new text takes. */
function firstTextRunProps(tc: XElement): XElement | undefined {
  for (const { p } of cellParagraphs(tc)) {
    const a = atomsOf(p)[0];
    if (a) return kids(a.run, 'w:rPr')[0] ?? el('w:rPr');
  }
  // No text at all: the first paragraph mark's formatting.
  const first = cellParagraphs(tc)[0]?.p;
  const pPr = first && kids(first, 'w:pPr')[0];
  return pPr ? kids(pPr, 'w:rPr')[0] : undefined;
}

/**
 * Plan writing `value` (lines separated by \n; \t tabs; \v manual line breaks) into a cell. Nothing
 * changes until apply() is called; a refusal changes nothing at all.
 */
export function planCellText(tc: XElement, value: string): CellWrite {
  const paras = cellParagraphs(tc);
  const oldTexts = paras.map((x) => paragraphText(x.p));
  const news = units(value, oldTexts);
  const template = firstTextRunProps(tc);
  const matches = lcs(oldTexts, news);
  const ops: (() => void)[] = [];
  const removed = new Set<XElement>();
  let oi = 0;
  let ni = 0;
  const gaps: { o: [number, number]; n: [number, number] }[] = [];
  for (const [mo, mn] of [...matches, [paras.length, news.length] as [number, number]]) {
    if (mo > oi || mn > ni) gaps.push({ o: [oi, mo], n: [ni, mn] });
    oi = mo + 1;
    ni = mn + 1;
  }
  for (const g of gaps) {
    const oldCount = g.o[1] - g.o[0];
    const newCount = g.n[1] - g.n[0];
    const k = Math.min(oldCount, newCount);
    for (let i = 0; i < k; i++) {
      const { p, guarded } = paras[g.o[0] + i];
      if (guarded) return { ok: false, reason: WHY.guarded };
      const w = paragraphWrite(p, news[g.n[0] + i], template);
      if (!w.ok) return w;
      ops.push(w.apply);
    }
    for (let i = g.o[0] + k; i < g.o[1]; i++) {
      const { p, guarded } = paras[i];
      if (guarded || !plainParagraph(p)) return { ok: false, reason: WHY.paragraph };
      removed.add(p);
    }
    if (newCount > k) {
      // New paragraphs go after the last old paragraph of the gap, else before the next kept one,
      // else after the previous kept one.
      const lines = news.slice(g.n[0] + k, g.n[1]);
      const after = k > 0 ? paras[g.o[0] + k - 1]?.p : g.o[0] > 0 ? paras[g.o[0] - 1].p : undefined;
      const before = !after ? paras[g.o[1]]?.p : undefined;
      const anchor = after ?? before;
      ops.push(() => {
        const like = anchor ?? paras[0]?.p;
        const pPr = cleanParagraphProps(like && kids(like, 'w:pPr')[0]);
        const made = lines.map((line) =>
          el('w:p', freshParagraphAttrs(like?.attrs ?? {}), [
            ...(pPr ? [clone(pPr)] : []),
            ...(line ? [newRun(cleanRunProps(template), line)] : []),
          ]),
        );
        if (!anchor) {
          tc.children.push(...made);
          return;
        }
        const parent = parentIn(tc, anchor)!;
        const at = parent.children.indexOf(anchor) + (after ? 1 : 0);
        parent.children.splice(at, 0, ...made);
      });
    }
  }
  if (removed.size) {
    // A cell must end with a paragraph: never remove the last one after a nested table.
    const blocks = kids(tc).filter((c) => c.name === 'w:p' || c.name === 'w:tbl' || c.name === 'w:sdt');
    const remaining = blocks.filter((b) => !removed.has(b));
    if (remaining[remaining.length - 1]?.name === 'w:tbl') return { ok: false, reason: WHY.lastParagraph };
    ops.push(() => {
      for (const p of removed) {
        const parent = parentIn(tc, p);
        if (parent) parent.children.splice(parent.children.indexOf(p), 1);
      }
    });
  }
  return {
    ok: true,
    apply: () => {
      for (const op of ops) op();
    },
  };
}

/** Elements a cell may hold and still be plain text (what Word's insertText can rewrite without loss). */
const PLAIN = new Set([
  'w:tcPr',
  'w:p',
  'w:pPr',
  'w:r',
  'w:rPr',
  'w:t',
  'w:tab',
  'w:br',
  'w:proofErr',
  'w:lastRenderedPageBreak',
]);

/** Whether a cell holds nothing but formatted text: no comment, revision, field, image, bookmark, control or table. */
export function isPlainTextCell(tc: XElement): boolean {
  const visit = (e: XElement, inProps: boolean): boolean =>
    e.children.every((c) => {
      if (!isEl(c)) return true;
      if (inProps)
        return (
          !/^w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|tcPrChange|cellIns|cellDel|cellMerge|numPr)$/.test(c.name) &&
          visit(c, true)
        );
      if (!PLAIN.has(c.name)) return false;
      return visit(c, c.name === 'w:tcPr' || c.name === 'w:pPr' || c.name === 'w:rPr');
    });
  return visit(tc, false);
}
