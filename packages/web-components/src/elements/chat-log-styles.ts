import { css } from 'lit';

/** Styles of `<vtt-chat-log>` beyond the theme and the breakdown. */
export const chatLogStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 200px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .empty {
    padding: 12px;
    color: var(--_muted);
  }
  .log {
    flex: 1;
    overflow-y: auto;
    list-style: none;
    margin: 0;
    padding: 8px;
    display: grid;
    align-content: start;
    gap: 8px;
  }
  .message {
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .message[data-whisper],
  .message[data-blind] {
    border-left: 4px solid var(--_whisper);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 6px;
  }
  .speaker {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .author,
  .time {
    color: var(--_muted);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .author::before {
    content: '(';
  }
  .author::after {
    content: ')';
  }
  .time {
    margin-left: auto;
  }
  .whisper {
    font-size: 0.8em;
    font-style: italic;
    color: var(--_whisper);
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 6px;
  }
  .text {
    margin: 4px 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .roll {
    margin-top: 6px;
    padding: 6px 8px;
    border-radius: var(--_radius);
    background: var(--_bg);
    border: 1px solid var(--_border);
  }
  .outcome {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 8px;
  }
  .outcome:not(:last-child) {
    padding-bottom: 6px;
    margin-bottom: 6px;
    border-bottom: 1px solid var(--_border);
  }
  .outcome-label {
    font-weight: 700;
  }
  .outcome-total {
    font-size: 1.4em;
    font-weight: 700;
    color: var(--_accent);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .badge {
    font-size: 0.8em;
    font-weight: 600;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid var(--_border);
  }
  .badge.crit,
  .badge.pass {
    color: var(--_success);
    border-color: var(--_success);
  }
  .badge.fumble,
  .badge.fail {
    color: var(--_failure);
    border-color: var(--_failure);
  }
  .badge.hits {
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .form {
    display: flex;
    gap: 8px;
    padding: 8px;
    border-top: 1px solid var(--_border);
  }
  .form input {
    flex: 1;
  }
`;
