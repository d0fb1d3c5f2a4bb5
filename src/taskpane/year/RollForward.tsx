/**
 * "Kế hoạch năm mới từ năm trước": last year's plan or report becomes this year's plan. Unfinished
 * rows are ticked, finished ones offered unticked with the reason; the year moves on and results are
 * cleared. From the 2018 circulars into Thông tư 57/2026 each row is given a TT57 criterion from a
 * list led by the closest ones (a similarity bar each) and the plan is written as a whole Biểu 2 (rows
 * left unassigned are items marked to be assigned). A Biểu 2 (TT57) is rolled to the next year as a
 * whole Biểu 2: items not «Hoàn thành» carried over with a note, problems kept, dates moved, column (10)
 * and mục VI emptied. The same use cases and writer as `ctcl roll` (domain/tt57/year). Inserted at the
 * cursor, or — without Word — as a new document.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
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
  tokens,
} from '@fluentui/react-components';
import { DocumentAddRegular, TableAddRegular } from '@fluentui/react-icons';
import type { Tt57Plan } from '../../domain/tt57/plan';
import { bieu2ToRoll } from '../../domain/tt57/year';
import { rolledBieu2, rolledPlan, rolledPlanBody, today, type RolledPlan } from '../../app/year';
import { insertTableFramed } from '../../app/new-document';
import {
  allCriteria,
  findCatalog,
  findCriterion,
  frameworkForYear,
  FRAMEWORK_LABELS,
  FRAMEWORKS,
  getCatalog,
  isFramework,
  type Framework,
  type SchoolType,
} from '../../domain/catalog';
import { formatSchoolYear, nextSchoolYear, parseSchoolYear } from '../../domain/text';
import { NO_OFFICIAL_MAPPING, rollForward, UNASSIGNED_MARK, type RollCandidate, type RollResult } from '../../domain/year';
import type { YearViewProps } from './YearPanel';
import { errorText, newDocumentName, schoolNameOf, profileReady, schoolYearOf, tablesOfKind } from './model';
import { DocxPicker, TableSelect, type PickedDocx } from './pickers';
import { NoticeBar, SchoolFields, sessionOf, useYearStyles, type Notice } from './ui';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '8px', margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  off: { backgroundColor: tokens.colorNeutralBackground2 },
  reason: { color: tokens.colorNeutralForeground2, paddingLeft: '32px' },
  indent: { paddingLeft: '32px', display: 'flex', flexDirection: 'column', gap: '6px' },
  suggestion: { display: 'grid', gridTemplateColumns: '1fr 64px 36px', alignItems: 'center', gap: '6px' },
  bar: { height: '6px', borderRadius: '3px', backgroundColor: tokens.colorNeutralBackground4, overflow: 'hidden' },
  fill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  score: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

type Source = 'file' | 'document';

interface Pick {
  readonly on: boolean;
  readonly assign?: string;
}

const percent = (score: number): string => `${Math.round(score * 100)}%`;

/** What the panel will write: a 2018 table, or a whole Biểu 2 (TT57); the same as `ctcl roll` (src/app/year). */
type Made = RolledPlan | { readonly error: string };

