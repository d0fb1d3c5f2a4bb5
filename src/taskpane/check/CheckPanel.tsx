/**
 * The "Kiểm tra" tab: what the document is (editable), how far the report covers the plan, the
 * findings grouped by rule with a severity filter. A finding selects its place in the document; safe
 * fixes are one click; "Bỏ qua" is remembered in the document. Below, "Kiểm tra tệp khác" for
 * reviewers. A check is one read of the document (Word: one context.sync) plus the store (no sync).
 *
 *   CheckPanel
 *   ├─ DocumentInfo      kind, form, school type, year, framework (+ evidence; overrides)
 *   ├─ coverage          "Đã báo cáo 12/15 tiêu chí", against which plan; "Chọn tệp kế hoạch…"
 *   ├─ toolbar           "Kiểm tra lại", severity toggles
 *   ├─ FindingList       grouped by rule; select / fix / "Bỏ qua"
 *   ├─ ignored           "Đã bỏ qua (n)", restore
 *   └─ Reviewer          other files, summary table
 */
import { errorText } from '../error-text';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  ToggleButton,
  tokens,
  Select,
} from '@fluentui/react-components';
import { ArrowSyncRegular, ArrowUndoRegular, FolderOpenRegular } from '@fluentui/react-icons';
import type { DocumentBackend, DocumentStore } from '../../domain/backend';
import type { Finding, MetaOverrides, PlanSource } from '../../domain/check';
import type { DocModel } from '../../domain/ooxml/reader';
import { planSourceFromTemplate } from '../../domain/year/templates';
import { storedOverrides, templatesInStore, withIgnored, withoutIgnored, withOverrides } from '../../domain/store';
import type { PanelProps } from '../panels';
import { DocumentInfo } from './DocumentInfo';
import { FindingList } from './FindingList';
import { Reviewer } from './Reviewer';
import { NoticeBar, type Notice } from '../NoticeBar';
import { applyFix, checkModel, fixContext, readForCheck } from './run';
import {
  coverageView,
  criteriaSummary,
  DOCUMENT_PLAN,
  groupFindings,
  hiddenCount,
  locationText,
  selectionFor,
  SEVERITIES,
  severityToggleLabel,
  SHOW_ALL,
  toggleSeverity,
  type SeverityFilter,
} from './view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', paddingBottom: '24px', minWidth: 0 },
  block: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  small: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px' },
  hidden: { display: 'none' },
  rule: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, margin: 0 },
  ignoredItem: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  ignoredList: { listStyleType: 'none', margin: 0, padding: 0 },
  ignoredText: { overflowWrap: 'anywhere', minWidth: 0 },
});

interface Loaded {
  readonly model: DocModel;
  readonly store: DocumentStore;
  /** When it was read, for "Đã kiểm tra lúc …". */
  readonly at: Date;
}

/** The standalone session's undo, when the backend has one (in Word, Word's own Ctrl+Z). */
type Undoable = DocumentBackend & { undo?: () => string | undefined };

/** The standalone session's change feed, when the backend has one (Word does not). */
type Observable = DocumentBackend & { subscribe?: (fn: () => void) => () => void };

