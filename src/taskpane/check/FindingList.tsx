/**
 * Findings grouped by rule. Each finding with a place in the document is a button: click, Enter or
 * Space selects its cell or row (in Word, or in the standalone preview). Beside it, the fix (when the
 * checker has a safe one) and "Bỏ qua". Read-only lists (other files) have neither.
 */
import { useId } from 'react';
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { SEVERITY_LABELS, type Finding, type Severity } from '../../domain/check';
import { locationText, type FindingGroup } from './view';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: '12px' },
  groupHeading: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    margin: '0 0 4px',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  main: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: '6px',
    width: '100%',
    margin: 0,
    padding: '2px',
    border: 'none',
    borderRadius: tokens.borderRadiusSmall,
    background: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'left',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  icon: { flexShrink: 0, fontSize: '16px', marginTop: '2px' },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  iconInfo: { color: tokens.colorNeutralForeground2 },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px', paddingLeft: '24px' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const props = { 'aria-hidden': true as const };
  if (severity === 'error') return <ErrorCircleRegular {...props} className={mergeClasses(styles.icon, styles.iconError)} />;
  if (severity === 'warning') return <WarningRegular {...props} className={mergeClasses(styles.icon, styles.iconWarning)} />;
  return <InfoRegular {...props} className={mergeClasses(styles.icon, styles.iconInfo)} />;
}

interface FindingActions {
  readonly onSelect?: (f: Finding) => void;
  readonly onFix?: (f: Finding) => void;
  readonly onIgnore?: (f: Finding) => void;
  /** The finding an action is running for (its buttons wait). */
  readonly busy?: string;
  /** Fixes are off (e.g. this Word cannot edit tables). */
  readonly fixDisabled?: boolean;
}

export function FindingList({
  groups,
  headingLevel = 3,
  ...actions
}: FindingActions & { groups: readonly FindingGroup[]; headingLevel?: 3 | 4 }) {
  const styles = useStyles();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className={styles.groups}>
      {groups.map((g) => (
        <section key={g.rule} aria-label={`${g.label}: ${g.findings.length} mục`} data-testid="finding-group" data-rule={g.rule}>
          <Heading className={styles.groupHeading}>
            <SeverityIcon severity={g.severity} />
            <span>{g.label}</span>
            <Badge
              size="small"
              appearance="tint"
              color={g.severity === 'error' ? 'danger' : g.severity === 'warning' ? 'warning' : 'informative'}
            >
              {g.findings.length}
            </Badge>
          </Heading>
          <ul className={styles.list}>
            {g.findings.map((f) => (
              <FindingItem key={f.id} finding={f} {...actions} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FindingItem({ finding: f, onSelect, onFix, onIgnore, busy, fixDisabled }: FindingActions & { finding: Finding }) {
  const styles = useStyles();
  const messageId = useId();
  const where = locationText(f.location);
  const selectable = !!onSelect && f.location.table !== undefined;
  const content = (
    <>
      <SeverityIcon severity={f.severity} />
      <span className={styles.text}>
        <span id={messageId}>
          <span className={styles.hidden}>{SEVERITY_LABELS[f.severity]}: </span>
          {f.message}
        </span>
        {where && <span className={styles.where}>{where}</span>}
      </span>
    </>
  );
  const waiting = busy !== undefined;
  return (
    <li
      className={mergeClasses(styles.item, styles[f.severity])}
      data-testid="finding"
      data-finding-id={f.id}
      data-severity={f.severity}
    >
      {selectable ? (
        <button
          type="button"
          className={mergeClasses(styles.main, styles.clickable)}
          title="Chọn chỗ này trong tài liệu"
          onClick={() => onSelect(f)}
          data-finding-main=""
        >
          {content}
        </button>
      ) : (
        <div className={styles.main}>{content}</div>
      )}
      {(onIgnore || (onFix && f.fix)) && (
        <div className={styles.actions}>
          {onFix && f.fix && (
            <Button
              size="small"
              appearance="primary"
              aria-describedby={messageId}
              disabled={waiting || fixDisabled}
              onClick={() => onFix(f)}
            >
              {f.fixLabel ?? 'Sửa'}
            </Button>
          )}
          {onIgnore && (
            <Button size="small" appearance="subtle" aria-describedby={messageId} disabled={waiting} onClick={() => onIgnore(f)}>
              Bỏ qua
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
