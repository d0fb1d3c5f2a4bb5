/**
 * The first screen: choose the school type, the school year, the framework (from the year, or by
 * hand), the form and what the table starts with, then "Chèn bảng" inserts it at the cursor through
 * the DocumentBackend. Works the same in Word and in standalone mode.
 */
import { errorText } from '../error-text';
import { useEffect, useId, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { TableAddRegular } from '@fluentui/react-icons';
import type { DocumentBackend } from '../../domain/backend';
import {
  FRAMEWORK_LABELS,
  FRAMEWORKS,
  SCHOOL_TYPE_LABELS,
  isFramework,
  isSchoolType,
  type Catalog,
} from '../../domain/catalog/base';
import { catalogKey, loadCatalog } from './catalogs';
import { isFormId } from '../../domain/forms';
import type { StartWith } from '../../domain/table/model';
import { CriteriaPicker } from './CriteriaPicker';
import { criterionNotes, defaultChoices, derive, describeStart, describeWholePlan, type InsertChoices } from './choices';
import { FRAMEWORK_SHORT } from '../../domain/vocabulary';
import { Unverified } from './Unverified';
import { NoticeBar } from '../NoticeBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '14px', minWidth: 0 },
  row: { display: 'flex', gap: '12px', flexWrap: 'wrap' },
  grow: { flex: '1 1 140px', minWidth: 0 },
  // Native selects size to their longest option: keep them inside the pane.
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectEl: { minWidth: 0, textOverflow: 'ellipsis' },
  hint: { display: 'flex', flexDirection: 'column', gap: '4px' },
  basis: { display: 'flex', alignItems: 'flex-start', gap: '6px', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  footer: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    position: 'sticky',
    bottom: 0,
    paddingTop: '8px',
    paddingBottom: '8px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
});

type Result = { intent: 'success' | 'error'; title: string; text?: string };

interface InsertPanelProps {
  /** Undefined while the document is not ready (the button then waits). */
  readonly backend?: DocumentBackend;
  /** Why inserting is not possible at all (e.g. this Word is too old); shown instead of inserting. */
  readonly blocked?: string;
  /** Where the table goes, in the words of the host ("vị trí con trỏ"). */
  readonly target?: string;
  readonly onInserted?: () => void;
}

