import { html, nothing, type TemplateResult } from 'lit';
import { VttRequestError } from '../client/request-error.js';

/** What the app shows for a failed request: the server's message (which says what to do) and its code. */
export interface AppErrorView {
  readonly message: string;
  readonly code: string | null;
}

/** Turns anything thrown into what {@link renderError} shows. */
export function appError(error: unknown): AppErrorView {
  if (error instanceof VttRequestError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message, code: null };
  return { message: String(error), code: null };
}

/** The error box (role `alert`), or nothing. */
export function renderError(error: AppErrorView | null): TemplateResult | typeof nothing {
  if (error === null) return nothing;
  return html`<div class="error" role="alert" part="error">
    <span>${error.message}</span>${error.code === null ? nothing : html`<code>${error.code}</code>`}
  </div>`;
}
