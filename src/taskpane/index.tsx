/**
 * Entry of the task pane. legacy.js has already run: when it found the runtime too old it marked
 * <html data-ctcl-too-old> and showed its message, and the pane does not start.
 *
 * taskpane.html comes with the first screen already drawn (src/taskpane/prerender.tsx, at build time),
 * `inert` until this script has taken it over: React hydrates it rather than drawing it again. When what
 * the page holds differs from the first render here (the school year has changed since the build, say),
 * React draws the pane anew; nothing else changes.
 */
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (container && !document.documentElement.hasAttribute('data-ctcl-too-old')) {
  // The message for a page whose scripts never start (boot.css) is no longer needed.
  document.getElementById('boot')?.remove();
  const started = (): void => container.removeAttribute('inert');
  if (container.hasAttribute('data-ctcl-prerendered')) {
    hydrateRoot(container, <App onStarted={started} />, {
      // A first screen that does not match is drawn again by React: expected after a new school year.
      onRecoverableError: () => undefined,
    });
  } else {
    createRoot(container).render(<App onStarted={started} />);
  }
}