export function RollForward({ backend, blocked, standalone, doc, profile }: YearViewProps) {
  const styles = useYearStyles();
  const own = useStyles();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<PickedDocx>();
  const [tableIndex, setTableIndex] = useState(0);
  const [schoolType, setSchoolType] = useState<SchoolType>('tieu-hoc');
  const [fromYear, setFromYear] = useState('');
  const [frameworkOverride, setFrameworkOverride] = useState<Framework>();
  const [all, setAll] = useState(false);
  const [picks, setPicks] = useState<readonly Pick[]>([]);
  const [frame, setFrame] = useState(true);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [confirmNew, setConfirmNew] = useState(false);
  const session = standalone ? sessionOf(backend) : undefined;

  const docTables = useMemo(() => tablesOfKind(doc.result, ['report', 'plan']), [doc.result]);
  const table = source === 'file' ? file?.tables[0] : docTables[Math.min(tableIndex, docTables.length - 1)];
  const found = source === 'file' ? file?.file.result : doc.result;
  const meta = found?.meta;
  // A Biểu 2 (TT57) is rolled as a whole plan, not table by table.
  const bieu2 = useMemo(() => (found ? bieu2ToRoll(found) : undefined), [found]);
  const foundType = meta?.schoolType;
  const foundYear = meta?.schoolYear;
  useEffect(() => {
    if (foundType) setSchoolType(foundType);
    if (foundYear) setFromYear(foundYear);
  }, [foundType, foundYear]);

  const from = schoolYearOf(fromYear);
  const toYear = from ? formatSchoolYear(nextSchoolYear(parseSchoolYear(from)!)) : undefined;
  const autoFramework = toYear ? frameworkForYear(toYear) : undefined;
  const outcome = useMemo((): { result: RollResult } | { error: string } | undefined => {
    if (!table || !from || bieu2) return undefined;
    try {
      return { result: rollForward({ table, schoolType, schoolYear: from, framework: frameworkOverride }) };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [table, schoolType, from, frameworkOverride, bieu2]);
  const result = outcome && 'result' in outcome ? outcome.result : undefined;

  // New candidates: unfinished rows ticked, finished ones not; nothing assigned yet.
  useEffect(() => {
    setPicks(result ? result.candidates.map((c) => ({ on: c.selected })) : []);
  }, [result]);

  // A Biểu 2 rolled to the next year (as `ctcl roll` does).
  const rolled = useMemo((): Made | undefined => {
    if (!bieu2 || !from) return undefined;
    try {
      return rolledBieu2({ ...bieu2, schoolType, schoolYear: from }, { all });
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [bieu2, from, schoolType, all]);

  const made = useMemo((): Made | undefined => {
    if (bieu2) return rolled;
    if (!result || picks.length !== result.candidates.length) return undefined;
    const chosen = picks.flatMap((p, index) => (p.on ? [{ index, assign: p.assign }] : []));
    if (!chosen.length) return undefined;
    try {
      return rolledPlan(result, schoolType, chosen);
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [bieu2, rolled, result, picks, schoolType]);
  const good = made && !('error' in made) ? made : undefined;
  const carriedNone = good?.kind === 'bieu2' && !!bieu2 && !good.plan.items.length && bieu2.items.length > 0;

  const canFrame = profileReady(profile.profile);
  const framed = frame && canFrame ? profile.profile : undefined;
  const ready = !!backend && !blocked && !!good && !carriedNone && !busy;

  /** The new plan's blocks, as `ctcl roll` writes them: the profile's frame, else the old school name. */
  const blocksOf = (m: RolledPlan) => rolledPlanBody(m, { profile: framed, school: meta?.schoolName, date: today() });

  const done = (how: string): void => {
    if (!good) return;
    if (good.kind === 'bieu2') {
      const { plan, unassigned } = good;
      setNotice({
        intent: unassigned ? 'warning' : 'success',
        title: how,
        text:
          `Kế hoạch cải tiến chất lượng (Biểu 2) năm học ${plan.schoolYear}: ${plan.items.length} nội dung ở mục V, ` +
          `${plan.problems.length} vấn đề ở mục IV để trường rà soát lại; ngày tháng đã chuyển sang năm mới, cột (10) và mục VI để trống.` +
          (unassigned ? ` ${unassigned} nội dung chưa gán tiêu chí theo Thông tư 57/2026, ghi rõ «${UNASSIGNED_MARK}»` : ''),
      });
      return;
    }
    const { spec, unassigned, rows } = good;
    setNotice({
      intent: unassigned ? 'warning' : 'success',
      title: how,
      text:
        `Kế hoạch năm học ${spec.schoolYear}: ${rows} dòng, kết quả năm trước đã xóa, ngày tháng đã chuyển sang năm mới.` +
        (unassigned
          ? ` ${unassigned} dòng chưa gán tiêu chí theo Thông tư 57/2026, ghi ở cuối bảng với dòng «${UNASSIGNED_MARK}»`
          : ''),
    });
  };

  const insert = async (): Promise<void> => {
    if (!backend || !good) return;
    setBusy(true);
    setNotice(undefined);
    try {
      if (good.kind === 'bieu2') {
        await backend.insertAtCursor(blocksOf(good));
        done('Đã chèn Biểu 2.');
      } else {
        await insertTableFramed(backend, good.spec, { profile: framed, school: schoolNameOf(profile), date: today() });
        done('Đã chèn bảng kế hoạch.');
      }
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa chèn được bảng.', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const createDocument = (): void => {
    setConfirmNew(false);
    if (!session || !good) return;
    try {
      session.newDocument(
        blocksOf(good),
        newDocumentName('plan', good.kind === 'bieu2' ? good.plan.schoolYear : good.spec.schoolYear),
      );
      done('Đã tạo tài liệu mới.');
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa tạo được tài liệu.', text: errorText(e) });
    }
  };

  const setPick = (i: number, patch: Partial<Pick>): void =>
    setPicks((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  return (
    <div className={styles.view}>
      <Text className={styles.note}>
        Lập kế hoạch năm nay từ kế hoạch hoặc báo cáo năm trước: giữ những việc chưa xong, xóa kết quả, chuyển năm học và ngày
        tháng sang năm mới.
      </Text>
      <Field label="Lấy từ">
        <RadioGroup value={source} onChange={(_, v) => setSource(v.value as Source)}>
          <Radio value="file" label="Tệp năm trước (.docx)" />
          <Radio value="document" label="Bảng trong tài liệu này" />
        </RadioGroup>
      </Field>
      {source === 'file' ? (
        <DocxPicker
          label="Chọn tệp năm trước…"
          testId="year-roll-file"
          kinds={['report', 'plan']}
          picked={file}
          onPicked={setFile}
        />
      ) : (
        <TableSelect
          label="Bảng năm trước"
          tables={docTables}
          value={tableIndex}
          onChange={setTableIndex}
          empty="Tài liệu này chưa có bảng kế hoạch hoặc báo cáo."
        />
      )}

      {table && (
        <>
          <SchoolFields
            schoolType={schoolType}
            onSchoolType={setSchoolType}
            year={fromYear}
            onYear={setFromYear}
            yearLabel="Năm học của tệp năm trước"
            yearHint={toYear ? `Năm học mới: ${toYear}` : undefined}
          />
          {!bieu2 && (
            <Field label="Bộ tiêu chuẩn năm nay">
              <Select
                className={styles.control}
                select={{ className: styles.selectEl }}
                value={frameworkOverride ?? 'auto'}
                onChange={(_, v) => setFrameworkOverride(isFramework(v.value) ? v.value : undefined)}
              >
                <option value="auto">Theo năm học{autoFramework ? `: ${FRAMEWORK_LABELS[autoFramework]}` : ''}</option>
                {FRAMEWORKS.map((f) => (
                  <option key={f} value={f}>
                    {FRAMEWORK_LABELS[f]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </>
      )}

      {bieu2 && from && (
        <Bieu2Roll old={bieu2} fromYear={from} made={good?.kind === 'bieu2' ? good : undefined} all={all} onAll={setAll} />
      )}
      {made && 'error' in made && (
        <Text role="alert" data-testid="year-error">
          {made.error}
        </Text>
      )}

      {outcome && 'error' in outcome && (
        <Text role="alert" data-testid="year-error">
          {outcome.error}
        </Text>
      )}

      {result && (
        <>
          {result.remap && (
            <MessageBar intent="warning" layout="multiline" data-testid="year-no-mapping">
              <MessageBarBody>
                <MessageBarTitle>Chuyển sang Thông tư 57/2026: hãy gán tiêu chí mới cho từng dòng.</MessageBarTitle>
                {NO_OFFICIAL_MAPPING}
              </MessageBarBody>
            </MessageBar>
          )}
          <Text>
            Năm học {result.fromYear} → {result.toYear}, {FRAMEWORK_LABELS[result.framework]}. Đánh dấu những dòng đưa vào kế
            hoạch năm nay:
          </Text>
          <ul className={own.list} aria-label="Các dòng năm trước">
            {result.candidates.map((c, i) => (
              <CandidateItem
                key={i}
                candidate={c}
                pick={picks[i] ?? { on: c.selected }}
                onPick={(patch) => setPick(i, patch)}
                result={result}
                schoolType={schoolType}
                title={titleOf(c, table?.form.framework, schoolType)}
              />
            ))}
          </ul>
          {good?.kind === 'table' && (
            <Text data-testid="year-summary">
              Sẽ có {good.rows} dòng
              {good.unassigned ? `, trong đó ${good.unassigned} dòng chưa gán tiêu chí theo Thông tư 57/2026` : ''}.
            </Text>
          )}
          {good?.kind === 'bieu2' && (
            <Text data-testid="year-summary">
              Sẽ lập Biểu 2 (Thông tư 57/2026) với {good.plan.items.length} nội dung ở mục V
              {good.unassigned ? `, trong đó ${good.unassigned} nội dung chưa gán tiêu chí theo Thông tư 57/2026` : ''}
              {good.plan.problems.length ? `; ${good.plan.problems.length} vấn đề ở mục IV theo các tiêu chí đã gán` : ''}.
            </Text>
          )}
          {!made && <Text className={styles.note}>Hãy đánh dấu ít nhất một dòng.</Text>}
        </>
      )}

      {(result || (bieu2 && good)) && (
        <>
          <Checkbox
            checked={!!framed}
            disabled={!canFrame}
            onChange={(_, v) => setFrame(v.checked === true)}
            label={
              canFrame
                ? 'Kèm phần đầu và phần ký theo Nghị định 30/2020'
                : 'Kèm phần đầu và phần ký (hãy nhập thông tin trường trước)'
            }
          />
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={busy ? <Spinner size="tiny" /> : <TableAddRegular />}
              disabled={!ready}
              onClick={() => void insert()}
            >
              {good?.kind === 'bieu2' ? 'Chèn Biểu 2' : 'Chèn bảng kế hoạch'}
            </Button>
            {session && (
              <Button
                icon={<DocumentAddRegular />}
                disabled={!ready}
                onClick={() => (session.getState().dirty ? setConfirmNew(true) : createDocument())}
              >
                Tạo tài liệu mới
              </Button>
            )}
          </div>
          {confirmNew && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Tài liệu đang soạn có thay đổi chưa lưu.</MessageBarTitle>
                Tạo tài liệu mới sẽ bỏ các thay đổi đó. Hãy bấm «Lưu» ở trên nếu muốn giữ lại.
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={createDocument}>Vẫn tạo tài liệu mới</Button>
                <Button onClick={() => setConfirmNew(false)}>Huỷ</Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </>
      )}
      <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} />
    </div>
  );
}

/** "Tiêu chí 1.6: Quản lý hành chính, tài chính và tài sản" (last year's catalog). */
function titleOf(c: RollCandidate, framework: Framework | undefined, schoolType: SchoolType): string {
  if (c.ref.level4 || !framework) return c.label;
  const catalog = findCatalog(framework, schoolType);
  const criterion = catalog ? findCriterion(catalog, c.ref.code) : undefined;
  return criterion ? `${c.label}: ${criterion.title}` : c.label;
}

function CandidateItem(props: {
  candidate: RollCandidate;
  pick: Pick;
  onPick: (patch: Partial<Pick>) => void;
  result: RollResult;
  schoolType: SchoolType;
  title: string;
}) {
  const own = useStyles();
  const { candidate: c, pick } = props;
  const others = useMemo(() => {
    if (!c.needsMapping) return [];
    const catalog = getCatalog(props.result.framework, props.schoolType);
    const suggested = new Set(c.suggestions.map((s) => s.code));
    return allCriteria(catalog).filter((x) => !suggested.has(x.code));
  }, [c, props.result.framework, props.schoolType]);
  return (
    <li className={`${own.item} ${pick.on ? '' : own.off}`} data-testid="year-candidate">
      <Checkbox checked={pick.on} onChange={(_, v) => props.onPick({ on: v.checked === true })} label={props.title} />
      <Text size={200} className={own.reason}>
        {c.finished && (
          <Badge size="small" appearance="tint" color="success">
            Đã hoàn thành
          </Badge>
        )}{' '}
        {c.reason}
      </Text>
      {c.needsMapping && pick.on && (
        <div className={own.indent}>
          <Text size={200} weight="semibold">
            Tiêu chí gần nghĩa nhất theo Thông tư 57/2026:
          </Text>
          {c.suggestions.map((s) => (
            <div key={s.code} className={own.suggestion}>
              <Text size={200}>
                {s.code} {s.title}
              </Text>
              <div
                className={own.bar}
                role="meter"
                aria-label={`Độ giống của tiêu chí ${s.code}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(s.score * 100)}
                aria-valuetext={`giống ${percent(s.score)}`}
              >
                <div className={own.fill} style={{ width: percent(s.score) }} />
              </div>
              <Text size={200} className={own.score} aria-hidden="true">
                {percent(s.score)}
              </Text>
            </div>
          ))}
          <Field label={`Gán tiêu chí cho ${c.label}`}>
            <Select value={pick.assign ?? ''} onChange={(_, v) => props.onPick({ assign: v.value || undefined })}>
              <option value="">Chưa gán — ghi là dòng cần gán tiêu chí</option>
              <optgroup label="Gợi ý">
                {c.suggestions.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} {s.title} (giống {percent(s.score)})
                  </option>
                ))}
              </optgroup>
              <optgroup label="Các tiêu chí khác">
                {others.map((x) => (
                  <option key={x.code} value={x.code}>
                    {x.code} {x.title}
                  </option>
                ))}
              </optgroup>
            </Select>
          </Field>
        </div>
      )}
    </li>
  );
}

/** A Biểu 2 to roll: what moves to the new year, and whether finished items go too. */
function Bieu2Roll(props: {
  old: Tt57Plan;
  fromYear: string;
  made?: Extract<Made, { kind: 'bieu2' }>;
  all: boolean;
  onAll: (all: boolean) => void;
}) {
  const styles = useYearStyles();
  const own = useStyles();
  const { old, made } = props;
  return (
    <>
      <Text>
        Kế hoạch cải tiến chất lượng (Biểu 2, Thông tư 57/2026) năm học {props.fromYear}
        {made ? ` → ${made.plan.schoolYear}` : ''}: {old.items.length} nội dung ở mục V, {old.problems.length} vấn đề ở mục IV.
      </Text>
      <Checkbox
        checked={props.all}
        onChange={(_, v) => props.onAll(v.checked === true)}
        label="Đưa vào cả những nội dung đã hoàn thành"
      />
      {made && (
        <>
          <Text data-testid="year-summary">
            Sẽ lập Biểu 2 năm học {made.plan.schoolYear}: {made.plan.items.length} nội dung chuyển tiếp
            {made.done ? `, ${made.done} nội dung đã hoàn thành không đưa vào` : ''}; {made.plan.problems.length} vấn đề ở mục IV
            giữ nguyên để trường rà soát lại. Ngày tháng chuyển sang năm mới; cột (10) và mục VI để trống.
          </Text>
          {made.plan.items.length || !old.items.length ? (
            <ul className={own.list} aria-label="Các nội dung chuyển tiếp">
              {made.plan.items.map((it) => (
                <li key={it.id} className={own.item} data-testid="year-carried">
                  <Text>
                    {it.number}. {it.content}
                  </Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text className={styles.note} role="alert">
              Mọi nội dung cải tiến đã hoàn thành nên không còn nội dung nào chuyển sang. Hãy đánh dấu «Đưa vào cả những nội dung
              đã hoàn thành» để lập kế hoạch từ tất cả các nội dung.
            </Text>
          )}
        </>
      )}
    </>
  );
}
