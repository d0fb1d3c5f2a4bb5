/**
 * The criteria to fill a row for, as one radio group grouped by standard: code, official title, badges
 * (bắt buộc, chưa xác minh, rows already in the table), and one line per level. Criteria without the
 * picked level are greyed out with the reason.
 * Keyboard: the arrow keys (Home, End) move the focus through the list without choosing — choosing a
 * criterion loads its form, so passing over twenty of them must not load twenty —; Enter or Space
 * chooses the focused one, as a click does.
 */
import { memo, useId, type KeyboardEvent } from 'react';
import { Badge, makeStyles, mergeClasses, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import type { CriterionGroup, CriterionItem } from './criteria';
import { rowsText } from './criteria';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    maxHeight: '46vh',
    overflowY: 'auto',
    overflowX: 'hidden',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '4px 4px 8px',
  },
  group: { display: 'flex', flexDirection: 'column', minWidth: 0, width: '100%', alignSelf: 'stretch' },
  groupTitle: {
    margin: '6px 4px 2px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    width: '100%',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  chosen: { backgroundColor: tokens.colorBrandBackground2 },
  radio: { display: 'flex', alignItems: 'flex-start', minWidth: 0 },
  label: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' },
  code: { fontWeight: tokens.fontWeightSemibold },
  badge: { marginLeft: '6px', verticalAlign: 'middle' },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: '1px',
    margin: '-6px 8px 4px 36px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
  },
  summary: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  reason: { color: tokens.colorPaletteDarkOrangeForeground1 },
  empty: { padding: '8px', color: tokens.colorNeutralForeground3 },
});

interface CriterionListProps {
  readonly groups: readonly CriterionGroup[];
  /** refKey of the chosen criterion. */
  readonly value?: string;
  readonly onChange: (item: CriterionItem) => void;
  readonly query: string;
  readonly labelledBy: string;
}

export const CriterionList = memo(function CriterionList({ groups, value, onChange, query, labelledBy }: CriterionListProps) {
  const styles = useStyles();
  const base = useId();
  const byKey = new Map(groups.flatMap((g) => g.items.map((i) => [i.key, i] as const)));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const move = ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key);
    if (!move && e.key !== 'Enter') return;
    const inputs = [...e.currentTarget.querySelectorAll<HTMLInputElement>('input[type="radio"]:not(:disabled)')];
    const at = inputs.indexOf(document.activeElement as HTMLInputElement);
    if (at < 0) return;
    e.preventDefault();
    if (e.key === 'Enter') {
      const item = byKey.get(inputs[at].value);
      if (item && !item.disabled) onChange(item);
      return;
    }
    const forward = e.key === 'ArrowDown' || e.key === 'ArrowRight';
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? inputs.length - 1
          : forward
            ? Math.min(at + 1, inputs.length - 1)
            : Math.max(at - 1, 0);
    inputs[next].focus();
  };
  if (!groups.length) {
    return (
      <Text className={styles.empty} role="status">
        Không có tiêu chí nào khớp với «{query}». Hãy thử số tiêu chí (ví dụ 3.2) hoặc vài chữ trong tên.
      </Text>
    );
  }
  return (
    <RadioGroup
      className={styles.list}
      aria-labelledby={labelledBy}
      value={value && byKey.has(value) ? value : ''}
      onChange={(_, d) => {
        const item = byKey.get(d.value);
        if (item && !item.disabled) onChange(item);
      }}
      onKeyDown={onKeyDown}
      data-testid="criterion-list"
    >
      {groups.map((g) => (
        <div key={g.id} className={styles.group} role="group" aria-label={g.title}>
          <div className={styles.groupTitle} aria-hidden="true">
            {g.title}
          </div>
          {g.items.map((i) => {
            const detailsId = `${base}-${i.key}`;
            const lines = [...i.summaries, ...(i.note ? [i.note] : [])];
            const details = lines.length > 0 || !!i.disabled || !!i.ref.level4;
            return (
              <div key={i.key} className={mergeClasses(styles.item, value === i.key && styles.chosen)}>
                <Radio
                  className={styles.radio}
                  value={i.key}
                  disabled={!!i.disabled}
                  aria-describedby={details ? detailsId : undefined}
                  label={{
                    className: styles.label,
                    children: (
                      <span>
                        <span className={styles.code}>{i.ref.level4 ? `Tiêu chí ${i.code} (Mức 4)` : i.code}</span>{' '}
                        {i.ref.level4 ? '' : i.title}
                        {i.mandatory && (
                          <Badge className={styles.badge} size="small" appearance="tint" color="danger">
                            bắt buộc
                          </Badge>
                        )}
                        {i.unverified && (
                          <Badge
                            className={styles.badge}
                            size="small"
                            appearance="outline"
                            color="informative"
                            title={i.unverified}
                          >
                            chưa xác minh
                          </Badge>
                        )}
                        {i.rows > 0 && (
                          <Badge className={styles.badge} size="small" appearance="tint" color="success">
                            {rowsText(i.rows)}
                          </Badge>
                        )}
                      </span>
                    ),
                  }}
                />
                {details && (
                  <div id={detailsId} className={styles.details}>
                    {i.ref.level4 && <span>{i.title}</span>}
                    {lines.map((l) => (
                      <span key={l} className={styles.summary} title={l}>
                        {l}
                      </span>
                    ))}
                    {i.disabled && <span className={styles.reason}>{i.disabled}</span>}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </RadioGroup>
  );
});
