/**
 * "Kế hoạch năm mới từ năm trước": last year's plan or report becomes this year's plan. Unfinished
 * rows are ticked, finished ones offered unticked with the reason; the year moves on and results are
 * cleared. From the 2018 circulars into Thông tư 57/2026 each row is given a TT57 criterion from a
 * list led by the closest ones (a similarity bar each); rows left unassigned are written as numbered
 * rows marked to be assigned. Inserted at the cursor, or — without Word — as a new document.
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
import {
  NO_OFFICIAL_MAPPING,
  rollForward,
  rolledSpec,
  UNASSIGNED_MARK,
  type RollCandidate,
  type RollResult,
} from '../../domain/year';
import type { YearViewProps } from './YearPanel';
import { errorText, insertWithFrame, newDocumentBody, newDocumentName, profileReady, schoolYearOf, tablesOfKind } from './model';
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

export function RollForward({ backend, blocked, standalone, doc, profile }: YearViewProps) {
  const styles = useYearStyles();
  const own = useStyles();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<PickedDocx>();
  const [tableIndex, setTableIndex] = useState(0);
  const [schoolType, setSchoolType] = useState<SchoolType>('tieu-hoc');
  const [fromYear, setFromYear] = useState('');
  const [frameworkOverride, setFrameworkOverride] = useState<Framework>();
  const [picks, setPicks] = useState<readonly Pick[]>([]);
  const [frame, setFrame] = useState(true);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [confirmNew, setConfirmNew] = useState(false);
  const session = standalone ? sessionOf(backend) : undefined;

  const docTables = useMemo(() => tablesOfKind(doc.result, ['report', 'plan']), [doc.result]);
  const table = source === 'file' ? file?.tables[0] : docTables[Math.min(tableIndex, docTables.length - 1)];
  const meta = source === 'file' ? file?.file.result.meta : doc.result?.meta;
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
    if (!table || !from) return undefined;
    try {
      return { result: rollForward({ table, schoolType, schoolYear: from, framework: frameworkOverride }) };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [table, schoolType, from, frameworkOverride]);
  const result = outcome && 'result' in outcome ? outcome.result : undefined;

  // New candidates: unfinished rows ticked, finished ones not; nothing assigned yet.
  useEffect(() => {
    setPicks(result ? result.candidates.map((c) => ({ on: c.selected })) : []);
  }, [result]);

  const made = useMemo(() => {
    if (!result || picks.length !== result.candidates.length) return undefined;
    const chosen = picks.flatMap((p, index) => (p.on ? [{ index, assign: p.assign }] : []));
    if (!chosen.length) return undefined;
    try {
      return { ...rolledSpec(result, schoolType, chosen), rows: chosen.length };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [result, picks, schoolType]);

  const canFrame = profileReady(profile.profile);
  const framed = frame && canFrame ? profile.profile : undefined;
  const ready = !!backend && !blocked && !!made && 'spec' in made && !busy;

  const done = (how: string): void => {
    if (!made || !('spec' in made)) return;
    const { spec, unassigned, rows } = made;
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
    if (!backend || !made || !('spec' in made)) return;
    setBusy(true);
    setNotice(undefined);
    try {
      await insertWithFrame(backend, made.spec, framed);
      done('Đã chèn bảng kế hoạch.');
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa chèn được bảng.', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const createDocument = (): void => {
    setConfirmNew(false);
    if (!session || !made || !('spec' in made)) return;
    try {
      session.newDocument(
        newDocumentBody(made.spec, { profile: framed, school: meta?.schoolName }),
        newDocumentName('plan', made.spec.schoolYear),
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
        </>
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
          {made && 'spec' in made && (
            <Text data-testid="year-summary">
              Sẽ có {made.rows} dòng
              {made.unassigned ? `, trong đó ${made.unassigned} dòng chưa gán tiêu chí theo Thông tư 57/2026` : ''}.
            </Text>
          )}
          {!made && <Text className={styles.note}>Hãy đánh dấu ít nhất một dòng.</Text>}
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
              Chèn bảng kế hoạch
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
