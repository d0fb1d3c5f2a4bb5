/**
 * The pane's stand-in for Fluent UI's token table (src/taskpane/fluent-tokens.ts, put in its place by
 * webpack.config.js) gives every token the value of the original.
 */
import { tokens as original } from '@fluentui/tokens';
import { tokens } from '../../src/taskpane/fluent-tokens';

test('every Fluent UI token has the value of the original table', () => {
  const names = Object.keys(original) as (keyof typeof original)[];
  expect(names.length).toBeGreaterThan(400);
  const differing = names.filter((n) => tokens[n] !== original[n]);
  expect(differing).toEqual([]);
  // Token names with a fallback value keep it, e.g. the z-index layers.
  expect(tokens.zIndexPopup).toBe(original.zIndexPopup);
  expect(tokens.zIndexPopup).toMatch(/^var\(--zIndexPopup, \d+\)$/);
});

test('only property names give values', () => {
  expect(tokens.colorBrandBackground).toBe('var(--colorBrandBackground)');
  expect((tokens as unknown as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
});
