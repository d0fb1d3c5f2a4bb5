/**
 * «Điền dòng» for Biểu 2 (Thông tư 57): the plan at a glance (problems, the items serving each, column
 * (10) counted, which review is due), then three forms: a problem for mục IV, an item for mục V (linked to
 * problems and criteria, numbered in order; its «Mức độ thực hiện» set or the item removed from the list,
 * the rest renumbered) and a review for mục VI, pre-filled from column (10). Every action is one
 * DocumentBackend.editTable (Word: a read sync and a write sync); the pane then shows the document as the
 * edit left it without reading it again. Loaded on demand (its own chunk) from RowsPanel.
 */
import { useId, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { DocumentBackend, EditPlanner } from '../../domain/backend';
import { findCatalog, SCHOOL_TYPE_LABELS, schoolTypesOf, searchCriteria, type SchoolType } from '../../domain/catalog';
import type { DocModel } from '../../domain/ooxml/reader';
import type { RecognisedTable } from '../../domain/table/recognise';
import {
  itemColumnText,
  planAddItem,
  planAddProblem,
  planRemoveItem,
  planSetReview,
  planUpdateItem,
  readTt57,
  withResult,
  type Tt57Document,
} from '../../domain/tt57/edits';
import {
  dueReviews,
  getReview,
  reviewDates,
  reviewDraft,
  STATUS_VALUES,
  statusSummary,
  type ReviewWhen,
} from '../../domain/tt57/plan';
import { errorText } from '../error-text';
import { NoticeBar, type Notice } from '../NoticeBar';
import { Unverified } from '../insert/Unverified';
import { getForm } from '../../domain/forms';
import { takeRequestedBieu2Part, type Bieu2Part } from './requested-view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '14px', minWidth: 0, paddingBottom: '8px' },
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  glance: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '2px' },
  note: { color: tokens.colorNeutralForeground2 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  checks: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '30vh',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '4px',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '6px 8px',
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  itemText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flex: '1 1 160px', minWidth: 0 },
  choices: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', columnGap: '4px' },
});

export interface Tt57FillProps {
  readonly backend: DocumentBackend;
  readonly model: DocModel;
  /** The document's school type (or the user's choice); undefined: asked here. */
  readonly schoolType?: SchoolType;
  readonly schoolYear?: string;
  readonly onSchoolType: (t: SchoolType) => void;
  /** The document after an edit (the pane shows it without reading again). */
  readonly onModel: (m: DocModel) => void;
  /** Read the document again. */
  readonly onRefresh: () => void;
  readonly now?: Date;
}

type Mode = Bieu2Part;

const ITEM_FIELDS = [
  ['goal', 'Mục tiêu cải tiến (3)'],
  ['activities', 'Hoạt động/giải pháp (4)'],
  ['indicator', 'Chỉ số đánh giá kết quả (5)'],
  ['time', 'Thời gian thực hiện (6)'],
  ['owner', 'Đơn vị/cá nhân phụ trách (7)'],
  ['resources', 'Nguồn lực bảo đảm (8)'],
  ['evidence', 'Thông tin, dữ liệu hoặc minh chứng dự kiến (9)'],
] as const;

type ItemKey = (typeof ITEM_FIELDS)[number][0];

const EMPTY_PROBLEM = { standard: 0, criteria: [] as string[], situation: '', weakness: '', cause: '' };
const EMPTY_ITEM = {
  problems: [] as number[],
  criteria: [] as string[],
  content: '',
  status: '',
  ...(Object.fromEntries(ITEM_FIELDS.map(([k]) => [k, ''])) as Record<ItemKey, string>),
};

