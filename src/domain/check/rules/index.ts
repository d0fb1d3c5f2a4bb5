/**
 * The checker's rules, one file per family. Each rule is precise: it fires on a real mistake a reviewer
 * would point out, and stays quiet on what real documents legitimately do (criteria given by code only,
 * TT counting standards, "Không" as a result, several rows for one criterion, rows split by a page break).
 *
 * A new family is a new file exporting its rules, listed here. Findings of equal severity keep this order.
 */
import { COLUMNS_RULES } from './columns';
import { COVERAGE_RULES } from './coverage';
import { CRITERIA_RULES } from './criteria';
import { DATES_RULES } from './dates';
import { ENCODING_RULES } from './encoding';
import { FRAME_RULES } from './frame';
import { METADATA_RULES } from './metadata';
import type { Rule } from './shared';
import { TT57_RULES } from './tt57';

export type { CheckContext, PlanSource } from './shared';

const byId = (rules: readonly Rule[], id: string): Rule => rules.find((r) => r.id === id)!;

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  byId(COLUMNS_RULES, 'no-table'),
  byId(COLUMNS_RULES, 'columns'),
  byId(COLUMNS_RULES, 'uncertain-heading'),
  ...COVERAGE_RULES.filter((r) => r.id !== 'empty-cells'),
  ...CRITERIA_RULES,
  ...DATES_RULES,
  byId(COVERAGE_RULES, 'empty-cells'),
  byId(COLUMNS_RULES, 'labels'),
  ...ENCODING_RULES,
  ...METADATA_RULES,
  ...TT57_RULES,
  ...FRAME_RULES,
];
