/**
 * Entry of the reviewer page (reviewer.html): a whole district's files in one view, read in the browser.
 * legacy.js has already run: on a runtime too old it marked <html data-ctcl-too-old> and said so.
 */
import { createRoot } from 'react-dom/client';
import { ReviewerPage } from './ReviewerPage';

const container = document.getElementById('root');
if (container && !document.documentElement.hasAttribute('data-ctcl-too-old')) {
  createRoot(container).render(<ReviewerPage />);
}
