/** A previewed table's column widths (percent of the table), for both previews: the standalone page's and the reviewer's. */
export function ColumnWidths({ widths }: { readonly widths: readonly number[] }) {
  if (!widths.length) return null;
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={{ width: `${w}%` }} />
      ))}
    </colgroup>
  );
}
