/**
 * The pane's feature tabs. Each panel is its own folder and chunk, loaded when its tab is first
 * opened, so the first screen (insert) stays small.
 */
import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { DocumentBackend } from '../domain/backend';

export interface PanelProps {
  /** The document the pane works on (Word, or the standalone .docx); undefined while starting. */
  readonly backend: DocumentBackend | undefined;
  /** Why the pane cannot work with this host (e.g. WordApi 1.3 missing), if so. */
  readonly blocked?: string;
  readonly standalone: boolean;
  /** Open another tab (e.g. the check panel after filling rows). */
  readonly openPanel: (id: PanelId) => void;
}

export type PanelId = 'insert' | 'rows' | 'check' | 'year';

interface PanelInfo {
  readonly id: PanelId;
  readonly label: string;
  readonly component: LazyExoticComponent<ComponentType<PanelProps>> | ComponentType<PanelProps>;
}

export const LAZY_PANELS: readonly Omit<PanelInfo, 'component'>[] = [
  { id: 'insert', label: 'Chèn bảng' },
  { id: 'rows', label: 'Điền dòng' },
  { id: 'check', label: 'Kiểm tra' },
  { id: 'year', label: 'Năm học mới' },
];

/**
 * A tab loaded on demand that can be tried again: React.lazy keeps a failed import for good, so after a
 * failed download (the network dropped) retryPanels() makes fresh lazy components that import anew.
 */
function retryable(load: () => Promise<{ default: ComponentType<PanelProps> }>): ComponentType<PanelProps> & {
  retry(): void;
} {
  let Lazy = lazy(load);
  const Panel = (props: PanelProps) => createElement(Lazy, props);
  Panel.retry = () => {
    Lazy = lazy(load);
  };
  return Panel;
}

export const RowsPanel = retryable(() => import(/* webpackChunkName: "rows" */ './rows/RowsPanel'));
export const CheckPanel = retryable(() => import(/* webpackChunkName: "check" */ './check/CheckPanel'));
export const YearPanel = retryable(() => import(/* webpackChunkName: "year" */ './year/YearPanel'));

/** After a failed download: the tabs import their code again when next shown. */
export function retryPanels(): void {
  for (const p of [RowsPanel, CheckPanel, YearPanel]) p.retry();
}
