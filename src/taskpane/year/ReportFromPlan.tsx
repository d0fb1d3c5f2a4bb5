/**
 * "Báo cáo từ kế hoạch": the report table for a plan — one row per planned criterion, "ND Kế hoạch …
 * xây dựng đầu năm" filled from the plan — inserted at the cursor. The plan is a table of this
 * document, a plan .docx, or a template.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { findTt57Tables } from '../../domain/tt57/edits';
import { requestBieu2Part } from '../rows/requested-view';
import { TableAddRegular } from '@fluentui/react-icons';
import { currentSchoolYear, type SchoolType } from '../../domain/catalog';
import { reportForPlan, today } from '../../app/year';
import { insertTableFramed } from '../../app/new-document';
import type { PlanTemplate } from '../../domain/year/templates';
import type { YearViewProps } from './YearPanel';
import { criteriaText, errorText, planTableFromTemplate, profileReady, schoolNameOf, schoolYearOf, tablesOfKind } from './model';
import { DocxPicker, TableSelect, TemplatePicker, type PickedDocx } from './pickers';
import { NoticeBar, SchoolFields, useYearStyles, type Notice } from './ui';

type Source = 'document' | 'file' | 'template';

export function ReportFromPlan({ backend, blocked, doc, profile, templates, openPanel }: YearViewProps) {
  const styles = useYearStyles();
  // A TT57 plan (Biểu 2) has no report form of its own: its review is column (10) and mục VI.
  const bieu2 = useMemo(() => {
    const t = findTt57Tables(doc.result?.tables ?? []);
    return !!(t.items || t.problems);
  }, [doc.result]);
  const docPlans = useMemo(() => tablesOfKind(doc.result, ['plan']), [doc.result]);
  // Until the user chooses: the document's own plan when it has one, else a file.
  const [chosen, setSource] = useState<Source>();
  const source: Source = chosen ?? (docPlans.length ? 'document' : 'file');
  const [tableIndex, setTableIndex] = useState(0);
  const [file, setFile] = useState<PickedDocx>();
  const [template, setTemplate] = useState<PlanTemplate>();
  const [schoolType, setSchoolType] = useState<SchoolType>('tieu-hoc');
  const [year, setYear] = useState(() => currentSchoolYear());
  const [frame, setFrame] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  // What the chosen source says about the school and year fills the fields (the user may change them).
  // A template's year is the one it was written for; the report keeps the year typed (this year by default).
  const meta =
    source === 'document'
      ? doc.result?.meta
      : source === 'file'
        ? file?.file.result.meta
        : { schoolType: template?.schoolType, schoolYear: undefined };
  const foundType = meta?.schoolType;
  const foundYear = meta?.schoolYear;
  useEffect(() => {
    if (foundType) setSchoolType(foundType);
    if (foundYear) setYear(foundYear);
  }, [foundType, foundYear]);

  const schoolYear = schoolYearOf(year);
  const outcome = useMemo(() => {
    try {
      if (!schoolYear) return undefined;
      const plan =
        source === 'document'
          ? docPlans[Math.min(tableIndex, docPlans.length - 1)]
          : source === 'file'
            ? file?.tables[0]
            : template && planTableFromTemplate(template, schoolType, schoolYear);
      if (!plan) return undefined;
      return { plan, made: reportForPlan(plan, { schoolType, schoolYear }) };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [source, docPlans, tableIndex, file, template, schoolType, schoolYear]);

  const ready = !!backend && !blocked && !!outcome && 'made' in outcome && !busy;
  const withFrame = frame && profileReady(profile.profile);

  const insert = async (): Promise<void> => {
    if (!backend || !outcome || !('made' in outcome) || !outcome.made) return;
    setBusy(true);
    setNotice(undefined);
    try {
      const { spec, skipped, criterionRows: rows } = outcome.made;
      await insertTableFramed(backend, spec, {
        profile: withFrame ? profile.profile : undefined,
        school: schoolNameOf(profile),
        date: today(),
      });
      setNotice({
        intent: 'success',
        title: 'Đã chèn bảng báo cáo.',
        text:
          `Năm học ${spec.schoolYear}, ${rows} dòng tiêu chí từ kế hoạch, cột «ND Kế hoạch … xây dựng đầu năm» đã điền sẵn. ` +
          `Hãy ghi kết quả thực hiện vào các cột còn trống.` +
          (skipped ? ` ${skipped} dòng của kế hoạch không gắn với tiêu chí nào nên không có trong báo cáo.` : ''),
      });
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa chèn được bảng.', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.view}>
      {bieu2 && (
        <MessageBar intent="info" layout="multiline" data-testid="year-tt57-report">
          <MessageBarBody>
            <MessageBarTitle>Kế hoạch theo Thông tư 57 không có mẫu báo cáo riêng.</MessageBarTitle>
            Kết quả thực hiện Biểu 2 được ghi ngay trong kế hoạch: cột (10) «Mức độ thực hiện» của mục V và bảng mục VI «Theo dõi
            và đánh giá thực hiện» (cuối học kỳ I, cuối năm học).
          </MessageBarBody>
          {openPanel && (
            <MessageBarActions>
              <Button
                size="small"
                onClick={() => {
                  requestBieu2Part('review');
                  openPanel('rows');
                }}
              >
                Mở phần rà soát
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <Text className={styles.note}>
        Tạo bảng báo cáo kết quả từ kế hoạch: mỗi tiêu chí trong kế hoạch một dòng, có sẵn nội dung kế hoạch đầu năm.
      </Text>
      <Field label="Lấy kế hoạch từ">
        <RadioGroup value={source} onChange={(_, v) => setSource(v.value as Source)}>
          <Radio value="document" label="Bảng kế hoạch trong tài liệu này" />
          <Radio value="file" label="Tệp kế hoạch (.docx)" />
          <Radio value="template" label="Một mẫu đã lưu" />
        </RadioGroup>
      </Field>

      {source === 'document' &&
        (doc.reading && !doc.result ? (
          <Spinner size="extra-tiny" label="Đang đọc tài liệu…" labelPosition="after" />
        ) : (
          <TableSelect
            label="Bảng kế hoạch"
            tables={docPlans}
            value={tableIndex}
            onChange={setTableIndex}
            empty="Tài liệu này chưa có bảng kế hoạch. Hãy chọn tệp kế hoạch hoặc một mẫu."
          />
        ))}
      {source === 'file' && (
        <DocxPicker label="Chọn tệp kế hoạch…" testId="year-plan-file" kinds={['plan']} picked={file} onPicked={setFile} />
      )}
      {source === 'template' && <TemplatePicker stored={templates} value={template} onChange={setTemplate} />}

      <SchoolFields
        schoolType={schoolType}
        onSchoolType={setSchoolType}
        year={year}
        onYear={setYear}
        yearLabel="Năm học của báo cáo"
      />

      <Checkbox
        checked={withFrame}
        disabled={!profileReady(profile.profile)}
        onChange={(_, v) => setFrame(v.checked === true)}
        label={
          profileReady(profile.profile)
            ? 'Kèm phần đầu và phần ký theo Nghị định 30/2020'
            : 'Kèm phần đầu và phần ký (hãy nhập thông tin trường trước)'
        }
      />

      {outcome && 'error' in outcome && (
        <Text role="alert" data-testid="year-error">
          {outcome.error}
        </Text>
      )}
      {outcome && 'made' in outcome && outcome.made && (
        <Text data-testid="year-summary">
          Báo cáo sẽ có {outcome.made.criterionRows} dòng tiêu chí: {criteriaText(outcome.plan)}.
        </Text>
      )}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={busy ? <Spinner size="tiny" /> : <TableAddRegular />}
          disabled={!ready}
          onClick={() => void insert()}
        >
          Chèn bảng báo cáo
        </Button>
      </div>
      <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} />
    </div>
  );
}
