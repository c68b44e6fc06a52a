import { css } from 'lit';

/**
 * The custom properties every `vtt-*` element reads, with light defaults and
 * a dark set for `theme="dark"` (or `theme="auto"` under a dark
 * `prefers-color-scheme`). A page overrides any of them (in either theme)
 * by setting the public `--vtt-*` property on the element or an ancestor.
 */
export const themeStyles = css`
  :host {
    --_bg: var(--vtt-bg, #fbfaf7);
    --_fg: var(--vtt-fg, #1f2328);
    --_muted: var(--vtt-muted, #5b616b);
    --_surface: var(--vtt-surface, #ffffff);
    --_border: var(--vtt-border, #d3d6db);
    --_accent: var(--vtt-accent, #6d28d9);
    --_accent-fg: var(--vtt-accent-fg, #ffffff);
    --_success: var(--vtt-success, #15803d);
    --_failure: var(--vtt-failure, #b91c1c);
    --_whisper: var(--vtt-whisper, #7c3aed);
    --_die-bg: var(--vtt-die-bg, #f1f2f4);
    --_radius: var(--vtt-radius, 6px);
    --_font: var(--vtt-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mono: var(--vtt-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    display: block;
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    font-family: var(--_font);
    font-size: 14px;
    line-height: 1.4;
    color-scheme: light;
  }
  :host([theme='dark']) {
    --_bg: var(--vtt-bg, #17181c);
    --_fg: var(--vtt-fg, #e6e7ea);
    --_muted: var(--vtt-muted, #9aa0aa);
    --_surface: var(--vtt-surface, #22242a);
    --_border: var(--vtt-border, #3a3d45);
    --_accent: var(--vtt-accent, #a78bfa);
    --_accent-fg: var(--vtt-accent-fg, #17181c);
    --_success: var(--vtt-success, #4ade80);
    --_failure: var(--vtt-failure, #f87171);
    --_whisper: var(--vtt-whisper, #c4b5fd);
    --_die-bg: var(--vtt-die-bg, #2c2f36);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_bg: var(--vtt-bg, #17181c);
      --_fg: var(--vtt-fg, #e6e7ea);
      --_muted: var(--vtt-muted, #9aa0aa);
      --_surface: var(--vtt-surface, #22242a);
      --_border: var(--vtt-border, #3a3d45);
      --_accent: var(--vtt-accent, #a78bfa);
      --_accent-fg: var(--vtt-accent-fg, #17181c);
      --_success: var(--vtt-success, #4ade80);
      --_failure: var(--vtt-failure, #f87171);
      --_whisper: var(--vtt-whisper, #c4b5fd);
      --_die-bg: var(--vtt-die-bg, #2c2f36);
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
  }
  input,
  select {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px 8px;
    min-width: 0;
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  button {
    background: var(--_accent);
    color: var(--_accent-fg);
    border: 0;
    border-radius: var(--_radius);
    padding: 6px 14px;
    font-weight: 600;
    cursor: pointer;
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

/** Theme names the `theme` attribute takes: `light` (default), `dark`, or `auto` (follows the OS). */
export type VttTheme = 'light' | 'dark' | 'auto';
