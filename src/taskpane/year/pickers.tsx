/** Where a plan (or last year's table) comes from: a table of this document, a .docx file, a template. */
import { UserError } from '../../domain/errors';
import { useState } from 'react';
import { Field, Select, Spinner, Text } from '@fluentui/react-components';
import { SCHOOL_TYPE_LABELS } from '../../domain/catalog';
import type { DocumentKind } from '../../domain/forms';
import type { RecognisedTable } from '../../domain/table/recognise';
import { parseTemplate, type PlanTemplate } from '../../domain/year/templates';
import type { ReadDocx } from './files';
import { describeTable, errorText, frameworkName, tablesOfKind } from './model';
import { DOCX_ACCEPT, FileButton, useYearStyles } from './ui';

/** Choose one of the document's tables (a plain line when there is only one). */
export function TableSelect(props: {
  label: string;
  tables: readonly RecognisedTable[];
  value: number;
  onChange: (i: number) => void;
  empty: string;
}) {
  const styles = useYearStyles();
  if (!props.tables.length) return <Text className={styles.note}>{props.empty}</Text>;
  if (props.tables.length === 1) {
    return (
      <Text>
        {props.label}: {describeTable(props.tables[0])}.
      </Text>
    );
  }
  return (
    <Field label={props.label}>
      <Select
        className={styles.control}
        select={{ className: styles.selectEl }}
        value={String(props.value)}
        onChange={(_, v) => props.onChange(Number(v.value))}
      >
        {props.tables.map((t, i) => (
          <option key={i} value={i}>
            Bảng {i + 1}: {describeTable(t)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export interface PickedDocx {
  readonly file: ReadDocx;
  /** Its tables of the kinds asked for. */
  readonly tables: readonly RecognisedTable[];
}

const KIND_WORDS: Readonly<Record<DocumentKind, string>> = {
  plan: 'kế hoạch',
  report: 'báo cáo',
  monitoring: 'theo dõi',
  problems: 'vấn đề trọng tâm',
};

/** "Chọn tệp …": reads the .docx (zip code loaded on first use) and reports its tables of the given kinds. */
export function DocxPicker(props: {
  label: string;
  testId: string;
  kinds: readonly DocumentKind[];
  picked?: PickedDocx;
  onPicked: (p: PickedDocx | undefined) => void;
  disabled?: boolean;
}) {
  const styles = useYearStyles();
  const [reading, setReading] = useState<string>();
  const [error, setError] = useState<string>();

  const onFile = async (file: File): Promise<void> => {
    setReading(file.name);
    setError(undefined);
    props.onPicked(undefined);
    try {
      const { readDocxFile } = await import(/* webpackChunkName: "year-files" */ './files');
      const read = await readDocxFile(file);
      const tables = tablesOfKind(read.result, props.kinds);
      if (!tables.length) {
        const kinds = props.kinds.map((k) => KIND_WORDS[k]).join(' hoặc ');
        throw new UserError(
          'no-table',
          `Không tìm thấy bảng ${kinds} cải tiến chất lượng trong «${file.name}» (không nhận ra tiêu đề các cột).`,
        );
      }
      props.onPicked({ file: read, tables });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setReading(undefined);
    }
  };

  const meta = props.picked?.file.result.meta;
  return (
    <div className={styles.view}>
      <div className={styles.fileLine}>
        <FileButton
          label={props.label}
          accept={DOCX_ACCEPT}
          testId={props.testId}
          disabled={props.disabled}
          onFile={(f) => void onFile(f)}
        />
        {reading && <Spinner size="extra-tiny" label={`Đang đọc «${reading}»…`} labelPosition="after" />}
      </div>
      {error && (
        <Text role="alert" className={styles.note}>
          {error}
        </Text>
      )}
      {props.picked && meta && (
        <Text data-testid={`${props.testId}-info`}>
          «{props.picked.file.name}»: {describeTable(props.picked.tables[0])}
          {meta.schoolYear ? `, năm học ${meta.schoolYear}` : ''}
          {meta.schoolType ? `, ${SCHOOL_TYPE_LABELS[meta.schoolType].toLowerCase()}` : ''}.
        </Text>
      )}
    </div>
  );
}

/** A template: one kept in this document, or a .json file; newer or broken files are refused with the reason. */
export function TemplatePicker(props: {
  stored: readonly PlanTemplate[];
  value?: PlanTemplate;
  onChange: (t: PlanTemplate | undefined) => void;
}) {
  const styles = useYearStyles();
  const [uploaded, setUploaded] = useState<PlanTemplate>();
  const [error, setError] = useState<string>();
  const options = uploaded ? [...props.stored, uploaded] : props.stored;
  const index = props.value ? options.indexOf(props.value) : -1;

  const onFile = async (file: File): Promise<void> => {
    setError(undefined);
    try {
      if (file.size > 5 * 1024 * 1024) throw new UserError('too-large', 'Tệp mẫu quá lớn (tối đa 5 MB).');
      const t = parseTemplate(await file.text());
      setUploaded(t);
      props.onChange(t);
    } catch (e) {
      setError(`Không dùng được «${file.name}». ${errorText(e)}`);
      props.onChange(undefined);
    }
  };

  return (
    <div className={styles.view}>
      {options.length > 0 && (
        <Field label="Mẫu">
          <Select
            className={styles.control}
            select={{ className: styles.selectEl }}
            value={String(index)}
            onChange={(_, v) => props.onChange(options[Number(v.value)])}
          >
            <option value="-1">— Chọn mẫu —</option>
            {options.map((t, i) => (
              <option key={i} value={i}>
                {t.name}
                {t === uploaded ? ' (tệp vừa chọn)' : ''}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.fileLine}>
        <FileButton
          label="Chọn tệp mẫu (.json)…"
          accept=".json,application/json"
          testId="year-template-file"
          onFile={(f) => void onFile(f)}
        />
        {!props.stored.length && !uploaded && <Text className={styles.note}>Tài liệu này chưa lưu mẫu nào.</Text>}
      </div>
      {error && (
        <Text role="alert" data-testid="year-template-error">
          {error}
        </Text>
      )}
      {props.value && (
        <Text className={styles.note}>
          {props.value.rows.length} dòng, {frameworkName(props.value.framework)}
          {props.value.schoolYear ? `, soạn cho năm học ${props.value.schoolYear}` : ''}
          {props.value.description ? ` — ${props.value.description}` : ''}.
        </Text>
      )}
    </div>
  );
}
