/**
 * "Điền dòng": fill a plan or report table row by row without copying criterion numbers and titles
 * by hand. Choose the table, the level and the criterion, type the texts into the side form, and
 * "Thêm dòng" writes the row in its place (level part, under its standard, in code order) or
 * "Cập nhật" replaces the criterion's row. The draft stays in the document until it is written.
 *
 *   RowsPanel
 *   ├─ table, framework / school type / year, "Lấy dòng đang chọn", "Đọc lại"
 *   ├─ level picker (2018: MỨC 1, 2, 3 or MỨC 4, and the row's level; TT57: Mức 1 or 2)
 *   ├─ search + CriterionList
 *   ├─ side form: the table's columns (rowFormFields), which row "Cập nhật" replaces
 *   └─ footer: Thêm dòng, Cập nhật, Bỏ nháp, draft status, result
 *
 * The logic is in ./document, ./criteria, ./form (pure, tested in Node) and src/domain/table.
 */
import { errorText } from '../error-text';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { DocumentBackend } from '../../domain/backend';
import { NoticeBar, type Notice as SharedNotice } from '../NoticeBar';
import {
  FRAMEWORK_LABELS,
  SCHOOL_TYPE_LABELS,
  isSchoolType,
  schoolTypesOf,
  type Level,
  type SchoolType,
} from '../../domain/catalog';
import type { DocModel } from '../../domain/ooxml/reader';
import type { MetaOverrides } from '../../domain/check';
import { storedOverrides } from '../../domain/store';
import { recogniseTables } from '../../domain/table/recognise';
import { criterionLabel, refKey, validateRef } from '../../domain/table/model';
import { criterionRowCounts, rowFormFields, type RowField } from '../../domain/table/rows';
import type { PanelProps } from '../panels';
import { criterionGroups, fitPick, levelOptions, type CriterionItem, type Section } from './criteria';
import { CriterionList } from './CriterionList';
import {
  addRowPlanner,
  catalogFor,
  defaultTableKey,
  keyOfTarget,
  readRowsDocument,
  tableChoices,
  updateRowPlanner,
  type RowsDocument,
} from './document';
import {
  clearedFields,
  draftOf,
  EMPTY_FORM,
  formOfDraft,
  hasContent,
  loadSelectedRow,
  planContent,
  prefillFromPlan,
  requestOf,
  rowTexts,
  storedSchoolType,
  updateTarget,
  type RowForm,
} from './form';
import { parseDraft, withSchoolType } from '../../domain/store';
import { useRowDraft } from './useRowDraft';
import { findTt57Tables, schoolTypeOfBieu2 } from '../../domain/tt57/edits';

