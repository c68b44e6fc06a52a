import type { ChatMessage } from '@vtt/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { chatOutcome, type ChatOutcome } from './chat-outcome.js';
import { chatLogStyles } from './chat-log-styles.js';
import { diceBreakdownStyles, renderDiceBreakdown } from './dice-breakdown.js';
import { themeStyles, type VttTheme } from './theme.js';

/** Detail of the `vtt-chat` event: what to send as a `chat` request. */
export interface VttChatEventDetail {
  /** The line as typed: text to post, or `/roll 1d20`, `/sr 8 3`, ... for the server's commands. */
  readonly text: string;
  /** The name chosen in the "speak as" box, `null` to speak as yourself. */
  readonly speaker: string | null;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function renderOutcome(outcome: ChatOutcome): TemplateResult {
  const glitch = outcome.glitch === 'glitch' || outcome.glitch === 'critical';
  return html`<div
    part="outcome"
    class="outcome"
    data-critical=${outcome.critical ?? 'none'}
    data-glitch=${outcome.glitch ?? 'none'}
    data-module=${outcome.moduleId}
  >
    <span part="outcome-label" class="outcome-label">${outcome.label}</span>
    <span part="outcome-total" class="outcome-total" aria-label=${`Total ${outcome.total}`}
      >${outcome.total}</span
    >
    <span class="badges">
      ${
        outcome.critical === 'success'
          ? html`<span part="badge" class="badge crit">Critical success</span>`
          : outcome.critical === 'failure'
            ? html`<span part="badge" class="badge fumble">Critical failure</span>`
            : nothing
      }
      ${
        outcome.successes === undefined
          ? nothing
          : html`<span part="badge" class="badge hits"
              >${outcome.successes} ${outcome.successes === 1 ? 'hit' : 'hits'}</span
            >`
      }
      ${
        glitch
          ? html`<span part="badge" class="badge fumble"
              >${outcome.glitch === 'critical' ? 'Critical glitch' : 'Glitch'}</span
            >`
          : nothing
      }
      ${
        outcome.margin === undefined
          ? nothing
          : html`<span
              part="badge"
              class=${`badge ${outcome.margin >= 0 ? 'pass' : 'fail'}`}
              data-margin=${outcome.margin}
              >${outcome.target === undefined ? '' : `vs ${outcome.target}, `}margin
              ${signed(outcome.margin)}</span
            >`
      }
      ${
        outcome.effect === undefined
          ? nothing
          : html`<span part="badge" class="badge">Effect ${signed(outcome.effect)}</span>`
      }
    </span>
  </div>`;
}

/**
 * `<vtt-chat-log>`: a table's chat as the viewer sees it (core's
 * `ChatMessage`s from the table view): each message with its speaker (the
 * character's name, else the author's), whispers marked with their
 * recipients, blind rolls marked, roll cards with the dice breakdown and a
 * named roll's typed outcome (label, total, critical, margin, hits, glitch;
 * only when the host verified it as the module's). Every user and module
 * string is rendered as text: no HTML from a message runs, and Markdown is
 * shown as typed. The input fires `vtt-chat`; the app sends it (the server
 * runs `/roll` and module commands).
 *
 * @example
 * <vtt-chat-log></vtt-chat-log>
 * log.messages = view.chat;
 * log.names = { u1: 'Alice (GM)' };
 * log.addEventListener('vtt-chat', (e) => client.chat(e.detail.text, e.detail.speaker));
 *
 * @fires vtt-chat - `CustomEvent<VttChatEventDetail>` when the user sends a line; bubbles, composed.
 * @slot empty - Shown instead of the list while there are no messages.
 * @csspart log - The scrolling list of messages.
 * @csspart message - One message; `data-whisper`, `data-blind`, `data-roll` mark its kind.
 * @csspart speaker - Who speaks (character or author).
 * @csspart author - The author, when a character speaks for them.
 * @csspart time - The time the message was posted.
 * @csspart whisper - The whisper marker with its recipients.
 * @csspart text - The message text.
 * @csspart roll - A roll card; inside it the breakdown parts of `<vtt-dice-roller>`.
 * @csspart outcome - A named roll's outcome; inside it `outcome-label`, `outcome-total`, `badge`.
 * @csspart form - The input row: speaker select, input, send button.
 * @csspart speaker-select - The "speak as" select (only when `speakers` is not empty).
 * @csspart input - The chat input.
 * @csspart button - The send button.
 * @cssprop --vtt-whisper - Whisper marker and border.
 * @cssprop --vtt-bg - and the other theme properties of `<vtt-dice-roller>`.
 */
export class VttChatLog extends LitElement {
  static override styles = [themeStyles, diceBreakdownStyles, chatLogStyles];

  static override properties = {
    messages: { attribute: false },
    names: { attribute: false },
    speakers: { attribute: false },
    speaker: { type: String },
    theme: { type: String, reflect: true },
    placeholder: { type: String },
    draft: { state: true },
  };

