/** Placeholder until the panel lands (being built now). */
import type { PanelProps } from '../panels';

export default function YearPanel(_props: PanelProps) {
  return <p>Đang chuẩn bị tính năng này.</p>;
}
