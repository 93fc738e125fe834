// The looks the dashboard's parts share: dialogs (skills, move a ticket) and figure tables.
import { css } from 'lit';

export const dialogStyles = css`
  .backdrop {
    position: fixed;
    inset: 0;
    background: rgba(0, 0, 0, 0.35);
    display: flex;
    align-items: center;
    justify-content: center;
    z-index: 10;
  }
  .dialog {
    background: #fff;
    border-radius: 10px;
    padding: 18px 22px;
    min-width: 360px;
    max-height: 80vh;
    overflow: auto;
  }
  h2 {
    font-size: 18px;
    margin: 0 0 12px;
  }
  label {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    margin: 6px 0;
  }
  select,
  button {
    font-size: 15px;
    padding: 4px 10px;
  }
  .actions {
    margin-top: 14px;
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
  .primary {
    background: var(--sv-primary, #1f5fae);
    color: #fff;
    border: 0;
    border-radius: 4px;
  }
  .error {
    color: var(--sv-bad, #c62828);
  }
`;

/** Tables of figures: names left, numbers right. */
export const tableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 5px 6px;
    border-bottom: 1px solid #eef0f3;
    text-align: right;
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
`;
