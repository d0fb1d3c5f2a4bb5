/**
 * What the first screen drawn at build time (src/taskpane/prerender.tsx) depends on: the school year of the
 * day, which sets the framework and the form the insert form starts with (insert/choices.ts,
 * defaultChoices). The page carries the key it was drawn for (#root's data-ctcl-prerendered); index.tsx
 * hydrates the page only when that is today's key and otherwise draws the pane anew. Hydrating a page drawn
 * for another day would not do: React keeps the attributes it finds when it hydrates (which radio button is
 * ticked, say), so the form could show one school year and insert another.
 */
import { defaultChoices } from './insert/choices';

export function firstScreenKey(now = new Date()): string {
  return defaultChoices(now).schoolYear;
}
