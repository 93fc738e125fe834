// The kiosk's page: the service tiles, the take-a-number dialog, the issued and unprinted screens, at portrait and landscape sizes.
import { css } from 'lit';

export const kioskStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    box-sizing: border-box;
    font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
    background: var(--kiosk-bg, #f1f4f8);
    color: var(--kiosk-text, #14213d);
    --kiosk-accent: #0b5cad;
  }
  header {
    display: flex;
    align-items: center;
    gap: 20px;
    padding: 16px 28px;
    background: #0b1f3a;
    color: #fff;
  }
  header h1 {
    font-size: 34px;
    margin: 0;
    flex: 1;
  }
  header a,
  header button {
    color: #fff;
    font: inherit;
    font-size: 22px;
    background: #ffffff22;
    border: 0;
    border-radius: 12px;
    padding: 10px 18px;
    text-decoration: none;
    cursor: pointer;
  }
  header .checkin {
    background: #ffb300;
    color: #14213d;
    font-weight: 700;
    font-size: 26px;
  }
  .banner {
    padding: 12px 28px;
    font-size: 24px;
    font-weight: 600;
  }
  .banner.warn {
    background: #fff3cd;
    color: #6b4e00;
  }
  .banner.bad {
    background: #fdecea;
    color: #8c1d18;
  }
  main {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    padding: 18px 28px 28px;
  }
  .pick {
    font-size: 30px;
    margin: 4px 0 4px;
  }
  .modal {
    position: fixed;
    inset: 0;
    background: #0008;
    display: grid;
    place-items: center;
  }
  .modal div {
    background: #fff;
    border-radius: 20px;
    padding: 32px;
    max-width: 720px;
    font-size: 32px;
    text-align: center;
  }
  .modal button,
  .go,
  .back {
    font: inherit;
    font-size: 30px;
    margin-top: 20px;
    padding: 14px 40px;
    border: 0;
    border-radius: 14px;
    cursor: pointer;
  }
  .modal button,
  .go {
    background: var(--kiosk-accent);
    color: #fff;
  }
  .go[disabled] {
    background: #c3ccd8;
    color: #5d6b7c;
    cursor: not-allowed;
  }
  .back {
    background: #e4e8ee;
    margin-right: 12px;
  }
  .checkin-form {
    max-width: 900px;
  }
  .checkin-form h2 {
    font-size: 40px;
    color: var(--kiosk-accent);
    margin: 8px 0 18px;
  }
  /* A tall portrait kiosk: the appointment keypad uses the screen's height, with keys for a finger. */
  @media (orientation: portrait) and (min-height: 1400px) {
    .checkin-form {
      max-width: none;
      flex: 1;
      display: flex;
      flex-direction: column;
      justify-content: center;
      --kiosk-key-height: 110px;
      --kiosk-key-font: 40px;
      --kiosk-key-gap: 14px;
      --kiosk-entry-font: 48px;
      --kiosk-label-font: 32px;
    }
    .checkin-form h2 {
      font-size: 56px;
    }
    .checkin-actions {
      display: flex;
      gap: 16px;
      margin-top: 40px;
    }
    .checkin-form .back,
    .checkin-form .go {
      font-size: 44px;
      padding: 30px 56px;
      margin: 0;
    }
    .checkin-form .go {
      flex: 1;
    }
  }
`;
