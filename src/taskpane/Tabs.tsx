/**
 * A small accessible tab bar (WAI-ARIA tabs pattern: arrow keys, Home/End, roving tabindex) made of
 * the Buttons the first screen already loads; Fluent's TabList would add 26 KB gzip to it.
 */
import { useRef, type KeyboardEvent } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '2px',
    margin: '8px 0 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { borderRadius: '4px 4px 0 0', minWidth: 'auto', color: tokens.colorNeutralForeground2 },
  // An inset shadow, not a border: Fluent's Button sets its own borders on hover and focus.
  selected: {
    boxShadow: `inset 0 -3px 0 0 ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    ':hover': { color: tokens.colorBrandForeground1 },
  },
});

export interface TabItem<T extends string> {
  readonly id: T;
  readonly label: string;
}

export function Tabs<T extends string>(props: {
  items: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
}) {
  const styles = useStyles();
  const refs = useRef<(HTMLElement | null)[]>([]);
  const move = (e: KeyboardEvent, i: number): void => {
    const n = props.items.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    props.onSelect(props.items[to].id);
    refs.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} className={styles.bar}>
      {props.items.map((t, i) => {
        const on = t.id === props.selected;
        return (
          <Button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            role="tab"
            id={`tab-${t.id}`}
            data-testid={`tab-${t.id}`}
            aria-selected={on}
            aria-controls="panel"
            tabIndex={on ? 0 : -1}
            appearance="subtle"
            size="small"
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => props.onSelect(t.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </Button>
        );
      })}
    </div>
  );
}
