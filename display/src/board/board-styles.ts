// The hall board's page: the big call, the recent calls, the windows and queues, the notice line.
import { css } from 'lit';

export const boardStyles = css`
  :host {
    --board-bg: #0b1f3a;
    --board-header-bg: #a3141b;
    --board-header-fg: #fff;
    --board-call-bg: #10294d;
    --board-call-fg: #fff;
    --board-card-bg: #14335e;
    --board-accent: #ffd23f;
    --board-notice-bg: #071529;
    --board-notice-fg: #ffe9a8;
    display: flex;
    flex-direction: column;
    height: 100vh;
    background: var(--board-bg);
    color: #fff;
    font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif;
  }
  main {
    flex: 1;
    display: grid;
    grid-template-columns: 62fr 38fr;
    gap: 2vh 1.5vw;
    padding: 2vh 2vw;
    min-height: 0;
  }
  .left {
    display: grid;
    grid-template-rows: 46vh 1fr;
    gap: 2vh;
    min-height: 0;
  }
  .right {
    display: grid;
    grid-template-rows: 58fr 42fr;
    gap: 2vh;
    min-height: 0;
  }
  board-queue-list {
    overflow: hidden;
    /* Eight services or more in two columns: every count stays on screen at 1366×768. */
    --queue-columns: var(--board-queue-columns, 1);
  }
  board-queue-list.many {
    --queue-columns: 2;
  }
  .banner {
    position: fixed;
    top: 10vh;
    left: 50%;
    transform: translateX(-50%);
    background: #c62828;
    color: #fff;
    padding: 1vh 2vw;
    border-radius: 1vh;
    font-size: 2.6vh;
    z-index: 2;
  }
  .setup {
    margin: auto;
    font-size: 3vh;
  }
`;
