/**
 * "Mẫu kế hoạch": "Lưu làm mẫu" keeps the rows of a plan table as a versioned JSON template in the
 * document (store key "templates") and downloads it as a file to share; "Tạo từ mẫu" inserts a plan
 * table from a template (kept in the document, or a .json file) for a school year, dates moved on.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular, TableAddRegular } from '@fluentui/react-icons';
import { currentSchoolYear, type SchoolType } from '../../domain/catalog';
import { specFromTemplate, templateFromTable, type PlanTemplate } from '../../domain/year/templates';
import type { YearViewProps } from './YearPanel';
import { withTemplate } from '../../domain/store';
import { errorText, schoolYearOf, tablesOfKind, templateFileName } from './model';
import { TableSelect, TemplatePicker } from './pickers';
import { NoticeBar, SchoolFields, useYearStyles, type Notice } from './ui';
import { handOverTemplate } from './template-file';

export function Templates({ backend, blocked, doc, profile, templates, onTemplatesChanged }: YearViewProps) {
  const styles = useYearStyles();
  const plans = useMemo(() => tablesOfKind(doc.result, ['plan']), [doc.result]);
  const [tableIndex, setTableIndex] = useState(0);
  const meta = doc.result?.meta;
  const school = profile.profile.schoolName || meta?.schoolName || '';
  const suggestedName = `Kế hoạch cải tiến chất lượng${school ? ` — ${school}` : ''}${meta?.schoolYear ? ` ${meta.schoolYear}` : ''}`;
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Notice>();

  const [template, setTemplate] = useState<PlanTemplate>();
  const [schoolType, setSchoolType] = useState<SchoolType>('tieu-hoc');
  const [year, setYear] = useState(() => currentSchoolYear());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const templateType = template?.schoolType;
  useEffect(() => {
    if (templateType) setSchoolType(templateType);
  }, [templateType]);

  const save = async (): Promise<void> => {
    if (!backend) return;
    const plan = plans[Math.min(tableIndex, plans.length - 1)];
    if (!plan) return;
    setSaving(true);
    setSaved(undefined);
    try {
      const t = templateFromTable(plan, {
        name: name.trim() || suggestedName,
        description,
        schoolType: meta?.schoolType,
        schoolYear: meta?.schoolYear,
        createdBy: profile.profile.schoolName || undefined,
      });
      await backend.updateStore((store) => withTemplate(store, t));
      const file = templateFileName(t.name);
      const how = await handOverTemplate(backend, t, file);
      onTemplatesChanged();
      setSaved({
        intent: 'success',
        title: `Đã lưu mẫu «${t.name}».`,
        text:
          how === 'opened'
            ? `${t.rows.length} dòng được lưu trong tài liệu này, và mẫu đã mở thành một tài liệu Word mới (Word cho Mac, iPad không tải tệp về được): hãy lưu tài liệu đó (Tệp › Lưu) để dùng cho năm sau hoặc gửi trường khác.`
            : `${t.rows.length} dòng được lưu trong tài liệu này và trong tệp «${file}» (thư mục tải về) để dùng cho năm sau hoặc gửi trường khác.`,
      });
    } catch (e) {
      setSaved({ intent: 'error', title: 'Chưa lưu được mẫu.', text: errorText(e) });
    } finally {
      setSaving(false);
    }
  };

  const schoolYear = schoolYearOf(year);
  const made = useMemo(() => {
    if (!template || !schoolYear) return undefined;
    try {
      return { spec: specFromTemplate(template, { schoolType, schoolYear }) };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [template, schoolType, schoolYear]);

  const insert = async (): Promise<void> => {
    if (!backend || !made || !('spec' in made) || !made.spec) return;
    setBusy(true);
    setNotice(undefined);
    try {
      await backend.insertTable(made.spec);
      const rows = made.spec.rows.filter((r) => r.kind === 'criterion').length;
      setNotice({
        intent: 'success',
        title: 'Đã chèn bảng kế hoạch từ mẫu.',
        text: `«${template?.name}», năm học ${made.spec.schoolYear}, ${rows} dòng tiêu chí; ngày tháng trong mẫu đã chuyển theo năm học.`,
      });
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa chèn được bảng.', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.view}>
      <h3 className={styles.heading}>Lưu làm mẫu</h3>
      <Text className={styles.note}>
        Lưu các dòng của bảng kế hoạch thành mẫu: mẫu được giữ trong tài liệu và tải về thành tệp .json để dùng lại.
      </Text>
      <TableSelect
        label="Bảng kế hoạch"
        tables={plans}
        value={tableIndex}
        onChange={setTableIndex}
        empty="Tài liệu này chưa có bảng kế hoạch để lưu làm mẫu."
      />
      {plans.length > 0 && (
        <>
          <Field label="Tên mẫu">
            <Input
              className={styles.control}
              value={name}
              placeholder={suggestedName}
              onChange={(_, v) => setName(v.value)}
              maxLength={120}
            />
          </Field>
          <Field label="Mô tả (không bắt buộc)">
            <Input className={styles.control} value={description} onChange={(_, v) => setDescription(v.value)} maxLength={300} />
          </Field>
          <div className={styles.actions}>
            <Button
              icon={saving ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
              disabled={!backend || saving}
              onClick={() => void save()}
            >
              Lưu làm mẫu
            </Button>
          </div>
        </>
      )}
      <NoticeBar notice={saved} onDismiss={() => setSaved(undefined)} />

      <div className={styles.section}>
        <h3 className={styles.heading}>Tạo từ mẫu</h3>
        <TemplatePicker stored={templates} value={template} onChange={setTemplate} />
        {template && (
          <SchoolFields
            schoolType={schoolType}
            onSchoolType={setSchoolType}
            year={year}
            onYear={setYear}
            yearLabel="Năm học của kế hoạch"
          />
        )}
        {made && 'error' in made && (
          <Text role="alert" data-testid="year-error">
            {made.error}
          </Text>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={busy ? <Spinner size="tiny" /> : <TableAddRegular />}
            disabled={!backend || !!blocked || !made || !('spec' in made) || busy}
            onClick={() => void insert()}
          >
            Chèn bảng từ mẫu
          </Button>
        </div>
        <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} />
      </div>
    </div>
  );
}
