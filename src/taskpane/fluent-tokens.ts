/**
 * Fluent UI's `tokens` (@fluentui/tokens), as the pane's bundle has it: webpack.config.js puts this module in
 * place of @fluentui/tokens/lib/tokens.js.
 *
 * The original is a 470-entry object literal mapping each design token to its CSS variable ("var(--name)").
 * After Griffel's build-time extraction, Fluent UI's components only read a few of its properties at run time
 * (leftover expressions such as `tokens.spacingHorizontalXXS;`), but a property read cannot be dropped by the
 * minifier, so the whole table (30 KB) stayed in the first screen's JavaScript. This gives the same value for
 * every token: "var(--name)", or the variable with its fallback for the few tokens that have one.
 * test/taskpane/fluent-tokens.test.ts compares it with the original, token by token.
 */
const WITH_FALLBACK: Readonly<Record<string, string>> = {
  zIndexBackground: 'var(--zIndexBackground, 0)',
  zIndexContent: 'var(--zIndexContent, 1)',
  zIndexOverlay: 'var(--zIndexOverlay, 1000)',
  zIndexPopup: 'var(--zIndexPopup, 2000)',
  zIndexMessages: 'var(--zIndexMessages, 3000)',
  zIndexFloating: 'var(--zIndexFloating, 4000)',
  zIndexPriority: 'var(--zIndexPriority, 5000)',
  zIndexDebug: 'var(--zIndexDebug, 6000)',
};

const HAS = Object.prototype.hasOwnProperty;

export const tokens: Readonly<Record<string, string>> = new Proxy(
  {},
  {
    get: (_target, name) =>
      typeof name !== 'string' ? undefined : HAS.call(WITH_FALLBACK, name) ? WITH_FALLBACK[name] : `var(--${name})`,
  },
);
