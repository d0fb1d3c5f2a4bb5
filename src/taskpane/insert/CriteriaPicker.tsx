/**
 * The list of criteria to give a row each, grouped by standard (and the Mức 4 items of the 2018
 * circulars), with a search box. A standard's own checkbox ticks or clears all of its criteria.
 */
import { useId, useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { searchCriteria, type Catalog } from '../../domain/catalog/base';
import { refKey } from '../../domain/table/model';
import { fold } from '../../domain/text';
import { allRefKeys, toggleKeys } from './choices';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px',
  },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px' },
  count: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, width: '100%' },
  items: { display: 'flex', flexDirection: 'column', paddingLeft: '20px' },
  label: { display: 'inline' },
  code: { fontWeight: tokens.fontWeightSemibold },
  badge: { marginLeft: '6px', verticalAlign: 'middle' },
  empty: { color: tokens.colorNeutralForeground3, padding: '4px' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface CriteriaPickerProps {
  readonly catalog: Catalog;
  /** Offer the Mức 4 items (2018 forms). */
  readonly level4: boolean;
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  /** Vietnamese validation message. */
  readonly error?: string;
}

interface Group {
  readonly id: string;
  readonly title: string;
  readonly items: readonly {
    key: string;
    code: string;
    text: string;
    mandatory?: boolean;
    unverified?: boolean;
  }[];
}

export function CriteriaPicker({ catalog, level4, selected, onChange, error }: CriteriaPickerProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const errorId = useId();

  const groups = useMemo<Group[]>(() => {
    const matches = searchCriteria(catalog, query);
    const out: Group[] = catalog.standards
      .map((s) => ({
        id: `s${s.number}`,
        title: `Tiêu chuẩn ${s.number}: ${s.title}`,
        items: matches
          .filter((m) => m.standard.number === s.number)
          .map(({ criterion: c }) => ({
            key: refKey({ code: c.code }),
            code: c.code,
            text: c.title,
            mandatory: c.mandatory,
            unverified: !!c.unverified,
          })),
      }))
      .filter((g) => g.items.length);
    if (level4 && catalog.level4.length) {
      const q = fold(query);
      const items = catalog.level4
        .filter((i) => !q || fold(`muc 4 ${i.code} ${i.summary}`).includes(q))
        .map((i) => ({
          key: refKey({ code: i.code, level4: true }),
          code: `Mức 4 – ${i.code}`,
          text: i.summary,
          unverified: !!i.incomplete,
        }));
      if (items.length) out.push({ id: 'm4', title: 'Mức 4', items });
    }
    return out;
  }, [catalog, level4, query]);

  const chosen = new Set(selected);
  const all = allRefKeys(catalog, level4);
  const count = all.filter((k) => chosen.has(k)).length;

  return (
    <div className={styles.root} role="group" aria-label="Chọn tiêu chí" aria-describedby={error ? errorId : undefined}>
      <Input
        id={searchId}
        type="search"
        size="small"
        value={query}
        onChange={(_, d) => setQuery(d.value)}
        placeholder="Tìm theo số hoặc tên tiêu chí, ví dụ 3.2"
        aria-label="Tìm tiêu chí"
      />
      <div className={styles.tools}>
        <Button size="small" appearance="subtle" onClick={() => onChange(toggleKeys(selected, all, true))}>
          Chọn tất cả
        </Button>
        <Button size="small" appearance="subtle" onClick={() => onChange(toggleKeys(selected, all, false))} disabled={!count}>
          Bỏ chọn hết
        </Button>
        <Text size={200} className={styles.count} aria-live="polite">
          Đã chọn {count}/{all.length}
        </Text>
      </div>
      {error && (
        <Text id={errorId} size={200} className={styles.error}>
          {error}
        </Text>
      )}
      {!groups.length && <Text className={styles.empty}>Không có tiêu chí nào khớp với «{query}».</Text>}
      {groups.map((g) => {
        const keys = g.items.map((i) => i.key);
        const on = keys.filter((k) => chosen.has(k)).length;
        return (
          <fieldset key={g.id} className={styles.group}>
            <legend className={styles.legend}>
              <Checkbox
                checked={on === 0 ? false : on === keys.length ? true : 'mixed'}
                onChange={(_, d) => onChange(toggleKeys(selected, keys, d.checked === true))}
                label={<span className={styles.code}>{g.title}</span>}
              />
            </legend>
            <div className={styles.items}>
              {g.items.map((i) => (
                <Checkbox
                  key={i.key}
                  checked={chosen.has(i.key)}
                  onChange={(_, d) => onChange(toggleKeys(selected, [i.key], d.checked === true))}
                  label={
                    <span className={styles.label}>
                      <span className={styles.code}>{i.code}</span> {i.text}
                      {i.mandatory && (
                        <Badge className={styles.badge} size="small" appearance="tint" color="danger">
                          bắt buộc
                        </Badge>
                      )}
                      {i.unverified && (
                        <Badge className={styles.badge} size="small" appearance="outline" color="informative">
                          chưa xác minh
                        </Badge>
                      )}
                    </span>
                  }
                />
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
