import { css } from 'lit';

/** Forms, buttons, cards and banners shared by the app's views. */
export const appStyles = css`
  :host {
    min-height: 100%;
  }
  a {
    color: var(--_accent);
  }
  button,
  .button {
    min-height: 44px;
    min-width: 44px;
    padding: 0 16px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_fg);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
  }
  button.primary,
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  input,
  select {
    min-height: 44px;
    padding: 0 10px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    width: 100%;
  }
  input[type='file'] {
    padding: 8px 10px;
  }
  label {
    display: grid;
    gap: 4px;
    font-weight: 600;
  }
  label input,
  label select {
    font-weight: 400;
  }
  label .hint {
    font-weight: 400;
    color: var(--_muted);
    font-size: 13px;
  }
  form {
    display: grid;
    gap: 14px;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    padding: 20px;
  }
  .page {
    max-width: 720px;
    margin: 0 auto;
    padding: 24px 16px 48px;
    display: grid;
    gap: 20px;
  }
  .narrow {
    max-width: 440px;
  }
  h1,
  h2,
  h3 {
    margin: 0;
    line-height: 1.2;
  }
  h1 {
    font-size: 24px;
  }
  h2 {
    font-size: 18px;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .row {
    display: flex;
    gap: 10px;
    align-items: center;
    flex-wrap: wrap;
  }
  .error {
    border: 1px solid var(--_failure);
    color: var(--_failure);
    background: color-mix(in srgb, var(--_failure) 8%, transparent);
    border-radius: var(--_radius);
    padding: 10px 12px;
    display: grid;
    gap: 4px;
  }
  .error code {
    font-family: var(--_mono);
    font-size: 12px;
    color: var(--_muted);
  }
  .ok {
    color: var(--_success);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
