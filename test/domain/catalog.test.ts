import {
  allCriteria,
  compareCodes,
  findCatalog,
  frameworkForYear,
  getCatalog,
  schoolTypesOf,
  CATALOG_SCHOOL_TYPES,
  searchCriteria,
  SCHOOL_TYPES,
} from '../../src/domain/catalog';

function levelCounts(framework: '2018' | '2026', type: 'mam-non' | 'tieu-hoc' | 'thcs-thpt' | 'gdtx') {
  const c = allCriteria(getCatalog(framework, type));
  return [1, 2, 3].map((l) => c.filter((x) => (x.levels as number[]).includes(l)).length);
}

describe('catalog counts (pinned to the circulars)', () => {
  test('TT17 tiểu học: 27/27/19 criteria per level and 5 Mức 4 items', () => {
    expect(levelCounts('2018', 'tieu-hoc')).toEqual([27, 27, 19]);
    expect(getCatalog('2018', 'tieu-hoc').level4).toHaveLength(5);
    expect(getCatalog('2018', 'tieu-hoc').standards.map((s) => s.criteria.length)).toEqual([10, 4, 6, 2, 5]);
  });
  test('TT19 mầm non: 25/25/19 and 6 Mức 4 items', () => {
    expect(levelCounts('2018', 'mam-non')).toEqual([25, 25, 19]);
    expect(getCatalog('2018', 'mam-non').level4.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(getCatalog('2018', 'mam-non').level4.some((i) => i.incomplete)).toBe(false);
    expect(getCatalog('2018', 'mam-non').counts.level4).toBe(6);
    expect(getCatalog('2018', 'mam-non').standards.map((s) => s.criteria.length)).toEqual([10, 3, 6, 2, 4]);
  });
  test('TT18 THCS/THPT: 28/28/20; 5.3–5.5 without Mức 1 from 25/01/2025', () => {
    expect(levelCounts('2018', 'thcs-thpt')).toEqual([28, 28, 20]);
    const from2025 = allCriteria(getCatalog('2018', 'thcs-thpt'))
      .filter((c) => c.levelsFrom2025)
      .map((c) => [c.code, c.levelsFrom2025]);
    expect(from2025).toEqual([
      ['1.5', [1]],
      ['5.3', [2]],
      ['5.4', [2]],
      ['5.5', [2, 3]],
    ]);
    expect(getCatalog('2018', 'thcs-thpt').standards.map((s) => s.criteria.length)).toEqual([10, 4, 6, 2, 6]);
  });
  test.each(['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'] as const)(
    'TT57 %s: 4 standards, 15 criteria, 8 mandatory, Mức 1–2',
    (t) => {
      const cat = getCatalog('2026', t);
      expect(cat.standards).toHaveLength(4);
      expect(allCriteria(cat)).toHaveLength(15);
      expect(
        allCriteria(cat)
          .filter((c) => c.mandatory)
          .map((c) => c.code),
      ).toEqual(['1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2']);
      expect(levelCounts('2026', t)).toEqual([15, 15, 0]);
    },
  );
  test('tiểu học and THCS/THPT share the phổ thông catalog under TT57', () => {
    expect(getCatalog('2026', 'tieu-hoc')).toBe(getCatalog('2026', 'thcs-thpt'));
    expect(getCatalog('2026', 'tieu-hoc').id).toBe('tt57-pho-thong');
  });
  test('GDTX has no 2018 catalog', () => {
    expect(findCatalog('2018', 'gdtx')).toBeUndefined();
    expect(() => getCatalog('2018', 'gdtx')).toThrow(/không có bộ tiêu chí/);
    expect(schoolTypesOf('2018')).toEqual(['mam-non', 'tieu-hoc', 'thcs-thpt']);
    expect(schoolTypesOf('2026')).toEqual([...SCHOOL_TYPES]);
    // The table the pane's first screen uses without loading any catalog says the same.
    for (const f of ['2018', '2026'] as const) expect([...CATALOG_SCHOOL_TYPES[f]]).toEqual(schoolTypesOf(f));
  });
});

describe('unverified marks are kept as data', () => {
  test('incomplete Mức 4 lists are marked', () => {
    expect(getCatalog('2018', 'tieu-hoc').level4Complete).toBe(true);
    expect(getCatalog('2018', 'mam-non').level4Complete).toBe(true);
    expect(getCatalog('2018', 'thcs-thpt').level4Complete).toBe(false);
    expect(getCatalog('2018', 'thcs-thpt').unverified.join(' ')).toMatch(/Mức 4 chưa đầy đủ/);
  });
  test('single-source titles are marked', () => {
    const c = allCriteria(getCatalog('2018', 'tieu-hoc')).find((x) => x.code === '1.5');
    expect(c?.unverified).toMatch(/một nguồn/);
    const pt14 = allCriteria(getCatalog('2026', 'tieu-hoc')).find((x) => x.code === '1.4');
    expect(pt14?.unverified).toMatch(/biến thể/);
    const pt41 = allCriteria(getCatalog('2026', 'tieu-hoc')).find((x) => x.code === '4.1');
    expect(pt41?.unverified).toBeUndefined();
    expect(pt41?.titleVariants).toBeUndefined();
    expect(getCatalog('2026', 'gdtx').unverified.join(' ')).toMatch(/một nguồn/);
  });
});

describe('framework from the school year', () => {
  test('2026-2027 onward is TT57, earlier years the 2018 circulars', () => {
    expect(frameworkForYear('2025-2026')).toBe('2018');
    expect(frameworkForYear('2026-2027')).toBe('2026');
    expect(frameworkForYear('2030 – 2031')).toBe('2026');
    expect(() => frameworkForYear('2025-2027')).toThrow(/không hợp lệ/);
  });
});

describe('search', () => {
  const cat = getCatalog('2018', 'tieu-hoc');
  test('ignores diacritics and case', () => {
    const hits = searchCriteria(cat, 'co so vat chat').map((m) => m.standard.number);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits)).toEqual(new Set([3]));
  });
  test('finds by code and by standard number', () => {
    expect(searchCriteria(cat, '3.2').map((m) => m.criterion.code)).toEqual(['3.2']);
    expect(searchCriteria(cat, 'Tiêu chí 1.10').map((m) => m.criterion.code)).toEqual(['1.10']);
    expect(searchCriteria(cat, '4').map((m) => m.criterion.code)).toEqual(['4.1', '4.2']);
  });
  test('codes sort numerically', () => {
    expect(['1.10', '1.2', '1.9'].sort(compareCodes)).toEqual(['1.2', '1.9', '1.10']);
  });
});
