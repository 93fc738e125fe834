// The console's page layout: header, the ticket and buttons on the left, the queues and figures on the right.
import { css } from 'lit';

export const consoleStyles = css`
  :host {
    --console-primary: #1f5fa8;
    display: block;
    min-height: 100vh;
    font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif;
    color: #222;
  }
  header {
    background: var(--console-primary);
    color: #fff;
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 10px 20px;
    font-size: 18px;
  }
  header b {
    font-size: 22px;
    margin-right: 14px;
  }
  header button {
    font-family: inherit;
    font-size: 15px;
    margin-left: 12px;
  }
  .lang {
    color: #fff;
    margin-left: 12px;
    font-size: 15px;
  }
  .conn {
    padding: 2px 10px;
    border-radius: 12px;
    background: #2e7d32;
    font-size: 14px;
  }
  .conn.offline {
    background: #c62828;
  }
  main {
    display: grid;
    grid-template-columns: 1fr 380px;
    gap: 16px;
    padding: 16px 20px;
  }
  .left {
    display: grid;
    gap: 16px;
    align-content: start;
  }
  .right {
    display: grid;
    gap: 12px;
    align-content: start;
  }
  .message {
    padding: 10px 14px;
    border-radius: 8px;
    background: #e8f5e9;
    font-size: 17px;
  }
  .message.error {
    background: #ffebee;
    color: #b71c1c;
  }
  .hint {
    color: #777;
    font-size: 14px;
  }
`;