const dayText = (d: { day: number; month: number; year: number }): string =>
  `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;

const shortText = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export default function Tt57Fill(props: Tt57FillProps) {
  const { backend, model, schoolType, schoolYear = '', onSchoolType, onModel, onRefresh } = props;
  const styles = useStyles();
  const [mode, setMode] = useState<Mode>(() => takeRequestedBieu2Part() ?? 'problem');
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [problem, setProblem] = useState(EMPTY_PROBLEM);
  const [item, setItem] = useState(EMPTY_ITEM);
  const [query, setQuery] = useState('');
  const [statusDrafts, setStatusDrafts] = useState<Record<number, string>>({});
  const [removing, setRemoving] = useState<number>();
  const [reviewWhen, setReviewWhen] = useState<ReviewWhen>();
  const [review, setReview] = useState<{ content: string; result: string; adjustment: string; reviewer: string }>();
  const searchId = useId();
  /** The three values column (10) is usually written with (free text allowed): the inputs' suggestions. */
  const statusListId = useId();

  const type = schoolType ?? 'tieu-hoc';
  const catalog = findCatalog('2026', type);
  const doc: Tt57Document | undefined = useMemo(() => readTt57(model, type, schoolYear), [model, type, schoolYear]);
  const now = props.now ?? new Date();
  const today = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const due = schoolYear ? dueReviews(schoolYear, today) : { term1: false, year: false };
  const dates = schoolYear ? reviewDates(schoolYear) : undefined;
  const when: ReviewWhen = reviewWhen ?? (due.year ? 'year' : 'term1');

  const matches = useMemo(() => (catalog ? searchCriteria(catalog, query) : []), [catalog, query]);

  if (!doc) return null;
  const plan = doc.plan;
  const written = (w: ReviewWhen): boolean => {
    const r = getReview(plan, w);
    return !!(r.content.trim() || r.result.trim());
  };
  const draft =
    review ??
    (() => {
      const r = reviewDraft(plan, when);
      return { content: r.content, result: r.result, adjustment: r.adjustment, reviewer: r.reviewer };
    })();

  /** One edit of one table, then the document as it left it. */
  const act = async (label: string, rec: RecognisedTable | undefined, planner: EditPlanner, done: () => void): Promise<void> => {
    if (busy || !rec) return;
    setBusy(label);
    setNotice(undefined);
    try {
      const w = withResult(planner);
      const target = rec.tag ? { tag: rec.tag } : { table: rec.parts[0].index };
      const result = await backend.editTable(target, w.planner);
      const after = w.result();
      if (after) onModel(after);
      else onRefresh();
      done();
      setNotice({ intent: 'success', title: result.summary });
    } catch (e) {
      setNotice({
        intent: 'error',
        title: 'Chưa ghi được vào tài liệu.',
        text: `${errorText(e)} Nội dung bạn đã nhập vẫn còn nguyên.`,
      });
    } finally {
      setBusy(undefined);
    }
  };

  const problemLabel = (n: number): string => {
    const p = doc.problems[n - 1];
    const codes = p?.criteria.length ? `Tiêu chí ${p.criteria.join(', ')}` : p?.standard ? `Tiêu chuẩn ${p.standard}` : '';
    return `Vấn đề ${n}${codes ? ` · ${codes}` : ''}${p?.texts.weakness ? ` · ${shortText(p.texts.weakness, 50)}` : ''}`;
  };

  const criteriaChecklist = (
    selected: readonly string[],
    onChange: (codes: string[]) => void,
    label: string,
    standard?: number,
  ) => (
    <div role="group" aria-label={label} className={styles.checks} data-testid="tt57-criteria">
      {matches
        .filter((m) => !standard || m.standard.number === standard)
        .map((m) => (
          <Checkbox
            key={m.criterion.code}
            checked={selected.includes(m.criterion.code)}
            onChange={(_, d) =>
              onChange(d.checked === true ? [...selected, m.criterion.code] : selected.filter((c) => c !== m.criterion.code))
            }
            label={`${m.criterion.code} ${m.criterion.title}`}
          />
        ))}
    </div>
  );

  const search = (
    <Field label="Tìm tiêu chí">
      <Input id={searchId} value={query} onChange={(_, d) => setQuery(d.value)} placeholder="Số hoặc từ khóa, ví dụ 1.3" />
    </Field>
  );

  const counts = plan.items.length ? statusSummary(plan) : 'Chưa có nội dung cải tiến nào.';
  const dueText = !dates
    ? 'Tài liệu chưa ghi năm học: chưa biết hạn rà soát.'
    : due.year
      ? `Đến hạn rà soát cuối năm học (từ ${dayText(dates.year)})${written('year') ? ': đã ghi.' : ': chưa ghi.'}`
      : due.term1
        ? `Đến hạn rà soát cuối học kỳ I (từ ${dayText(dates.term1)})${written('term1') ? ': đã ghi.' : ': chưa ghi.'}`
        : `Chưa đến hạn rà soát: cuối học kỳ I từ ${dayText(dates.term1)}, cuối năm học từ ${dayText(dates.year)}.`;

  return (
    <div className={styles.root}>
      <section className={styles.glance} aria-label="Kế hoạch trong tài liệu" data-testid="tt57-glance">
        <h3 className={styles.heading}>
          Biểu 2 · {doc.problems.length} vấn đề (mục IV) · {doc.items.length} nội dung cải tiến (mục V)
        </h3>
        {doc.problems.length > 0 && (
          <ul className={styles.list}>
            {doc.problems.map((p, i) => {
              const served = doc.items.filter((it) => it.problems.includes(i + 1)).map((it) => it.tt || String(it.position));
              return (
                <li key={`${p.at.table}-${p.at.row}`}>
                  {problemLabel(i + 1)}:{' '}
                  {served.length ? (
                    `nội dung ${served.join(', ')}`
                  ) : (
                    <span className={styles.warn}>chưa có nội dung cải tiến nào</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <Text data-testid="tt57-status">Mức độ thực hiện: {counts}</Text>
        <Unverified notes={getForm('plan-2026').unverified ?? []} label="Chưa xác minh: cách ghi Biểu 2" />
        <Text data-testid="tt57-due" className={due.term1 && !written(due.year ? 'year' : 'term1') ? styles.warn : undefined}>
          {dueText}
        </Text>
        {!schoolType && (
          <Field
            label="Loại trường"
            validationState="warning"
            validationMessage="Chưa nhận ra loại trường từ tài liệu: hãy chọn."
          >
            <Select value="" onChange={(_, d) => onSchoolType(d.value as SchoolType)}>
              <option value="">— Chọn loại trường —</option>
              {schoolTypesOf('2026').map((t) => (
                <option key={t} value={t}>
                  {SCHOOL_TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </section>

      <Field label="Điền phần">
        <RadioGroup className={styles.choices} value={mode} onChange={(_, d) => setMode(d.value as Mode)}>
          <Radio value="problem" label="Vấn đề (mục IV)" disabled={!doc.tables.problems} />
          <Radio value="item" label="Nội dung cải tiến (mục V)" disabled={!doc.tables.items} />
          <Radio value="review" label="Rà soát (mục VI)" disabled={!doc.tables.reviews} />
        </RadioGroup>
      </Field>

      {mode === 'problem' && catalog && (
        <section className={styles.section} aria-label="Vấn đề trọng tâm (mục IV)">
          <Field label="Tiêu chuẩn">
            <Select
              className={styles.control}
              value={String(problem.standard)}
              onChange={(_, d) => setProblem({ ...problem, standard: Number(d.value) })}
            >
              <option value="0">— Theo tiêu chí đã chọn —</option>
              {catalog.standards.map((s) => (
                <option key={s.number} value={String(s.number)}>
                  Tiêu chuẩn {s.number}: {s.title}
                </option>
              ))}
            </Select>
          </Field>
          {search}
          {criteriaChecklist(
            problem.criteria,
            (criteria) => setProblem({ ...problem, criteria }),
            'Tiêu chí liên quan (nếu có)',
            problem.standard || undefined,
          )}
          <Field label="Đánh giá hiện trạng">
            <Textarea
              resize="vertical"
              value={problem.situation}
              onChange={(_, d) => setProblem({ ...problem, situation: d.value })}
            />
          </Field>
          <Field label="Điểm hạn chế">
            <Textarea
              resize="vertical"
              value={problem.weakness}
              onChange={(_, d) => setProblem({ ...problem, weakness: d.value })}
            />
          </Field>
          <Field label="Nguyên nhân của hạn chế">
            <Textarea resize="vertical" value={problem.cause} onChange={(_, d) => setProblem({ ...problem, cause: d.value })} />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={!!busy || (!problem.standard && !problem.criteria.length) || !(problem.situation || problem.weakness)}
              onClick={() =>
                void act(
                  'problem',
                  doc.tables.problems,
                  (rec, m) =>
                    planAddProblem(
                      rec,
                      catalog,
                      { ...problem, standard: problem.standard || undefined, criteria: [...problem.criteria].sort() },
                      m,
                    ),
                  () => setProblem(EMPTY_PROBLEM),
                )
              }
            >
              {busy === 'problem' ? 'Đang ghi…' : 'Thêm vấn đề'}
            </Button>
            <Text size={200} className={styles.note}>
              Chỉ chọn các vấn đề trọng tâm, có tác động trực tiếp đến chất lượng giáo dục.
            </Text>
          </div>
        </section>
      )}

      {mode === 'item' && (
        <section className={styles.section} aria-label="Nội dung cải tiến (mục V)">
          {doc.items.length > 0 && (
            <div className={styles.section} data-testid="tt57-items">
              {doc.items.map((it, k) => {
                const n = k + 1;
                const status = statusDrafts[n] ?? it.texts.status ?? '';
                return (
                  <div key={`${it.at.table}-${it.at.row}`} className={styles.item} data-testid="tt57-item">
                    <Text className={styles.itemText}>
                      <strong>{it.tt || n}.</strong> {shortText(it.texts.criterion ?? '', 140)}
                    </Text>
                    <div className={styles.row}>
                      <Field className={styles.grow} label={`Mức độ thực hiện (10) của nội dung ${it.tt || n}`}>
                        <Input
                          className={styles.control}
                          value={status}
                          list={statusListId}
                          autoComplete="off"
                          onChange={(_, d) => setStatusDrafts({ ...statusDrafts, [n]: d.value })}
                        />
                      </Field>
                      <Button
                        disabled={!!busy || status.trim() === (it.texts.status ?? '').trim()}
                        onClick={() =>
                          void act(
                            'status',
                            doc.tables.items,
                            (rec, m) => planUpdateItem(rec, n, { status: status.trim() }, m),
                            () => setStatusDrafts({}),
                          )
                        }
                      >
                        Ghi mức độ {it.tt || n}
                      </Button>
                      <Button appearance="subtle" disabled={!!busy} onClick={() => setRemoving(n)}>
                        Xóa nội dung {it.tt || n}
                      </Button>
                    </div>
                    {removing === n && (
                      <MessageBar intent="warning" layout="multiline">
                        <MessageBarBody>Xóa dòng {it.tt || n} khỏi bảng mục V? Các dòng sau được đánh số lại.</MessageBarBody>
                        <MessageBarActions>
                          <Button
                            size="small"
                            onClick={() =>
                              void act(
                                'remove',
                                doc.tables.items,
                                (rec, m) => planRemoveItem(rec, n, m),
                                () => {
                                  setRemoving(undefined);
                                  setStatusDrafts({});
                                },
                              )
                            }
                          >
                            Xóa dòng
                          </Button>
                          <Button size="small" appearance="subtle" onClick={() => setRemoving(undefined)}>
                            Thôi
                          </Button>
                        </MessageBarActions>
                      </MessageBar>
                    )}
                  </div>
                );
              })}
            </div>
          )}
          <h3 className={styles.heading}>Thêm nội dung cải tiến</h3>
          {doc.problems.length > 0 ? (
            <div role="group" aria-label="Gắn với vấn đề (mục IV)" className={styles.checks}>
              {doc.problems.map((_, i) => (
                <Checkbox
                  key={i}
                  checked={item.problems.includes(i + 1)}
                  onChange={(_, d) =>
                    setItem({
                      ...item,
                      problems: d.checked === true ? [...item.problems, i + 1].sort() : item.problems.filter((x) => x !== i + 1),
                    })
                  }
                  label={problemLabel(i + 1)}
                />
              ))}
            </div>
          ) : (
            <Text className={styles.note}>Mục IV chưa có vấn đề nào: có thể gắn nội dung với tiêu chí.</Text>
          )}
          {catalog && (
            <details>
              <summary>Gắn thêm với tiêu chí ({item.criteria.length ? item.criteria.join(', ') : 'chưa chọn'})</summary>
              {search}
              {criteriaChecklist(item.criteria, (criteria) => setItem({ ...item, criteria }), 'Tiêu chí nội dung phục vụ')}
            </details>
          )}
          <Field label="Nội dung cải tiến (2)" hint="Tiêu chí hoặc vấn đề được ghi ở đầu ô, ví dụ «Tiêu chí 1.3: …».">
            <Textarea resize="vertical" value={item.content} onChange={(_, d) => setItem({ ...item, content: d.value })} />
          </Field>
          {ITEM_FIELDS.map(([key, label]) => (
            <Field key={key} label={label}>
              <Textarea resize="vertical" value={item[key]} onChange={(_, d) => setItem({ ...item, [key]: d.value })} />
            </Field>
          ))}
          <Field
            label="Mức độ thực hiện (10)"
            hint="Chọn Hoàn thành / Đang thực hiện / Chưa hoàn thành, hoặc gõ cách ghi khác; để trống khi mới lập kế hoạch."
          >
            <Input
              value={item.status}
              list={statusListId}
              autoComplete="off"
              onChange={(_, d) => setItem({ ...item, status: d.value })}
            />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={!!busy || !item.content.trim()}
              onClick={() => {
                const codes = [
                  ...new Set([...item.criteria, ...item.problems.flatMap((n) => doc.problems[n - 1]?.criteria ?? [])]),
                ].sort();
                const texts = Object.fromEntries(ITEM_FIELDS.map(([k]) => [k, item[k]]));
                void act(
                  'item',
                  doc.tables.items,
                  (rec, m) =>
                    planAddItem(
                      rec,
                      { criterion: itemColumnText(codes, item.problems, item.content), ...texts, status: item.status.trim() },
                      m,
                    ),
                  () => setItem(EMPTY_ITEM),
                );
              }}
            >
              {busy === 'item' ? 'Đang ghi…' : 'Thêm nội dung cải tiến'}
            </Button>
          </div>
        </section>
      )}

      {mode === 'review' && (
        <section className={styles.section} aria-label="Rà soát (mục VI)">
          <Field label="Thời điểm">
            <RadioGroup
              className={styles.choices}
              value={when}
              onChange={(_, d) => {
                setReviewWhen(d.value as ReviewWhen);
                setReview(undefined);
              }}
            >
              <Radio value="term1" label="Cuối học kỳ I" />
              <Radio value="year" label="Cuối năm học" />
            </RadioGroup>
          </Field>
          <Text size={200} className={styles.note}>
            Ô «Kết quả thực hiện» được điền sẵn từ cột (10): {counts}
          </Text>
          {(
            [
              ['content', 'Nội dung theo dõi'],
              ['result', 'Kết quả thực hiện'],
              ['adjustment', 'Điều chỉnh (nếu có)'],
              ['reviewer', 'Người đánh giá'],
            ] as const
          ).map(([key, label]) => (
            <Field key={key} label={label}>
              <Textarea resize="vertical" value={draft[key]} onChange={(_, d) => setReview({ ...draft, [key]: d.value })} />
            </Field>
          ))}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={!!busy || !(draft.content.trim() || draft.result.trim())}
              onClick={() =>
                void act(
                  'review',
                  doc.tables.reviews,
                  (rec, m) => planSetReview(rec, when, draft, m),
                  () => setReview(undefined),
                )
              }
            >
              {busy === 'review' ? 'Đang ghi…' : when === 'term1' ? 'Ghi rà soát cuối học kỳ I' : 'Ghi rà soát cuối năm học'}
            </Button>
          </div>
        </section>
      )}

      <datalist id={statusListId}>
        {STATUS_VALUES.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {busy && <Spinner size="tiny" label="Đang ghi vào tài liệu…" labelPosition="after" />}
      <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} testId="tt57-result" />
    </div>
  );
}