  /** Messages in the order posted (the view's `chat`). */
  declare messages: readonly ChatMessage[];
  /** Display names of users by id, for authors and whisper recipients; ids show otherwise. */
  declare names: Readonly<Record<string, string>>;
  /** Names the user may speak as (their characters); a select appears when not empty. */
  declare speakers: readonly string[];
  /** The chosen name to speak as (`speaker` attribute), `null` for yourself. */
  declare speaker: string | null;
  /** `light` (default), `dark` or `auto`. */
  declare theme: VttTheme;
  /** Placeholder of the input (`placeholder` attribute). */
  declare placeholder: string;
  declare private draft: string;

  constructor() {
    super();
    this.messages = [];
    this.names = {};
    this.speakers = [];
    this.speaker = null;
    this.theme = 'light';
    this.placeholder = 'Message, or /roll 1d20+5';
    this.draft = '';
  }

  /**
   * Sends `text` as the user would: fires `vtt-chat` with the chosen speaker
   * unless the text is blank, and clears the input. Returns whether it fired.
   */
  send(text: string = this.draft): boolean {
    const line = text.trim();
    if (line === '') return false;
    this.dispatchEvent(
      new CustomEvent<VttChatEventDetail>('vtt-chat', {
        detail: { text: line, speaker: this.speaker },
        bubbles: true,
        composed: true,
      }),
    );
    this.draft = '';
    return true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('messages')) return;
    const log = this.renderRoot.querySelector<HTMLElement>('.log');
    if (log !== null) log.scrollTop = log.scrollHeight;
  }

  #name(userId: string): string {
    return this.names[userId] ?? userId;
  }

  #renderMessage(message: ChatMessage): TemplateResult {
    const whisper = message.whisper.length > 0;
    const outcome = chatOutcome(message);
    const speaker = message.speaker ?? this.#name(message.author);
    const time = new Date(message.time);
    return html`<li
      part="message"
      class="message"
      data-id=${message.id}
      ?data-whisper=${whisper}
      ?data-blind=${message.blind}
      ?data-roll=${message.roll !== null || outcome !== null}
    >
      <header class="meta">
        <span part="speaker" class="speaker">${speaker}</span>
        ${
          message.speaker === null
            ? nothing
            : html`<span part="author" class="author">${this.#name(message.author)}</span>`
        }
        ${
          whisper
            ? html`<span
                part="whisper"
                class="whisper"
                aria-label=${`Whisper to ${message.whisper.map((id) => this.#name(id)).join(', ')}`}
                >whisper to ${message.whisper.map((id) => this.#name(id)).join(', ')}</span
              >`
            : nothing
        }
        ${message.blind ? html`<span part="whisper" class="whisper">blind roll</span>` : nothing}
        <time part="time" class="time" datetime=${time.toISOString()}
          >${time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time
        >
      </header>
      ${message.text === '' ? nothing : html`<p part="text" class="text">${message.text}</p>`}
      ${
        outcome === null && message.roll === null
          ? nothing
          : html`<section part="roll" class="roll" aria-label="Roll">
              ${outcome === null ? nothing : renderOutcome(outcome)}
              ${
                message.roll === null
                  ? nothing
                  : renderDiceBreakdown(message.roll, { compact: outcome !== null })
              }
            </section>`
      }
    </li>`;
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    this.send();
  }

  #onSpeaker(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.speaker = value === '' ? null : value;
  }

  protected override render() {
    return html`
      ${
        this.messages.length === 0
          ? html`<div class="empty"><slot name="empty">No messages yet.</slot></div>`
          : nothing
      }
      <ol part="log" class="log" aria-label="Chat" aria-live="polite">
        ${this.messages.map((message) => this.#renderMessage(message))}
      </ol>
      <form part="form" class="form" @submit=${this.#onSubmit}>
        ${
          this.speakers.length === 0
            ? nothing
            : html`<select
                part="speaker-select"
                aria-label="Speak as"
                .value=${this.speaker ?? ''}
                @change=${this.#onSpeaker}
              >
                <option value="" ?selected=${this.speaker === null}>Yourself</option>
                ${this.speakers.map(
                  (name) =>
                    html`<option .value=${name} ?selected=${this.speaker === name}>
                      ${name}
                    </option>`,
                )}
              </select>`
        }
        <input
          part="input"
          type="text"
          aria-label="Chat message"
          autocomplete="off"
          placeholder=${this.placeholder}
          .value=${this.draft}
          @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
        />
        <button part="button" type="submit">Send</button>
      </form>
    `;
  }
}

if (!customElements.get('vtt-chat-log')) customElements.define('vtt-chat-log', VttChatLog);

declare global {
  interface HTMLElementTagNameMap {
    'vtt-chat-log': VttChatLog;
  }
}
