/**
 * What the document is, as the checker worked it out (kind and form, framework, school type, school
 * year), each with how it was found; framework, school type and year can be set by hand, and the check
 * then follows them.
 */
import { FRAMEWORK_ABBREVIATION } from '../../domain/vocabulary';
import { useId, useState } from 'react';
import { Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { FRAMEWORKS, isFramework, isSchoolType, SCHOOL_TYPES, SCHOOL_TYPE_LABELS } from '../../domain/catalog';
import type { CheckResult, MetaOverrides } from '../../domain/check';
import { cleanOverrides, evidenceOf, frameworkLabel, parseYearOverride, schoolTypeLabel } from './view';
import { DOCUMENT_KIND_LABELS } from '../../domain/vocabulary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  kind: { display: 'flex', flexDirection: 'column', gap: '2px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: '8px 12px' },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  small: { color: tokens.colorNeutralForeground2 },
});

export function DocumentInfo(props: {
  readonly result: CheckResult;
  readonly documentName: string;
  readonly overrides: MetaOverrides;
  readonly onOverrides: (o: MetaOverrides) => void;
}) {
  const { result, overrides, onOverrides } = props;
  const { meta, primary } = result;
  const styles = useStyles();
  const headingId = useId();
  const [yearText, setYearText] = useState(overrides.schoolYear ?? '');
  const year = parseYearOverride(yearText);

  const set = (patch: MetaOverrides): void => onOverrides(cleanOverrides({ ...overrides, ...patch }));
  const auto = (overridden: boolean, value: string) => (overridden ? 'Theo tài liệu' : `Theo tài liệu: ${value}`);
  const forms = [...new Set(result.tables.map((t) => t.form.name))];

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {props.documentName}
      </h2>
      <div className={styles.kind}>
        <Text weight="semibold" data-testid="document-kind">
          {DOCUMENT_KIND_LABELS[meta.documentKind]}
          {meta.schoolName ? ` — ${meta.schoolName}` : ''}
        </Text>
        <Text size={200} className={styles.small}>
          {forms.length ? `Mẫu bảng: ${forms.join('; ')}. ` : 'Không thấy bảng theo mẫu. '}
          {evidenceOf(meta, 'documentKind')}
        </Text>
      </div>
      <div className={styles.grid}>
        <Field label="Loại trường" hint={evidenceOf(meta, 'schoolType')} size="small">
          <Select
            className={styles.control}
            size="small"
            value={overrides.schoolType ?? ''}
            onChange={(_, d) => set({ schoolType: isSchoolType(d.value) ? d.value : undefined })}
          >
            <option value="">{auto(!!overrides.schoolType, schoolTypeLabel(meta.schoolType))}</option>
            {SCHOOL_TYPES.map((t) => (
              <option key={t} value={t}>
                {SCHOOL_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Năm học"
          size="small"
          validationState={year.error ? 'error' : 'none'}
          validationMessage={year.error}
          hint={year.error ? undefined : evidenceOf(meta, 'schoolYear')}
        >
          <Input
            className={styles.control}
            size="small"
            value={yearText}
            placeholder={overrides.schoolYear ? '' : (meta.schoolYear ?? '2025-2026')}
            onChange={(_, d) => {
              setYearText(d.value);
              const y = parseYearOverride(d.value);
              if (!y.error && y.value !== overrides.schoolYear) set({ schoolYear: y.value });
            }}
          />
        </Field>
        <Field label="Bộ tiêu chuẩn" hint={evidenceOf(meta, 'framework')} size="small">
          <Select
            className={styles.control}
            size="small"
            value={overrides.framework ?? ''}
            onChange={(_, d) => set({ framework: isFramework(d.value) ? d.value : undefined })}
          >
            <option value="">
              {auto(!!overrides.framework, meta.framework ? FRAMEWORK_ABBREVIATION[meta.framework] : 'chưa xác định')}
            </option>
            {FRAMEWORKS.map((f) => (
              <option key={f} value={f}>
                {frameworkLabel(f)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {primary && meta.framework && primary.form.framework !== meta.framework && (
        <Text size={200} className={styles.small}>
          Bảng được đọc theo mẫu của {FRAMEWORK_ABBREVIATION[primary.form.framework]}.
        </Text>
      )}
    </section>
  );
}
