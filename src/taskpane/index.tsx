/**
 * Entry of the task pane. legacy.js has already run: when it found the runtime too old it marked
 * <html data-ctcl-too-old> and showed its message, and the pane does not start.
 *
 * taskpane.html comes with the first screen already drawn (src/taskpane/prerender.tsx, at build time),
 * `inert` until this script has taken it over: React hydrates it rather than drawing it again. A page
 * drawn for another school year than today's (src/taskpane/first-screen.ts) is drawn anew instead.
 */
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';
import { firstScreenKey } from './first-screen';

const container = document.getElementById('root');
if (container && !document.documentElement.hasAttribute('data-ctcl-too-old')) {
  // The message for a page whose scripts never start (boot.css) is no longer needed.
  document.getElementById('boot')?.remove();
  const started = (): void => container.removeAttribute('inert');
  if (container.getAttribute('data-ctcl-prerendered') === firstScreenKey()) {
    hydrateRoot(container, <App onStarted={started} />, {
      // Should not happen (the page was drawn for today): React then draws the pane anew. Said, for the tests.
      onRecoverableError: (error) => console.error(error),
    });
  } else {
    container.textContent = '';
    createRoot(container).render(<App onStarted={started} />);
  }
}
