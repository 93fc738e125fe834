// The administration page's frame: header with the tabs, the save bar, notices and the main area (the
// tabs' own tables: admin-styles.ts).
import { css } from 'lit';

export const adminAppStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
    color: #1d2733;
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    background: #1f5fae;
    color: #fff;
    padding: 8px 20px;
  }
  header h1 {
    font-size: 20px;
    margin: 0 12px 0 0;
    white-space: nowrap;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
  }
  nav button {
    background: transparent;
    color: #dfe9f7;
    border: 0;
    font-size: 15px;
    padding: 7px 11px;
    border-radius: 6px;
    cursor: pointer;
  }
  nav button[aria-selected='true'] {
    background: rgba(255, 255, 255, 0.2);
    color: #fff;
  }
  .spacer {
    flex: 1;
  }
  header a,
  header .link {
    color: #fff;
    background: none;
    border: 0;
    font-size: 14px;
    cursor: pointer;
    white-space: nowrap;
  }
  .bar {
    position: sticky;
    top: 0;
    z-index: 5;
    display: flex;
    gap: 12px;
    align-items: center;
    background: #fff;
    border-bottom: 1px solid #d5dce5;
    padding: 8px 20px;
  }
  .bar button {
    font-size: 15px;
    padding: 6px 16px;
    border-radius: 6px;
    border: 1px solid #1f5fae;
    background: #fff;
    color: #1f5fae;
    cursor: pointer;
  }
  .bar button.primary {
    background: #1f5fae;
    color: #fff;
  }
  .bar button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .dirty {
    color: #b26a00;
  }
  .notice {
    margin: 10px 20px 0;
    padding: 8px 14px;
    border-radius: 6px;
  }
  .notice.ok {
    background: #e8f5e9;
    color: #1b5e20;
  }
  .notice.bad {
    background: #fdecea;
    color: #b71c1c;
  }
  .notice ul {
    margin: 4px 0 0;
    padding-left: 20px;
  }
  main {
    padding: 12px 20px 24px;
  }
  .error {
    color: #c62828;
    margin-top: 10px;
  }
`;
