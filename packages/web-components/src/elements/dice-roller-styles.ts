import { css } from 'lit';

/** Styles of `<vtt-dice-roller>` beyond the theme and the breakdown. */
export const rollerStyles = css`
  :host {
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .form {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .form input {
    flex: 1;
    font-family: var(--_mono);
  }
  label {
    font-weight: 600;
  }
  .error {
    margin-top: 8px;
    padding: 8px 10px;
    border-left: 4px solid var(--_failure);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: grid;
    gap: 2px;
  }
  .error-code {
    font-family: var(--_mono);
    font-size: 0.85em;
    color: var(--_failure);
  }
  .error-where {
    font-family: var(--_mono);
    white-space: pre;
  }
  .error-where mark {
    background: var(--_failure);
    color: var(--_accent-fg);
    border-radius: 2px;
    padding: 0 1px;
  }
  .error-fix {
    color: var(--_muted);
  }
  .results {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .result {
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .result:not([data-latest]) {
    opacity: 0.8;
  }
`;
