// Shared look of the admin tabs: dense tables for 1366×768, inputs that fit a cell.
import { css } from 'lit';

export const tabStyles = css`
  :host {
    display: block;
  }
  h3 {
    margin: 18px 0 8px;
    font-size: 17px;
  }
  h4 {
    margin: 12px 0 6px;
    font-size: 15px;
    color: #334;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: #fff;
    font-size: 14px;
  }
  th,
  td {
    border-bottom: 1px solid #e3e8ef;
    padding: 5px 6px;
    text-align: left;
    vertical-align: middle;
  }
  th {
    background: #eef2f7;
    font-weight: 600;
    white-space: nowrap;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 14px;
    padding: 3px 5px;
    border: 1px solid #b9c3cf;
    border-radius: 4px;
    box-sizing: border-box;
  }
  input.num {
    width: 72px;
  }
  textarea {
    width: 100%;
  }
  label.check {
    white-space: nowrap;
  }
  button {
    font: inherit;
    font-size: 14px;
    padding: 4px 10px;
    border-radius: 5px;
    border: 1px solid #1f5fae;
    background: #fff;
    color: #1f5fae;
    cursor: pointer;
  }
  button.danger {
    border-color: #c62828;
    color: #c62828;
  }
  button.primary {
    background: #1f5fae;
    color: #fff;
  }
  .muted {
    color: #667;
    font-size: 13px;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
    gap: 10px 18px;
    background: #fff;
    padding: 12px;
    border-radius: 8px;
  }
  .grid label {
    display: flex;
    flex-direction: column;
    gap: 3px;
    font-size: 13px;
    color: #445;
  }
  /* A checkbox in a grid: box and words on one line, at the foot of its cell like the inputs beside it. */
  .grid label.check {
    flex-direction: row;
    align-items: center;
    align-self: end;
    white-space: normal;
  }
  .row-actions {
    white-space: nowrap;
  }
`;
