/** Small pieces the year panel's views share: styles, the result message, a file button, school fields. */
import { useRef } from 'react';
import { download } from '../download';
import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { SCHOOL_TYPE_LABELS, SCHOOL_TYPES, type SchoolType } from '../../domain/catalog';
import type { DocumentBackend } from '../../domain/backend';
import type { StandaloneSession } from '../standalone/session';
import { isSchoolTypeValue, schoolYearOf } from './model';

export const useYearStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: '14px', minWidth: 0 },
  row: { display: 'flex', gap: '12px', flexWrap: 'wrap' },
  grow: { flex: '1 1 140px', minWidth: 0 },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectEl: { minWidth: 0, textOverflow: 'ellipsis' },
  note: { color: tokens.colorNeutralForeground2 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  hidden: { display: 'none' },
  fileLine: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', minWidth: 0 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    paddingTop: '12px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

import { NoticeBar as SharedNoticeBar, type Notice } from '../NoticeBar';
export type { Notice };

/** The outcome of the last action (the pane's shared notice, with this panel's test id). */
export function NoticeBar({ notice, onDismiss }: { notice?: Notice; onDismiss: () => void }) {
  return <SharedNoticeBar notice={notice} onDismiss={onDismiss} testId="year-result" />;
}

/** A button that opens the file dialog (the input is hidden but labelled, for tests and screen readers). */
export function FileButton(props: {
  label: string;
  accept: string;
  testId: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  const styles = useYearStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button icon={<FolderOpenRegular />} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={props.accept}
        aria-label={props.label}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}

export const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** School type and school year, side by side; the year is checked as it is typed. */
export function SchoolFields(props: {
  schoolType: SchoolType;
  onSchoolType: (t: SchoolType) => void;
  year: string;
  onYear: (y: string) => void;
  yearLabel?: string;
  yearHint?: string;
  schoolTypes?: readonly SchoolType[];
}) {
  const styles = useYearStyles();
  const bad = !!props.year.trim() && !schoolYearOf(props.year);
  return (
    <div className={styles.row}>
      <Field className={styles.grow} label="Loại trường">
        <Select
          className={styles.control}
          select={{ className: styles.selectEl }}
          value={props.schoolType}
          onChange={(_, v) => isSchoolTypeValue(v.value) && props.onSchoolType(v.value)}
        >
          {(props.schoolTypes ?? SCHOOL_TYPES).map((t) => (
            <option key={t} value={t}>
              {SCHOOL_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        className={styles.grow}
        label={props.yearLabel ?? 'Năm học'}
        validationState={bad ? 'error' : 'none'}
        validationMessage={bad ? 'Viết năm học như 2025-2026.' : undefined}
        hint={bad ? undefined : (props.yearHint ?? 'Ví dụ 2025-2026')}
      >
        <Input
          className={styles.control}
          value={props.year}
          onChange={(_, v) => props.onYear(v.value)}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
        />
      </Field>
    </div>
  );
}

/** The standalone session behind the backend, when the pane runs without Word. */
export function sessionOf(backend: DocumentBackend | undefined): StandaloneSession | undefined {
  const b = backend as Partial<StandaloneSession> | undefined;
  return b && typeof b.newDocument === 'function' && typeof b.getState === 'function'
    ? (backend as StandaloneSession)
    : undefined;
}

/** Start a browser download of text under a file name. */
export function downloadText(text: string, name: string, type = 'application/json'): void {
  download(text, name, `${type};charset=utf-8`);
}
