/**
 * Entry of the task pane. legacy.js has already run: when it found the runtime too old it marked
 * <html data-ctcl-too-old> and showed its message, and the pane does not start.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (container && !document.documentElement.hasAttribute('data-ctcl-too-old')) {
  createRoot(container).render(<App />);
}
