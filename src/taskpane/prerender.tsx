/**
 * The pane's first screen as HTML, rendered at build time: webpack.config.js writes it into taskpane.html,
 * and src/taskpane/index.tsx hydrates it. The form is then on screen as soon as the page and its stylesheet
 * are read, while the script still downloads; until it has started, the form is `inert` (seen, not
 * usable) — as in any start, «Chèn bảng» waits for the document anyway.
 *
 * Runs in Node (bundled by esbuild from webpack.config.js), never in the browser.
 */
import { renderToString } from 'react-dom/server';
import { App } from './App';
import { firstScreenKey } from './first-screen';

/**
 * Fluent UI's provider writes its theme into a <style> element when rendered outside a browser; in the
 * browser it renders nothing there, so the element would not hydrate. The pane's theme is static (on
 * :root, in the page), and the provider's own rule for it is empty: the element is left out.
 */
const PROVIDER_STYLE = /<style id="fui-FluentProvider[^"]*">[^<]*<\/style>/;

/** The first screen's HTML, and the key of what it was drawn for (src/taskpane/first-screen.ts). */
export function prerenderFirstScreen(): { html: string; key: string } {
  const key = firstScreenKey();
  const html = renderToString(<App />);
  const style = PROVIDER_STYLE.exec(html);
  if (!style || /\{[^}]*[^\s}][^}]*\}/.test(style[0])) {
    throw new Error(`The provider's style element changed: ${style?.[0] ?? 'not found'}`);
  }
  return { html: html.replace(PROVIDER_STYLE, ''), key };
}
