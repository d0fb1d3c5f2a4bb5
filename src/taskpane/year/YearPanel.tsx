/**
 * The "Năm học mới" tab (a lazy chunk): year-to-year work on the open document.
 *
 *   YearPanel             what to do; the document read and checked; the school profile; templates kept
 *   ├─ ReportFromPlan     the report table from a plan (this document, a .docx, a template)
 *   ├─ RollForward        this year's plan from last year's plan or report (2018 → TT57: assign criteria)
 *   ├─ Templates          save a plan as a template (document + .json file); insert a plan from one
 *   └─ ProfileFrame       the school profile; the NĐ 30/2020 header and signature blocks
 *
 * Word sync counts: reading the document 1 (on opening, "Đọc lại tài liệu"); every insertion 1; the
 * store (profile, templates) 0 — it uses the common API.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { PlanTemplate } from '../../domain/year/templates';
import { templatesInStore } from '../../domain/store';
import type { DocumentBackend } from '../../domain/backend';
import type { PanelProps } from '../panels';
import { useDocumentView, useProfile, type DocumentView, type ProfileState } from './hooks';
import { ProfileFrame } from './ProfileFrame';
import { ReportFromPlan } from './ReportFromPlan';
import { RollForward } from './RollForward';
import { Templates } from './Templates';
import { useYearStyles } from './ui';

type Task = 'report' | 'roll' | 'templates' | 'profile';

/** What every view of the panel gets. */
export interface YearViewProps {
  readonly backend?: DocumentBackend;
  readonly blocked?: string;
  readonly standalone: boolean;
  readonly doc: DocumentView;
  readonly profile: ProfileState;
  /** Templates kept in the document. */
  readonly templates: readonly PlanTemplate[];
  readonly onTemplatesChanged: () => void;
  /** Open another tab of the pane (e.g. «Điền dòng» on Biểu 2's review). */
  readonly openPanel?: PanelProps['openPanel'];
}

export default function YearPanel({ backend, blocked, standalone, openPanel }: PanelProps) {
  const styles = useYearStyles();
  const [task, setTask] = useState<Task>('report');
  const doc = useDocumentView(backend);
  const profile = useProfile(backend);
  const [templates, setTemplates] = useState<readonly PlanTemplate[]>([]);
  const [storeAsked, setStoreAsked] = useState(0);
  const onTemplatesChanged = useCallback(() => setStoreAsked((n) => n + 1), []);

  // Templates kept in the document: read with the document (the store part travels with it).
  useEffect(() => {
    if (!backend) return;
    let live = true;
    backend.loadStore().then(
      (store) => live && setTemplates(templatesInStore(store)),
      () => live && setTemplates([]),
    );
    return () => {
      live = false;
    };
  }, [backend, doc.result, storeAsked]);

  const props: YearViewProps = { backend, blocked, standalone, doc, profile, templates, onTemplatesChanged, openPanel };
  return (
    <div className={styles.view} data-testid="year-panel">
      <Field label="Việc cần làm">
        <RadioGroup value={task} onChange={(_, v) => setTask(v.value as Task)}>
          <Radio value="report" label="Báo cáo từ kế hoạch" />
          <Radio value="roll" label="Kế hoạch năm mới từ năm trước" />
          <Radio value="templates" label="Mẫu kế hoạch" />
          <Radio value="profile" label="Thông tin trường, phần đầu và phần ký" />
        </RadioGroup>
      </Field>
      {blocked && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không chèn được vào tài liệu này.</MessageBarTitle>
            {blocked}
          </MessageBarBody>
        </MessageBar>
      )}
      {doc.error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Chưa đọc được tài liệu.</MessageBarTitle>
            {doc.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!standalone && (
        <div className={styles.actions}>
          <Button size="small" icon={<ArrowSyncRegular />} disabled={!backend || doc.reading} onClick={doc.reload}>
            Đọc lại tài liệu
          </Button>
          <Text size={200} className={styles.note}>
            Bấm sau khi sửa tài liệu trong Word để cập nhật danh sách bảng.
          </Text>
        </div>
      )}
      <div className={styles.section}>
        {task === 'report' && <ReportFromPlan {...props} />}
        {task === 'roll' && <RollForward {...props} />}
        {task === 'templates' && <Templates {...props} />}
        {task === 'profile' && <ProfileFrame {...props} />}
      </div>
    </div>
  );
}
