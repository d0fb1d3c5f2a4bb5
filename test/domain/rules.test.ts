import { RULE_LABELS, type RuleId } from '../../src/domain/check/findings';
import { RULES } from '../../src/domain/check/rules';
import { COLUMNS_RULES } from '../../src/domain/check/rules/columns';
import { COVERAGE_RULES } from '../../src/domain/check/rules/coverage';
import { CRITERIA_RULES } from '../../src/domain/check/rules/criteria';
import { DATES_RULES } from '../../src/domain/check/rules/dates';
import { ENCODING_RULES } from '../../src/domain/check/rules/encoding';
import { FRAME_RULES } from '../../src/domain/check/rules/frame';
import { METADATA_RULES } from '../../src/domain/check/rules/metadata';
import { TT57_RULES } from '../../src/domain/check/rules/tt57';

describe('the rule registry', () => {
  test('every finding rule id is reported by exactly one registered rule, and rule ids are unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const reported = RULES.flatMap((r) => r.reports);
    expect([...reported].sort()).toEqual((Object.keys(RULE_LABELS) as RuleId[]).sort());
  });

  test('the registry lists every rule of every family file, each under its own family', () => {
    const files = [
      COLUMNS_RULES,
      COVERAGE_RULES,
      CRITERIA_RULES,
      DATES_RULES,
      ENCODING_RULES,
      FRAME_RULES,
      METADATA_RULES,
      TT57_RULES,
    ];
    expect(new Set(RULES)).toEqual(new Set(files.flat()));
    for (const rules of files) expect(new Set(rules.map((r) => r.family)).size).toBe(1);
  });
});
