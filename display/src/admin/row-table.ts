// The admin's row editor: a table of rows of the draft (services, windows, staff), a cell template per column, a
// 删除 button per row and ＋ 添加 under the table. Each tab says only what its columns are and what adding
// or removing a row does; the table, its head and its buttons are the same everywhere.
import { html, nothing, type TemplateResult } from 'lit';
import { t } from './admin-i18n';

export interface Column<R> {
  head: string;
  cell: (row: R, i: number) => unknown;
}

export interface RowTable<R> {
  /** `data-testid` of the table; the add button's is `add-…` (services → add-service). */
  testid: string;
  addTestid: string;
  rows: R[];
  /** Names each row (`data-key`) for the tests and the photo cell. */
  key?: (row: R) => string;
  columns: Column<R>[];
  add: () => void;
  /** Removes the row from the draft (and what hangs on it); null: this row cannot be removed. */
  remove: (row: R, i: number) => (() => void) | null;
}

export function rowTable<R>(o: RowTable<R>): TemplateResult {
  return html`<table data-testid=${o.testid}>
      <thead>
        <tr>
          ${o.columns.map((c) => html`<th>${c.head}</th>`)}
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${o.rows.map((row, i) => {
          const remove = o.remove(row, i);
          return html`<tr data-key=${o.key ? o.key(row) : nothing}>
            ${o.columns.map((c) => html`<td>${c.cell(row, i)}</td>`)}
            <td>${remove ? html`<button class="danger" @click=${remove}>${t('remove')}</button>` : nothing}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <p><button data-testid=${o.addTestid} @click=${o.add}>＋ ${t('add')}</button></p>`;
}