/** The Biểu 2 (TT57) view, its own chunk. */
const Tt57Fill = lazy(() => import(/* webpackChunkName: "tt57" */ './Tt57Fill'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '14px', minWidth: 0, paddingBottom: '4px' },
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectEl: { minWidth: 0, textOverflow: 'ellipsis' },
  meta: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground2 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  chosen: {
    padding: '6px 8px',
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  textarea: { width: '100%' },
  // Short choices side by side, wrapping as whole labels in a narrow pane.
  choices: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', columnGap: '4px' },
  choice: { whiteSpace: 'nowrap' },
  footer: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    paddingTop: '8px',
    paddingBottom: '8px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

type Notice = SharedNotice & {
  /** The form before an action replaced it ("Hoàn tác"). */
  readonly undo?: RowForm;
};

type Busy = 'read' | 'take' | 'load' | 'add' | 'update';

const timeText = (iso: string | undefined): string => {
  const d = iso ? new Date(iso) : undefined;
  if (!d || Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}`;
};

const levelValue = (l: Level | undefined): string => (l ? String(l) : 'none');
const levelOf = (v: string): Level | undefined => (v === '1' ? 1 : v === '2' ? 2 : v === '3' ? 3 : undefined);

/** Backends that tell when the document changes (the standalone session). */
type Observable = { subscribe?: (fn: () => void) => () => void };

export default function RowsPanel({ backend, blocked, openPanel }: PanelProps) {
  const styles = useStyles();
  const [model, setModel] = useState<DocModel>();
  const [cursorTable, setCursorTable] = useState<string>();
  const [form, setForm] = useState<RowForm>(EMPTY_FORM);
  /** The school type chosen by hand, kept in the store (metaOverrides). */
  const [schoolTypeChoice, setSchoolTypeChoice] = useState<SchoolType>();
  /** What the document keeps about itself (the year, framework… it was made for: metaOverrides). */
  const [storedMeta, setStoredMeta] = useState<MetaOverrides>({});
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<Busy>();
  const [notice, setNotice] = useState<Notice>();
  const [confirm, setConfirm] = useState<readonly RowField[]>();
  const [loadError, setLoadError] = useState<string>();
  /** A document with Biểu 2: filled by problems, items and reviews (true), or row by criterion. */
  const [bieu2View, setBieu2View] = useState(true);
  const { schedule, clear, adopt, update: updateStore, status: draftStatus } = useRowDraft(backend);
  const generation = useRef(0);
  const pendingSchoolType = useRef<SchoolType>(undefined);
  /** The texts a criterion's row put in the form when it was chosen (not typed by the user). */
  const loadedCells = useRef<Readonly<Record<string, string>>>(undefined);
  const listLabel = useId();
  const searchId = useId();

  // ---- The document -------------------------------------------------------------------------

  const doc: RowsDocument | undefined = useMemo(
    () => (model ? readRowsDocument(model, schoolTypeChoice, storedMeta) : undefined),
    [model, schoolTypeChoice, storedMeta],
  );
  const choice =
    doc?.tables.find((t) => t.key === form.table) ?? doc?.tables.find((t) => t.key === cursorTable) ?? doc?.tables[0];
  const meta = doc?.meta;
  const schoolType = schoolTypeChoice ?? meta?.schoolType;
  const catalog = catalogFor(choice, schoolType);
  const framework = choice?.rec.form.framework;
  const fields = useMemo(() => (choice ? rowFormFields(choice.rec, meta?.schoolYear) : []), [choice, meta?.schoolYear]);
  const options = useMemo(() => (choice ? levelOptions(choice.rec, catalog) : undefined), [choice, catalog]);
  const pick = useMemo(
    () => (options ? fitPick({ section: form.section, level: form.level }, options) : { section: form.section }),
    [options, form.section, form.level],
  );
  const ref = form.ref && !!form.ref.level4 === (pick.section === 'm4') ? form.ref : undefined;
  const counts = useMemo(() => (choice ? criterionRowCounts(choice.rec) : new Map<string, number>()), [choice]);
  const groups = useMemo(
    () => (catalog ? criterionGroups(catalog, { query, pick, counts, schoolYear: meta?.schoolYear }) : []),
    [catalog, query, pick, counts, meta?.schoolYear],
  );
  const current = { ...form, ref, level: pick.level, section: pick.section };
  const request = requestOf(current, fields);
  const refProblem = catalog && ref ? validateRef(catalog, ref, pick.level) : undefined;
  const target = choice && ref ? updateTarget(choice.rec, ref, pick.level, fields) : undefined;
  const ordinal = target ? Math.min(form.ordinal, target.rows.length - 1) : 0;
  const fromPlan = fields.find((f) => f.fromPlan);
  const planText = ref && fromPlan ? planContent(doc?.plan, ref, pick.level) : undefined;

  /** Read the document again (and the draft, if it changed elsewhere). */
  const refresh = useCallback(
    async (first = false): Promise<DocModel | undefined> => {
      if (!backend) return undefined;
      const mine = ++generation.current;
      try {
        const m = await backend.read();
        const at = first ? await backend.selection().catch(() => undefined) : undefined;
        const store = await backend.loadStore().catch(() => undefined);
        if (mine !== generation.current) return m;
        setModel(m);
        setLoadError(undefined);
        // A choice still being saved wins over the store read before it.
        setSchoolTypeChoice(pendingSchoolType.current ?? storedSchoolType(store));
        setStoredMeta(storedOverrides(store));
        const stored = parseDraft(store);
        const tables = first || stored ? tableChoices(recogniseTables(m)) : [];
        if (first) setCursorTable(defaultTableKey(tables, at));
        if (adopt(stored)) {
          if (stored) {
            const key = keyOfTarget(tables, stored.table);
            setForm(formOfDraft(stored, key));
            setNotice({
              intent: 'info',
              title: 'Đã mở lại bản nháp.',
              text: `Nội dung đang điền dở (lưu lúc ${timeText(stored.updatedAt)}) đã được đưa lại vào ô nhập.${
                key ? '' : ' Không còn thấy bảng của bản nháp; hãy chọn bảng cần điền.'
              }`,
            });
          } else setForm((f) => ({ ...EMPTY_FORM, table: f.table }));
        }
        return m;
      } catch (e) {
        if (mine === generation.current) setLoadError(errorText(e));
        return undefined;
      }
    },
    [backend, adopt],
  );

  useEffect(() => {
    void refresh(true);
  }, [refresh]);

  // Follow the document: the standalone session says when it changes; in Word, read again when the
  // user comes back to the pane.
  useEffect(() => {
    if (!backend) return;
    let t: ReturnType<typeof setTimeout> | undefined;
    const later = (): void => {
      clearTimeout(t);
      t = setTimeout(() => void refresh(), 150);
    };
    const subscribe = (backend as DocumentBackend & Observable).subscribe;
    const off = typeof subscribe === 'function' ? subscribe(later) : undefined;
    if (!off) window.addEventListener('focus', later);
    return () => {
      clearTimeout(t);
      off?.();
      window.removeEventListener('focus', later);
    };
  }, [backend, refresh]);

  // ---- Editing ------------------------------------------------------------------------------

  /** A change the user made: shown at once, saved as the draft a moment later. */
  const edit = (next: RowForm): void => {
    setForm(next);
    setConfirm(undefined);
    const t = doc?.tables.find((x) => x.key === next.table)?.target ?? choice?.target;
    schedule(hasContent(next) ? draftOf(next, t, new Date()) : undefined);
  };

  /** Replace the form by an action (a row loaded); "Hoàn tác" brings back what was typed. */
  const replace = (next: RowForm, n: Omit<Notice, 'undo'>): void => {
    const typed = Object.values(form.cells).some((v) => v !== '');
    edit(next);
    setNotice({ ...n, undo: typed ? form : undefined });
  };

  const setCell = (key: string, value: string): void => edit({ ...current, cells: { ...form.cells, [key]: value } });

  const pickCriterion = (item: CriterionItem): void => {
    const cells =
      choice?.rec.form.kind === 'report'
        ? prefillFromPlan(form.cells, fields, doc?.plan, item.ref, pick.level, ref && { ref, level: pick.level })
        : form.cells;
    // Texts loaded from the previous criterion's row (not typed) do not follow to another criterion.
    const was = loadedCells.current;
    loadedCells.current = undefined;
    const mine = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, was && v === was[k] ? '' : v]));
    // The criterion already has a row: its level, and its texts in the form — never over what was typed.
    const existing = choice ? updateTarget(choice.rec, item.ref, pick.level, fields) : undefined;
    if (!existing) {
      edit({ ...current, ref: item.ref, ordinal: 0, cells: mine });
      return;
    }
    const level = item.ref.level4 ? pick.level : existing.entry.level;
    const texts = { ...Object.fromEntries(fields.map((f) => [f.key, ''])), ...rowTexts(existing.entry, 0, fields) };
    const rowHasText = Object.values(texts).some((v) => v.trim() !== '');
    const typed = Object.entries(mine).some(([k, v]) => v.trim() !== '' && v !== texts[k]);
    const where = `Tiêu chí ${item.ref.code} đã có dòng trong bảng${level ? ` (mức ${level})` : ''}`;
    if (typed && rowHasText) {
      edit({ ...current, ref: item.ref, level, ordinal: 0, cells: mine });
      setNotice({
        intent: 'warning',
        title: `${where}.`,
        text: 'Nội dung bạn đã gõ vẫn giữ nguyên. Bấm «Đưa nội dung dòng vào ô nhập» để xem nội dung đang có (có thể hoàn tác), «Cập nhật» để thay dòng đó bằng nội dung đang gõ, hoặc «Thêm dòng» để thêm một dòng nữa.',
      });
      return;
    }
    const next = typed ? mine : { ...mine, ...texts };
    if (!typed) loadedCells.current = next;
    edit({ ...current, ref: item.ref, level, ordinal: 0, cells: next });
    setNotice(
      rowHasText
        ? { intent: 'info', text: `${where}: nội dung dòng đã được đưa vào ô nhập. Sửa xong, bấm «Cập nhật».` }
        : { intent: 'info', text: `${where}, còn trống: điền nội dung rồi bấm «Thêm dòng» để điền vào dòng đó.` },
    );
  };

  // The list is memoised: give it a callback that stays the same and calls the current one.
  const pickRef = useRef(pickCriterion);
  pickRef.current = pickCriterion;
  const onPickCriterion = useCallback((item: CriterionItem) => pickRef.current(item), []);

  const pickTable = (key: string): void => {
    edit({ ...form, table: key, ordinal: 0 });
    setNotice(undefined);
  };

  const pickSchoolType = (t: SchoolType): void => {
    setSchoolTypeChoice(t);
    pendingSchoolType.current = t;
    void updateStore((store) => withSchoolType(store, t)).finally(() => {
      if (pendingSchoolType.current === t) pendingSchoolType.current = undefined;
    });
  };

  const pickSection = (section: Section): void => edit({ ...current, section, ordinal: 0 });
  const pickLevel = (level: Level | undefined): void => edit({ ...current, level, ordinal: 0 });

  // ---- Actions ------------------------------------------------------------------------------

  const run = async (what: Busy, action: () => Promise<void>): Promise<void> => {
    if (busy) return;
    setBusy(what);
    try {
      await action();
    } finally {
      setBusy(undefined);
    }
  };

  const takeSelected = (): Promise<void> =>
    run('take', async () => {
      if (!backend) return;
      try {
        const m = await backend.read();
        const at = await backend.selection();
        setModel(m);
        const d = readRowsDocument(m, schoolTypeChoice, storedMeta);
        const r = loadSelectedRow(d.tables, at, (c) => rowFormFields(c.rec, d.meta.schoolYear), form);
        if (!r.ok) {
          setNotice({ intent: 'warning', text: r.message });
          return;
        }
        const label = r.entry.label.trim();
        const nth = r.form.ordinal > 0 ? ` (dòng thứ ${r.form.ordinal + 1} của tiêu chí)` : '';
        replace(r.form, {
          intent: 'info',
          title: 'Đã lấy dòng đang chọn.',
          text: `«${label}»${nth} đã vào ô nhập. Sửa xong, bấm «Cập nhật».`,
        });
      } catch (e) {
        setNotice({ intent: 'error', title: 'Chưa lấy được dòng.', text: errorText(e) });
      }
    });

  const loadRow = (): Promise<void> =>
    run('load', async () => {
      // Read again: the row may have changed in the document since.
      const m = await refresh();
      if (!m || !ref) return;
      const d = readRowsDocument(m, schoolTypeChoice, storedMeta);
      const c = d.tables.find((t) => t.key === choice?.key);
      const f = c ? rowFormFields(c.rec, d.meta.schoolYear) : [];
      const t = c && updateTarget(c.rec, ref, pick.level, f);
      if (!t) {
        setNotice({ intent: 'warning', text: `Tiêu chí ${ref.code} không còn dòng ở mức này trong bảng.` });
        return;
      }
      const at = Math.min(form.ordinal, t.rows.length - 1);
      replace(
        {
          ...current,
          ordinal: at,
          cells: { ...form.cells, ...Object.fromEntries(f.map((x) => [x.key, ''])), ...rowTexts(t.entry, at, f) },
        },
        { intent: 'info', text: `Đã đưa nội dung dòng ${at + 1} của tiêu chí ${ref.code} vào ô nhập.` },
      );
    });

  const write = (mode: 'add' | 'update', confirmed = false): Promise<void> =>
    run(mode, async () => {
      if (!backend || !choice || !catalog || !request) return;
      if (mode === 'update' && !confirmed && target) {
        const cleared = clearedFields(target, ordinal, fields, request);
        if (cleared.length) {
          setConfirm(cleared);
          return;
        }
      }
      setConfirm(undefined);
      setNotice(undefined);
      try {
        const planner =
          mode === 'add'
            ? addRowPlanner(framework, choice.target, catalog, request)
            : updateRowPlanner(framework, choice.target, catalog, request, ordinal);
        const plan = await backend.editTable(choice.target, planner);
        // The row is written: the draft has done its job.
        await clear();
        setForm((f) => ({ ...f, cells: {}, ordinal: 0 }));
        await backend.select(plan.target).catch(() => undefined);
        setNotice({ intent: 'success', title: plan.summary, text: 'Dòng vừa ghi đang được chọn trong tài liệu.' });
        await refresh();
      } catch (e) {
        setNotice({
          intent: 'error',
          title: mode === 'add' ? 'Chưa thêm được dòng.' : 'Chưa cập nhật được dòng.',
          text: `${errorText(e)} Nội dung bạn đã nhập vẫn còn nguyên trong ô.`,
        });
      }
    });

  const discard = (): void => {
    const before = form;
    const next = { ...EMPTY_FORM, table: form.table, section: form.section, level: form.level };
    setForm(next);
    setConfirm(undefined);
    void clear();
    setNotice({ intent: 'info', text: 'Đã bỏ bản nháp.', undo: hasContent(before) ? before : undefined });
  };

  const undo = (n: Notice): void => {
    if (n.undo) edit(n.undo);
    setNotice(undefined);
  };

  // ---- Rendering ----------------------------------------------------------------------------

  if (blocked) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Không điền dòng được ở đây.</MessageBarTitle>
          {blocked}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (loadError && !model) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Chưa đọc được tài liệu.</MessageBarTitle>
          {loadError}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => void refresh(true)}>
            Thử lại
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (!backend || !doc || !meta) return <Spinner size="tiny" label="Đang đọc tài liệu…" labelPosition="after" />;
  const tt57 = findTt57Tables(doc.tables.map((t) => t.rec));
  const hasBieu2 = !!(tt57.problems || tt57.items);
  const viewSwitch = hasBieu2 && (
    <Field label="Cách điền">
      <RadioGroup
        className={styles.choices}
        value={bieu2View ? 'bieu2' : 'rows'}
        onChange={(_, d) => setBieu2View(d.value === 'bieu2')}
      >
        <Radio className={styles.choice} value="bieu2" label="Biểu 2: vấn đề, nội dung, rà soát" />
        <Radio className={styles.choice} value="rows" label="Từng dòng theo tiêu chí" />
      </RadioGroup>
    </Field>
  );
  if (hasBieu2 && bieu2View && model) {
    return (
      <div className={styles.root}>
        {viewSwitch}
        <Suspense fallback={<Spinner size="tiny" label="Đang tải…" labelPosition="after" />}>
          <Tt57Fill
            backend={backend}
            model={model}
            schoolType={schoolType ?? schoolTypeOfBieu2(model)}
            schoolYear={meta.schoolYear}
            onSchoolType={pickSchoolType}
            onModel={(m) => {
              generation.current++;
              setModel(m);
            }}
            onRefresh={() => void refresh()}
          />
        </Suspense>
      </div>
    );
  }
  if (!choice) {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="rows-no-table">
        <MessageBarBody>
          <MessageBarTitle>Tài liệu chưa có bảng kế hoạch hay báo cáo.</MessageBarTitle>
          Hãy chèn bảng ở thẻ «Chèn bảng», rồi quay lại đây để điền từng dòng.
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => openPanel('insert')}>
            Sang «Chèn bảng»
          </Button>
          <Button size="small" appearance="subtle" onClick={() => void refresh(true)}>
            Đọc lại
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }

  const types = schoolTypesOf(choice.rec.form.framework);
  const chosenLabel = catalog && ref ? criterionLabel(catalog, ref, pick.level).join(' ') : undefined;
  const metaLine = [
    FRAMEWORK_LABELS[choice.rec.form.framework],
    meta.schoolYear ? `năm học ${meta.schoolYear}` : 'năm học: tài liệu chưa ghi',
  ].join(' · ');
  const canAdd = !!request && !!catalog && !refProblem && !busy;
  const canUpdate = canAdd && !!target;

  return (
    <div className={styles.root}>
      {viewSwitch}
      <section className={styles.section} aria-label="Bảng cần điền">
        <Field label="Bảng cần điền" hint={<span className={styles.meta}>{metaLine}</span>}>
          <Select
            className={styles.control}
            select={{ className: styles.selectEl }}
            value={choice.key}
            onChange={(_, d) => pickTable(d.value)}
            data-testid="rows-table"
          >
            {doc.tables.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Loại trường"
          validationState={schoolType && catalog ? 'none' : 'warning'}
          validationMessage={
            !schoolType
              ? 'Chưa nhận ra loại trường từ tài liệu: hãy chọn để hiện đúng bộ tiêu chí.'
              : !catalog
                ? 'Bộ tiêu chuẩn của bảng này không có tiêu chí cho loại trường đã chọn.'
                : undefined
          }
          hint={schoolTypeChoice ? 'Do bạn chọn; được ghi nhớ trong tài liệu.' : meta.evidence.schoolType}
        >
          <Select
            className={styles.control}
            value={schoolType ?? ''}
            onChange={(_, d) => isSchoolType(d.value) && pickSchoolType(d.value)}
          >
            {!schoolType && <option value="">— Chọn loại trường —</option>}
            {(schoolType && !types.includes(schoolType) ? [...types, schoolType] : types).map((t) => (
              <option key={t} value={t}>
                {SCHOOL_TYPE_LABELS[t]}
                {types.includes(t) ? '' : ' (không có ở bộ tiêu chuẩn này)'}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button size="small" onClick={() => void takeSelected()} disabled={!!busy} aria-describedby={`${searchId}-take`}>
            {busy === 'take' ? 'Đang lấy…' : 'Lấy dòng đang chọn'}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => void run('read', async () => void (await refresh()))}
            disabled={!!busy}
          >
            Đọc lại tài liệu
          </Button>
        </div>
        <Text id={`${searchId}-take`} size={200} className={styles.note}>
          Muốn sửa một dòng đã có: bấm vào dòng đó trong bảng rồi bấm «Lấy dòng đang chọn».
        </Text>
      </section>

      {catalog && options && (
        <section className={styles.section} aria-label="Mức">
          {options.level4 && (
            <Field label="Phần của bảng">
              <RadioGroup
                className={styles.choices}
                value={pick.section}
                onChange={(_, d) => pickSection(d.value === 'm4' ? 'm4' : 'main')}
              >
                <Radio className={styles.choice} value="main" label="MỨC 1, 2, 3" />
                <Radio className={styles.choice} value="m4" label="MỨC 4" />
              </RadioGroup>
            </Field>
          )}
          {pick.section === 'main' && (
            <Field label="Dòng viết cho mức" hint={options.required ?? 'Mức được ghi trong dòng, ví dụ «(mức 3)».'}>
              <RadioGroup
                className={styles.choices}
                value={levelValue(pick.level)}
                onChange={(_, d) => pickLevel(levelOf(d.value))}
              >
                {options.levels.map((l) => (
                  <Radio
                    key={levelValue(l)}
                    className={styles.choice}
                    value={levelValue(l)}
                    label={l ? `Mức ${l}` : 'Không ghi mức'}
                  />
                ))}
              </RadioGroup>
            </Field>
          )}
        </section>
      )}

      {catalog && (
        <section className={styles.section} aria-labelledby={listLabel}>
          <h2 id={listLabel} className={styles.heading}>
            {pick.section === 'm4'
              ? 'Tiêu chí Mức 4'
              : `Tiêu chí (${catalog.circular.number}, ${catalog.schoolTypeName.toLowerCase()})`}
          </h2>
          <Input
            id={searchId}
            type="search"
            size="small"
            value={query}
            onChange={(_, d) => setQuery(d.value)}
            placeholder="Tìm theo số hoặc tên, ví dụ 3.2 hoặc co so vat chat"
            aria-label="Tìm tiêu chí"
            autoComplete="off"
          />
          <CriterionList
            groups={groups}
            value={ref ? refKey(ref) : undefined}
            onChange={onPickCriterion}
            query={query}
            labelledBy={listLabel}
          />
        </section>
      )}

      <section className={styles.section} aria-label="Nội dung dòng">
        <h2 className={styles.heading}>Nội dung dòng</h2>
        {chosenLabel ? (
          <Text className={styles.chosen} data-testid="rows-chosen">
            {chosenLabel}
          </Text>
        ) : (
          <Text className={styles.note}>Hãy chọn một tiêu chí trong danh sách ở trên.</Text>
        )}
        {refProblem && <Text className={styles.warn}>{refProblem}</Text>}
        {target && (
          <div className={styles.section}>
            <Text size={200} className={styles.note}>
              Tiêu chí này đã có {target.rows.length} dòng trong bảng. «Thêm dòng» thêm một dòng nữa; «Cập nhật» thay nội dung
              dòng chọn dưới đây.
            </Text>
            {target.rows.length > 1 && (
              <Field label="Dòng cần cập nhật">
                <Select
                  className={styles.control}
                  select={{ className: styles.selectEl }}
                  value={String(ordinal)}
                  onChange={(_, d) => edit({ ...current, ordinal: Number(d.value) })}
                >
                  {target.rows.map((r) => (
                    <option key={r.ordinal} value={r.ordinal}>
                      {r.label}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {target.relabel && (
              <Text size={200} className={styles.warn}>
                {target.relabel}
              </Text>
            )}
            {target.otherLevels.length > 0 && (
              <Text size={200} className={styles.note}>
                Tiêu chí này còn có dòng {target.otherLevels.map((l) => (l ? `ghi (mức ${l})` : 'không ghi mức')).join(', ')}:
                chọn mức đó để cập nhật dòng ấy.
              </Text>
            )}
            <div className={styles.row}>
              <Button size="small" onClick={() => void loadRow()} disabled={!!busy}>
                Đưa nội dung dòng vào ô nhập
              </Button>
            </div>
          </div>
        )}
        {fields.map((f) => (
          <Field
            key={f.key}
            label={f.underLabel ? `${f.heading} (ghi dưới tên tiêu chí)` : f.heading}
            hint={
              f.fromPlan && planText !== undefined
                ? form.cells[f.key] === planText
                  ? `${f.hint}. Đã lấy từ bảng kế hoạch trong tài liệu.`
                  : `${f.hint}. Bảng kế hoạch trong tài liệu có nội dung cho tiêu chí này.`
                : f.hint
            }
          >
            <Textarea
              className={styles.textarea}
              resize="vertical"
              rows={f.underLabel || f.fromPlan ? 3 : 2}
              value={form.cells[f.key] ?? ''}
              onChange={(_, d) => setCell(f.key, d.value)}
              // Not while the row is being written: the form is emptied once it is in the document.
              readOnly={busy === 'add' || busy === 'update'}
              data-field={f.key}
            />
          </Field>
        ))}
      </section>

      <div className={styles.footer}>
        {confirm && (
          <MessageBar intent="warning" layout="multiline" data-testid="rows-confirm">
            <MessageBarBody>
              <MessageBarTitle>«Cập nhật» sẽ xoá nội dung đang có trong bảng.</MessageBarTitle>
              Các ô {confirm.map((f) => `«${f.heading}»`).join(', ')} đang có chữ trong tài liệu nhưng để trống ở đây. Bấm «Đưa
              nội dung dòng vào ô nhập» để giữ lại, hoặc vẫn cập nhật.
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void write('update', true)}>
                Vẫn cập nhật
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setConfirm(undefined)}>
                Thôi
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void write('add')} disabled={!canAdd}>
            {busy === 'add' ? 'Đang thêm…' : 'Thêm dòng'}
          </Button>
          <Button onClick={() => void write('update')} disabled={!canUpdate}>
            {busy === 'update' ? 'Đang cập nhật…' : 'Cập nhật'}
          </Button>
          <Button appearance="subtle" onClick={discard} disabled={!hasContent(form) || !!busy}>
            Bỏ nháp
          </Button>
        </div>
        <Text size={200} className={styles.note} data-testid="draft-status" aria-live="polite">
          {draftStatus.error ??
            (draftStatus.savedAt ? `Bản nháp đã lưu trong tài liệu lúc ${timeText(draftStatus.savedAt)}.` : '')}
        </Text>
        <NoticeBar
          notice={notice}
          onDismiss={() => setNotice(undefined)}
          testId="rows-result"
          actions={
            notice?.undo && (
              <Button size="small" onClick={() => undo(notice)}>
                Hoàn tác
              </Button>
            )
          }
        />
      </div>
    </div>
  );
}
