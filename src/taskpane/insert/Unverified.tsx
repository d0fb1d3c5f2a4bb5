/**
 * A discreet "Chưa xác minh" disclosure: notes on data that the reference sources could not confirm.
 * A native <details>, so it opens with Enter or Space and needs no script or popup code.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  summary: {
    cursor: 'pointer',
    width: 'fit-content',
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
});

export function Unverified({ notes, label = 'Chưa xác minh' }: { notes: readonly string[]; label?: string }) {
  const styles = useStyles();
  if (!notes.length) return null;
  return (
    <details className={styles.root}>
      <summary className={styles.summary}>
        {label} ({notes.length})
      </summary>
      <ul className={styles.list}>
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </details>
  );
}
