// The staff login card (supervisor dashboard, administration): one look for every staff page's sign-in.
import { css } from 'lit';

export const loginFormStyles = css`
  form {
    max-width: 340px;
    margin: 12vh auto;
    background: #fff;
    padding: 28px;
    border-radius: 10px;
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.12);
  }
  form label {
    display: block;
    margin: 12px 0 4px;
  }
  form input {
    width: 100%;
    box-sizing: border-box;
    font-size: 18px;
    padding: 8px;
  }
  form button {
    margin-top: 18px;
    width: 100%;
    font-size: 18px;
    padding: 10px;
    background: var(--sv-primary, #1f5fae);
    color: #fff;
    border: 0;
    border-radius: 6px;
  }
`;
