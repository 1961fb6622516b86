/**
 * The numbers behind a chart, as a plain table: for screen readers, for copying into a report
 * (select, copy, paste into WPS or Excel keeps the columns), and for print.
 */
import type { ComponentChildren } from 'preact';

export interface Column<R> {
  key: string;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  cell: (row: R) => ComponentChildren;
}

export interface DataTableProps<R> {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  /** The first column names the row (a township, a week): it becomes a row header. */
  rowHeader?: boolean;
  /** A closing row of totals. */
  footer?: R;
}

export function DataTable<R>({ caption, columns, rows, rowKey, rowHeader = true, footer }: DataTableProps<R>) {
  const cells = (row: R) =>
    columns.map((c, i) =>
      i === 0 && rowHeader ? (
        <th key={c.key} scope="row" class={c.numeric ? 'num' : undefined}>
          {c.cell(row)}
        </th>
      ) : (
        <td key={c.key} class={c.numeric ? 'num' : undefined} data-label={c.label}>
          {c.cell(row)}
        </td>
      ),
    );
  return (
    // Focusable and named: on a narrow screen the table scrolls sideways, by keyboard too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable without a mouse (WCAG 2.1.1).
    <section class="table-wrap" aria-label={caption} tabIndex={0}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>{cells(row)}</tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr>{cells(footer)}</tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}