export default function CheckPanel({ backend, blocked }: PanelProps) {
  const styles = useStyles();
  const ids = { coverage: useId(), findings: useId(), ignored: useId() };
  const [loaded, setLoaded] = useState<Loaded>();
  const [checking, setChecking] = useState(false);
  const [readError, setReadError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  /** The fix «Hoàn tác» takes back (standalone page), while its notice shows. */
  const [undoFix, setUndoFix] = useState<string>();
  const [overrides, setOverrides] = useState<MetaOverrides>({});
  const [plan, setPlan] = useState<PlanSource>();
  const [filter, setFilter] = useState<SeverityFilter>(SHOW_ALL);
  const [busy, setBusy] = useState<string>();
  const [showIgnored, setShowIgnored] = useState(false);
  const [docName, setDocName] = useState('');
  const planInput = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const request = useRef(0);
  const lastName = useRef<string>(undefined);
  const loadedRef = useRef<Loaded>(undefined);
  /** Where keyboard focus goes once the list is shown again after a finding left it (fixed, ignored). */
  const focusAfter = useRef<number>(undefined);

  // The result follows the document read and the user's choices; changing a choice does not read again.
  const run = useMemo(
    () => (loaded ? checkModel(loaded.model, loaded.store, { overrides, plan }) : undefined),
    [loaded, overrides, plan],
  );
  const result = run?.result;

  const check = useCallback(async (): Promise<void> => {
    if (!backend) return;
    const mine = ++request.current;
    setChecking(true);
    try {
      const { model, store } = await readForCheck(backend);
      if (mine !== request.current) return;
      const name = backend.info().documentName;
      if (lastName.current !== undefined && lastName.current !== name) {
        // Another document: the choices made for the previous one no longer hold.
        setOverrides({});
        setPlan(undefined);
      }
      lastName.current = name;
      setDocName(name);
      setLoaded({ model, store, at: new Date() });
      setReadError(undefined);
    } catch (e) {
      if (mine === request.current) setReadError(errorText(e));
    } finally {
      if (mine === request.current) setChecking(false);
    }
  }, [backend]);

  // Check as soon as the tab opens.
  useEffect(() => {
    void check();
  }, [check]);

  // Standalone: another file opened, or the document changed elsewhere → check again (no sync there).
  useEffect(() => {
    loadedRef.current = loaded;
  }, [loaded]);
  useEffect(() => {
    const b = backend as Observable | undefined;
    if (!b?.subscribe) return;
    return b.subscribe(() => {
      void b.read().then((m) => {
        if (loadedRef.current && m !== loadedRef.current.model) void check();
      });
    });
  }, [backend, check]);

  // Keep keyboard focus in the list when the finding it was on goes away: the next one, else "Kiểm tra lại".
  useEffect(() => {
    const index = focusAfter.current;
    if (index === undefined || !root.current) return;
    focusAfter.current = undefined;
    const items = root.current.querySelectorAll<HTMLElement>('[data-testid="finding-list"] [data-finding-main]');
    (items[Math.min(index, items.length - 1)] ?? root.current.querySelector<HTMLElement>('[data-recheck]'))?.focus();
  }, [loaded]);

  const visibleIndex = (f: Finding): number =>
    result
      ? groupFindings(result.findings, filter)
          .flatMap((g) => g.findings)
          .findIndex((x) => x.id === f.id)
      : 0;

  const select = async (f: Finding): Promise<void> => {
    if (!backend || !loaded) return;
    const target = selectionFor(f.location, loaded.model);
    if (!target) return;
    try {
      await backend.select(target);
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa chọn được chỗ này.', text: errorText(e) });
    }
  };

  const saveIgnored = async (change: (s: DocumentStore) => DocumentStore, done: string, id: string, focus?: number) => {
    if (!backend || !loaded) return;
    setBusy(id);
    try {
      const store = await backend.updateStore(change);
      focusAfter.current = focus;
      setLoaded((l) => l && { ...l, store });
      setNotice({ intent: 'success', text: done });
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa lưu được lựa chọn.', text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
  };

  /**
   * A choice about the document (school type, year, framework) applies at once and is kept in the
   * document's store, where the other panels and later sessions find it.
   */
  const changeOverrides = (next: MetaOverrides): void => {
    setOverrides(next);
    if (!backend) return;
    void backend
      .updateStore((store) => withOverrides(store, next))
      .then((saved) => setLoaded((l) => l && { ...l, store: saved }))
      .catch((e: unknown) => setNotice({ intent: 'error', title: 'Chưa lưu được lựa chọn vào tài liệu.', text: errorText(e) }));
  };

  const ignore = (f: Finding) =>
    saveIgnored((s) => withIgnored(s, f.id), 'Đã bỏ qua mục này. Lựa chọn được lưu trong tài liệu.', f.id, visibleIndex(f));

  const restore = (f: Finding) => saveIgnored((s) => withoutIgnored(s, f.id), 'Đã khôi phục mục này vào danh sách.', f.id);

  /** Take back the last fix (the standalone session's undo), then check again. */
  const undoLastFix = async (summary: string): Promise<void> => {
    setUndoFix(undefined);
    const undone = (backend as Undoable | undefined)?.undo?.();
    setNotice(
      undone ? { intent: 'info', text: `Đã hoàn tác: ${summary}` } : { intent: 'warning', text: 'Không còn gì để hoàn tác.' },
    );
    await check();
  };

  const fix = async (f: Finding): Promise<void> => {
    if (!backend || !result) return;
    const index = visibleIndex(f);
    setBusy(f.id);
    try {
      const done = await applyFix(backend, f, fixContext(result, plan));
      const canUndo = typeof (backend as Undoable).undo === 'function';
      setNotice({
        intent: 'success',
        text: canUndo || backend.info().kind !== 'word' ? done.summary : `${done.summary} Muốn hoàn tác: nhấn Ctrl+Z trong Word.`,
      });
      setUndoFix(canUndo && done.edits.length ? done.summary : undefined);
      focusAfter.current = index;
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa sửa được.', text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
    await check();
  };

  const onPlanFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy('plan');
    try {
      const [{ readPlanFile }, { parseXmlDom }] = await Promise.all([
        import(/* webpackChunkName: "check-files" */ './files'),
        import(/* webpackChunkName: "check-files" */ '../../xml/dom'),
      ]);
      const p = await readPlanFile(file, parseXmlDom, result?.meta.framework);
      setPlan(p);
      setNotice({ intent: 'success', text: `Đang đối chiếu với kế hoạch «${file.name}» (${p.items.length} dòng tiêu chí).` });
    } catch (err) {
      setNotice({ intent: 'error', title: `Không dùng được «${file.name}» làm kế hoạch.`, text: errorText(err) });
    } finally {
      setBusy(undefined);
    }
  };

  if (!backend) return <Spinner size="tiny" label="Đang kết nối với tài liệu…" labelPosition="after" />;

  const groups = result ? groupFindings(result.findings, filter) : [];
  const hidden = result ? hiddenCount(result.findings, filter) : 0;
  const coverage = result && coverageView(result.coverage, plan?.name ?? DOCUMENT_PLAN);
  // Plan templates saved in this document («Lưu làm mẫu» in the Năm học mới tab) can be compared with too.
  const templates = loaded ? templatesInStore(loaded.store) : [];
  const isReport = result?.meta.documentKind === 'report';
  const total = result ? result.findings.length : 0;

  return (
    <div className={styles.root} ref={root} data-testid="check-panel">
      {blocked && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{blocked} Vẫn kiểm tra được, nhưng không sửa tự động được.</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.row}>
        <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={() => void check()} disabled={checking} data-recheck="">
          Kiểm tra lại
        </Button>
        <span aria-live="polite">
          {checking ? (
            <Spinner size="tiny" label="Đang kiểm tra…" labelPosition="after" />
          ) : (
            loaded && (
              <Text size={200} className={styles.small} data-testid="checked-at">
                Đã kiểm tra lúc {loaded.at.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
              </Text>
            )
          )}
        </span>
      </div>

      {readError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Chưa đọc được tài liệu.</MessageBarTitle>
            {readError}
          </MessageBarBody>
        </MessageBar>
      )}

      <NoticeBar
        notice={notice}
        onDismiss={() => {
          setNotice(undefined);
          setUndoFix(undefined);
        }}
        testId="check-notice"
        actions={
          undoFix &&
          notice?.intent === 'success' &&
          notice.text === undoFix && (
            <Button size="small" onClick={() => void undoLastFix(undoFix)}>
              Hoàn tác
            </Button>
          )
        }
      />

      {result && (
        <>
          <DocumentInfo
            key={docName}
            result={result}
            documentName={docName || 'Tài liệu'}
            overrides={{ ...storedOverrides(loaded?.store), ...overrides }}
            onOverrides={changeOverrides}
          />

          {!isReport && criteriaSummary(result.criteria) && (
            <Text size={200} data-testid="criteria-summary">
              {criteriaSummary(result.criteria)}
            </Text>
          )}

          {isReport && (
            <section className={styles.block} aria-labelledby={ids.coverage} data-testid="coverage">
              <h2 id={ids.coverage} className={styles.heading}>
                {coverage ? coverage.label : 'Báo cáo chưa có tiêu chí nào'}
              </h2>
              {coverage && (
                <>
                  <ProgressBar
                    value={coverage.value}
                    thickness="large"
                    color={coverage.complete ? 'success' : 'brand'}
                    aria-label={coverage.label}
                  />
                  <Text size={200} className={styles.small}>
                    {coverage.basis}
                  </Text>
                  {coverage.missing && <Text size={200}>{coverage.missing}</Text>}
                </>
              )}
              <div className={styles.row}>
                <Button
                  size="small"
                  icon={<FolderOpenRegular />}
                  disabled={busy === 'plan'}
                  onClick={() => planInput.current?.click()}
                >
                  Chọn tệp kế hoạch…
                </Button>
                {templates.length > 0 && (
                  <Select
                    size="small"
                    aria-label="So với một mẫu kế hoạch đã lưu"
                    data-testid="plan-template"
                    value={plan?.origin === 'template' ? plan.name : ''}
                    onChange={(_e, d) => {
                      const t = templates.find((x) => x.name === d.value);
                      setPlan(t && planSourceFromTemplate(t));
                    }}
                  >
                    <option value="">So với mẫu đã lưu…</option>
                    {templates.map((t) => (
                      <option key={t.name} value={t.name}>
                        {t.name}
                      </option>
                    ))}
                  </Select>
                )}
                {plan && (
                  <Button size="small" appearance="subtle" onClick={() => setPlan(undefined)}>
                    Dùng kế hoạch trong tài liệu
                  </Button>
                )}
                <input
                  ref={planInput}
                  className={styles.hidden}
                  type="file"
                  accept=".docx,.json,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/json"
                  aria-label="Chọn tệp kế hoạch (.docx) hoặc mẫu kế hoạch (.json) để đối chiếu"
                  data-testid="plan-file"
                  onChange={(e) => void onPlanFile(e)}
                />
              </div>
            </section>
          )}

          <hr className={styles.rule} />

          <section className={styles.block} aria-labelledby={ids.findings}>
            <h2 id={ids.findings} className={styles.heading}>
              {total ? `Có ${total} mục cần xem` : 'Không thấy lỗi nào'}
            </h2>
            {total > 0 && (
              <div className={styles.row} role="group" aria-label="Lọc theo mức độ" data-testid="severity-filter">
                {SEVERITIES.map((s) => (
                  <ToggleButton
                    key={s}
                    size="small"
                    checked={filter[s]}
                    disabled={!result.counts[s]}
                    onClick={() => setFilter((f) => toggleSeverity(f, s))}
                  >
                    {severityToggleLabel(s, result.counts)}
                  </ToggleButton>
                ))}
              </div>
            )}
            <div data-testid="finding-list">
              <FindingList
                groups={groups}
                busy={busy}
                fixDisabled={!!blocked}
                onSelect={(f) => void select(f)}
                onFix={(f) => void fix(f)}
                onIgnore={(f) => void ignore(f)}
              />
            </div>
            {total === 0 && (
              <Text size={200} className={styles.small}>
                {result.ignored.length
                  ? `Không còn mục nào cần xem; ${result.ignored.length} mục đã được bỏ qua.`
                  : 'Các bảng kế hoạch, báo cáo trong tài liệu đạt mọi điều kiện kiểm tra.'}
              </Text>
            )}
            {hidden > 0 && (
              <Text size={200} className={styles.small}>
                {hidden} mục đang ẩn theo bộ lọc.
              </Text>
            )}
          </section>

          {result.ignored.length > 0 && (
            <section className={styles.block} aria-label="Các mục đã bỏ qua">
              <div>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-expanded={showIgnored}
                  aria-controls={showIgnored ? ids.ignored : undefined}
                  onClick={() => setShowIgnored((v) => !v)}
                >
                  {`Đã bỏ qua (${result.ignored.length})`}
                </Button>
              </div>
              {showIgnored && (
                <ul id={ids.ignored} className={styles.ignoredList} data-testid="ignored-list">
                  {result.ignored.map((f) => (
                    <li key={f.id} className={styles.ignoredItem} data-testid="ignored">
                      <Text size={200} className={styles.ignoredText}>
                        {f.message}
                        {locationText(f.location) ? ` (${locationText(f.location)})` : ''}
                      </Text>
                      <Button
                        size="small"
                        icon={<ArrowUndoRegular />}
                        disabled={busy !== undefined}
                        onClick={() => void restore(f)}
                      >
                        Khôi phục
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}

      <hr className={styles.rule} />
      <Reviewer />
    </div>
  );
}
