// The pad's page: the clerk card when idle, the five faces and the reasons when asked, the thanks after.
import { css } from 'lit';

export const padStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    box-sizing: border-box;
    padding: 24px 32px;
    font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif;
    background: #f4f7fb;
    color: #14213d;
  }
  .window {
    font-size: 24px;
    color: #4a5b70;
    display: flex;
    justify-content: space-between;
  }
  .center {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 14px;
    text-align: center;
  }
  .photo {
    width: 180px;
    height: 180px;
    border-radius: 50%;
    object-fit: cover;
    background: #0b5cad;
    color: #fff;
    display: grid;
    place-items: center;
    font-size: 80px;
  }
  /* Before rating: whom the visitor rates, with the photo the window screen shows. */
  .rated {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .photo.small {
    width: 56px;
    height: 56px;
  }
  .name {
    font-size: 48px;
    font-weight: 700;
  }
  .id {
    font-size: 26px;
    color: #4a5b70;
  }
  .number {
    font-size: 96px;
    font-weight: 800;
    color: #0b5cad;
  }
  h2 {
    font-size: 36px;
    margin: 0 0 12px;
  }
  .levels {
    display: grid;
    grid-template-columns: repeat(5, 1fr);
    gap: 14px;
    width: 100%;
  }
  .levels button {
    font: inherit;
    font-size: 26px;
    padding: 22px 6px;
    border-radius: 18px;
    border: 3px solid transparent;
    background: #fff;
    box-shadow: 0 2px 8px #0b1f3a22;
    cursor: pointer;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
  }
  .levels button[aria-pressed='true'] {
    border-color: #0b5cad;
  }
  .levels button.neg {
    color: #8c1d18;
  }
  .reasons {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    justify-content: center;
  }
  .reasons button {
    font: inherit;
    font-size: 24px;
    padding: 12px 22px;
    border-radius: 30px;
    border: 2px solid #b9c4d2;
    background: #fff;
    cursor: pointer;
  }
  .reasons button[aria-pressed='true'] {
    background: #8c1d18;
    color: #fff;
    border-color: transparent;
  }
  textarea {
    width: min(720px, 100%);
    font: inherit;
    font-size: 22px;
    border-radius: 12px;
    border: 2px solid #b9c4d2;
    padding: 10px;
  }
  .actions {
    display: flex;
    gap: 16px;
  }
  .actions button {
    font: inherit;
    font-size: 28px;
    padding: 14px 40px;
    border-radius: 14px;
    border: 0;
    cursor: pointer;
  }
  .submit {
    background: #0b5cad;
    color: #fff;
  }
  .submit[disabled] {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .error {
    color: #8c1d18;
    font-size: 24px;
    font-weight: 600;
  }
  .banner {
    background: #fdecea;
    color: #8c1d18;
    padding: 8px 12px;
    border-radius: 8px;
    font-size: 20px;
  }
  .left {
    font-size: 20px;
    color: #4a5b70;
  }
`;