export function InsertPanel({ backend, blocked, target = 'vị trí con trỏ', onInserted }: InsertPanelProps) {
  const styles = useStyles();
  const [choices, setChoices] = useState<InsertChoices>(() => defaultChoices());
  const [busy, setBusy] = useState(false);
  /** TT57 plan: the whole Biểu 2 (default) or only the mục V table. */
  const [whole, setWhole] = useState(true);
  const [result, setResult] = useState<Result>();
  // Catalogs loaded so far (the chosen one is fetched on demand: the first screen carries none).
  const [catalogs, setCatalogs] = useState<ReadonlyMap<string, Catalog>>(() => new Map());
  const [catalogError, setCatalogError] = useState(false);
  const d = useMemo(() => derive(choices, (f, t) => catalogs.get(catalogKey(f, t))), [choices, catalogs]);

  const { loading, framework } = d;
  const { schoolType } = choices;
  useEffect(() => {
    if (!loading) return;
    let live = true;
    setCatalogError(false);
    loadCatalog(framework, schoolType).then(
      (c) => live && c && setCatalogs((m) => new Map(m).set(catalogKey(framework, schoolType), c)),
      () => live && setCatalogError(true),
    );
    return () => {
      live = false;
    };
  }, [loading, framework, schoolType]);
  const summaryId = useId();

  const set = (patch: Partial<InsertChoices>): void => {
    setChoices((c) => ({ ...c, ...patch }));
    setResult(undefined);
  };

  const catalogNotes = useMemo(() => (d.catalog ? [...d.catalog.unverified, ...criterionNotes(d.catalog)] : []), [d.catalog]);
  const schoolTypeOptions = d.schoolTypes.includes(choices.schoolType) ? d.schoolTypes : [...d.schoolTypes, choices.schoolType];
  const ungroupedTt57 = d.form.sections === 'levels-2026' && !(d.hasGroupByLevel && choices.groupByLevel);
  const wholePlan = d.form.id === 'plan-2026' && whole;

  const insert = async (): Promise<void> => {
    if (!backend || !d.spec || busy) return;
    setBusy(true);
    setResult(undefined);
    try {
      if (wholePlan) {
        const m = await import(/* webpackChunkName: "plan2026" */ './whole-plan');
        const start = choices.start;
        const r = await m.insertWholePlan(backend, {
          schoolType: d.spec.schoolType,
          schoolYear: d.spec.schoolYear,
          criteria: start === 'all' ? 'all' : start === 'selected' ? d.selectedRefs : 'none',
        });
        const profile = r.fromProfile
          ? 'Phần đầu và mục I lấy từ hồ sơ trường.'
          : 'Chưa có hồ sơ trường: phần đầu và mục I để «…» (nhập hồ sơ ở thẻ «Năm học mới»).';
        setResult({
          intent: 'success',
          title: 'Đã chèn Biểu 2.',
          text: `Kế hoạch cải tiến chất lượng năm học ${d.spec.schoolYear} (mục I–VIII, bảng mục IV, V, VI) đã nằm ở ${target}. ${profile} Điền vấn đề, nội dung cải tiến và rà soát ở thẻ «Điền dòng».${r.notes.length ? ` ${r.notes.join(' ')}` : ''}`,
        });
        onInserted?.();
        return;
      }
      const m = await import(/* webpackChunkName: "new-table" */ '../year/model');
      const { titled } = await m.insertTableTitled(backend, d.spec);
      const rows = d.criterionRows ? ` với ${d.criterionRows} dòng tiêu chí` : '';
      setResult({
        intent: 'success',
        title: titled ? 'Đã tạo tài liệu.' : 'Đã chèn bảng.',
        text: titled
          ? `Tiêu đề và bảng «${d.form.name}», năm học ${d.spec.schoolYear}${rows}, đã nằm ở đầu tài liệu. Loại trường, năm học và bộ tiêu chuẩn đã chọn được ghi vào tài liệu.`
          : `«${d.form.name}», năm học ${d.spec.schoolYear}${rows}, đã nằm ở ${target}.`,
      });
      onInserted?.();
    } catch (e) {
      setResult({
        intent: 'error',
        title: 'Chưa chèn được bảng.',
        text: errorText(e),
      });
    } finally {
      setBusy(false);
    }
  };

  const frameworkHint = (
    <span className={styles.hint}>
      {d.catalog && (
        <span>
          {d.catalog.circular.number} · {d.catalog.schoolTypeName}
        </span>
      )}
      {choices.frameworkOverride && d.autoFramework && d.autoFramework !== choices.frameworkOverride && (
        <span className={styles.warn}>
          Năm học {d.yearText} thường theo {FRAMEWORK_SHORT[d.autoFramework]}; bạn đang chọn {FRAMEWORK_SHORT[d.framework]}.
        </span>
      )}
      <Unverified notes={catalogNotes} label="Chưa xác minh: bộ tiêu chí" />
    </span>
  );

  const formHint = (
    <span className={styles.hint}>
      <span className={styles.basis}>
        <Badge size="small" appearance="tint" color={d.form.customary ? 'warning' : 'brand'}>
          {d.form.customary ? 'Mẫu thường dùng' : 'Mẫu theo thông tư'}
        </Badge>
        <span>{d.form.basis}</span>
      </span>
      {d.form.customary && (
        <span className={styles.note}>
          Đây là cách trình bày quen dùng của các trường, không phải biểu mẫu do thông tư quy định.
        </span>
      )}
      <Unverified notes={d.form.unverified ?? []} label="Chưa xác minh: mẫu bảng" />
    </span>
  );

  return (
    <form
      className={styles.root}
      aria-label="Chèn bảng kế hoạch, báo cáo"
      onSubmit={(e) => {
        e.preventDefault();
        void insert();
      }}
    >
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Loại trường"
          validationMessage={d.errors.schoolType}
          validationState={d.errors.schoolType ? 'error' : 'none'}
        >
          <Select
            className={styles.control}
            select={{ className: styles.selectEl }}
            value={choices.schoolType}
            onChange={(_, v) => isSchoolType(v.value) && set({ schoolType: v.value, selected: [] })}
          >
            {schoolTypeOptions.map((t) => (
              <option key={t} value={t}>
                {SCHOOL_TYPE_LABELS[t]}
                {d.schoolTypes.includes(t) ? '' : ' (không có ở bộ tiêu chuẩn này)'}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          className={styles.grow}
          label="Năm học"
          validationMessage={d.errors.year}
          validationState={d.errors.year ? 'error' : 'none'}
          hint={d.errors.year ? undefined : 'Ví dụ 2025-2026'}
        >
          <Input
            className={styles.control}
            value={choices.schoolYear}
            onChange={(_, v) => set({ schoolYear: v.value })}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
          />
        </Field>
      </div>

      <Field label="Bộ tiêu chuẩn" hint={frameworkHint}>
        <Select
          className={styles.control}
          select={{ className: styles.selectEl }}
          value={choices.frameworkOverride ?? 'auto'}
          onChange={(_, v) => set({ frameworkOverride: isFramework(v.value) ? v.value : undefined })}
        >
          <option value="auto">Theo năm học{d.autoFramework ? `: ${FRAMEWORK_LABELS[d.autoFramework]}` : ''}</option>
          {FRAMEWORKS.map((f) => (
            <option key={f} value={f}>
              {FRAMEWORK_LABELS[f]}
            </option>
          ))}
        </Select>
      </Field>

      <Field label="Mẫu bảng" hint={formHint}>
        <Select
          className={styles.control}
          select={{ className: styles.selectEl }}
          value={d.form.id}
          onChange={(_, v) => isFormId(v.value) && set({ formId: v.value })}
        >
          {d.forms.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </Field>

      {d.form.id === 'plan-2026' && (
        <Field label="Chèn">
          <RadioGroup
            value={whole ? 'whole' : 'table'}
            onChange={(_, v) => (setWhole(v.value === 'whole'), setResult(undefined))}
          >
            <Radio value="whole" label="Cả Biểu 2: phần đầu, mục I–VIII, bảng mục IV, V, VI và chữ ký" />
            <Radio value="table" label="Chỉ bảng mục V" />
          </RadioGroup>
        </Field>
      )}

      {d.hasStartChoice ? (
        <Field label="Bảng bắt đầu với">
          <RadioGroup value={choices.start} onChange={(_, v) => set({ start: v.value as StartWith })}>
            <Radio
              value="skeleton"
              label={
                wholePlan
                  ? 'Các dòng trống để điền'
                  : ungroupedTt57
                    ? 'Chỉ các dòng tiêu chuẩn'
                    : 'Chỉ các dòng mức và tiêu chuẩn'
              }
            />
            <Radio value="all" label="Mọi tiêu chí, mỗi tiêu chí một dòng" />
            <Radio value="selected" label="Các tiêu chí tôi chọn" />
          </RadioGroup>
        </Field>
      ) : (
        <Text className={styles.note}>Bảng theo dõi có sẵn các dòng thời điểm, không cần chọn tiêu chí.</Text>
      )}

      {d.hasStartChoice && choices.start === 'selected' && d.catalog && (
        <CriteriaPicker
          catalog={d.catalog}
          level4={d.form.sections === 'levels-2018'}
          selected={choices.selected}
          onChange={(selected) => set({ selected })}
          error={d.errors.criteria}
        />
      )}

      {d.hasGroupByLevel && !wholePlan && (
        <Checkbox
          checked={choices.groupByLevel}
          onChange={(_, v) => set({ groupByLevel: v.checked === true })}
          label="Chia theo mức (MỨC 1, MỨC 2)"
        />
      )}

      <div className={styles.footer}>
        {blocked ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Không chèn được bảng ở đây.</MessageBarTitle>
              {blocked}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <div className={styles.actions}>
            <Button
              type="submit"
              appearance="primary"
              icon={busy ? <Spinner size="tiny" /> : <TableAddRegular />}
              disabled={!backend || !d.spec || busy}
              aria-describedby={summaryId}
            >
              {wholePlan ? 'Chèn Biểu 2' : 'Chèn bảng'}
            </Button>
            <Text id={summaryId} size={200} className={styles.note}>
              {catalogError
                ? 'Không tải được bộ tiêu chí. Hãy kiểm tra kết nối rồi tải lại trang (F5).'
                : d.loading
                  ? 'Đang tải bộ tiêu chí…'
                  : !backend
                    ? 'Đang chuẩn bị tài liệu…'
                    : d.spec
                      ? wholePlan
                        ? describeWholePlan(d, choices.start)
                        : describeStart(d)
                      : 'Hãy sửa các mục báo đỏ ở trên.'}
            </Text>
          </div>
        )}
        <NoticeBar notice={result} onDismiss={() => setResult(undefined)} testId="insert-result" />
      </div>
    </form>
  );
}
