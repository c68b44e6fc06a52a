import { createRng, roll, type Rng, type RollResult } from '@vtt/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { diceBreakdownStyles, renderDiceBreakdown } from './dice-breakdown.js';
import { rollErrorView, type RollErrorView } from './roll-error.js';
import { themeStyles, type VttTheme } from './theme.js';
import { rollerStyles } from './dice-roller-styles.js';

/**
 * Rolls notation somewhere else, e.g. through `VttClient` on the table's
 * generator. Resolves to core's result; rejects with a `VttError` or a wire
 * error (`{ code, message, params }`), which the roller shows next to its input.
 */
export type DiceRollerFunction = (notation: string) => Promise<RollResult>;

/** Detail of the `vtt-roll` event. */
export interface VttRollEventDetail {
  readonly notation: string;
  readonly result: RollResult;
  /** `'local'` when the element's own seeded roller drew it, `'remote'` when `roller` did. */
  readonly source: 'local' | 'remote';
}

/** Detail of the `vtt-roll-error` event. */
export interface VttRollErrorEventDetail extends RollErrorView {
  readonly notation: string;
}

/** How many notations the input remembers for ArrowUp/ArrowDown. */
const HISTORY_SIZE = 50;

function randomSeed(): string {
  const words = new Uint32Array(4);
  globalThis.crypto.getRandomValues(words);
  return Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('');
}

/** The notation with the character the error points at marked, when it points at one. */
function renderWhere(notation: string, column: number | null) {
  if (column === null || column < 1 || column > notation.length + 1) return nothing;
  const at = column - 1;
  return html`<code part="error-where" class="error-where" aria-hidden="true"
    >${notation.slice(0, at)}<mark>${notation.slice(at, at + 1) || ' '}</mark>${notation.slice(
      at + 1,
    )}</code
  >`;
}

/**
 * `<vtt-dice-roller>`: a dice notation input with history and the full
 * breakdown of each roll (kept, dropped, exploded and rerolled dice,
 * successes and failures). Works alone with a local roller seeded by `seed`
 * (random when absent; the same seed gives the same rolls as core's
 * `roll(notation, { rng: createRng(seed) })` in Node); with `roller` set it
 * rolls through that instead, e.g. on the table. A bad notation shows core's
 * error code, message and fix next to the input; nothing is thrown.
 *
 * @example
 * <vtt-dice-roller seed="campaign-7" notation="4d6kh3"></vtt-dice-roller>
 * roller.roller = (notation) => client.roll(notation);
 *
 * @fires vtt-roll - `CustomEvent<VttRollEventDetail>` after each roll; bubbles, composed.
 * @fires vtt-roll-error - `CustomEvent<VttRollErrorEventDetail>` when a roll fails; bubbles, composed.
 * @slot label - Replaces the visible label of the input ("Roll").
 * @csspart form - The row of label, input and button.
 * @csspart input - The notation input.
 * @csspart button - The roll button.
 * @csspart error - The error box: code, message and fix.
 * @csspart error-code - The `VTT_ERR_DICE_*` code in the error box.
 * @csspart error-where - The notation with the character a syntax error points at marked.
 * @csspart results - The list of rolls, newest first.
 * @csspart result - One roll.
 * @csspart breakdown - A roll's breakdown; inside it `notation`, `total`, `successes`, `terms`, `term`, `die`, `pool-group`, `term-successes`.
 * @cssprop --vtt-bg - Background.
 * @cssprop --vtt-fg - Text colour.
 * @cssprop --vtt-muted - Secondary text.
 * @cssprop --vtt-surface - Input and card background.
 * @cssprop --vtt-border - Borders.
 * @cssprop --vtt-accent - Button, totals and exploded dice.
 * @cssprop --vtt-accent-fg - Text on the accent colour.
 * @cssprop --vtt-success - Successful dice and success counts.
 * @cssprop --vtt-failure - Failed dice and errors.
 * @cssprop --vtt-die-bg - Die face background.
 * @cssprop --vtt-radius - Corner radius.
 * @cssprop --vtt-font - Font family.
 * @cssprop --vtt-font-mono - Font of notations and codes.
 */
export class VttDiceRoller extends LitElement {
  static override styles = [themeStyles, diceBreakdownStyles, rollerStyles];

  static override properties = {
    seed: { type: String },
    notation: { type: String },
    theme: { type: String, reflect: true },
    max: { type: Number },
    roller: { attribute: false },
    results: { attribute: false },
    history: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  /** Seed of the local roller (`seed` attribute); changing it restarts the sequence. Random when unset. */
  declare seed: string | undefined;
  /** The notation in the input (`notation` attribute sets the initial value). */
  declare notation: string;
  /** `light` (default), `dark` or `auto`; reflected to the attribute the styles key on. */
  declare theme: VttTheme;
  /** How many rolls the list keeps (`max` attribute), newest first. */
  declare max: number;
  /** When set, rolls go through this function instead of the local seeded roller. */
  declare roller: DiceRollerFunction | null;
  /** The rolls shown, newest first. Settable, e.g. to restore a session. */
  declare results: readonly RollResult[];
  /** Notations rolled, oldest first, as ArrowUp/ArrowDown walk them. */
  declare history: readonly string[];
  declare private error: (RollErrorView & { notation: string }) | null;
  declare private busy: boolean;

  #rng: Rng | null = null;
  /** Where ArrowUp/ArrowDown are in `history`; `history.length` means the draft. */
  #historyIndex = 0;
  #draft = '';

  constructor() {
    super();
    this.seed = undefined;
    this.notation = '';
    this.theme = 'light';
    this.max = 20;
    this.roller = null;
    this.results = [];
    this.history = [];
    this.error = null;
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('seed')) this.#rng = null;
    if (changed.has('history')) this.#historyIndex = this.history.length;
  }

  /**
   * Rolls `notation` (default: the input's), shows the result and fires
   * `vtt-roll`. Resolves to the result, or `null` after showing the error.
   *
   * @example
   * const result = await element.roll('2d20kh1+5');
   */
  async roll(notation: string = this.notation): Promise<RollResult | null> {
    const text = notation.trim();
    this.#remember(text);
    const remote = this.roller;
    let result: RollResult;
    try {
      this.busy = true;
      result = remote === null ? this.#rollLocally(text) : await remote(text);
    } catch (error) {
      const view = rollErrorView(error);
      this.error = { ...view, notation: text };
      this.#fire<VttRollErrorEventDetail>('vtt-roll-error', { ...view, notation: text });
      return null;
    } finally {
      this.busy = false;
    }
    this.error = null;
    this.notation = '';
    this.#draft = '';
    this.results = [result, ...this.results].slice(0, Math.max(1, this.max));
    this.#fire<VttRollEventDetail>('vtt-roll', {
      notation: text,
      result,
      source: remote === null ? 'local' : 'remote',
    });
    return result;
  }

  #rollLocally(notation: string): RollResult {
    this.#rng ??= createRng(this.seed ?? randomSeed());
    return roll(notation, { rng: this.#rng });
  }

  #remember(notation: string): void {
    if (notation !== '' && this.history[this.history.length - 1] !== notation) {
      this.history = [...this.history, notation].slice(-HISTORY_SIZE);
    }
    this.#historyIndex = this.history.length;
  }

  #fire<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    void this.roll();
  }

  #onInput(event: Event): void {
    this.notation = (event.target as HTMLInputElement).value;
    this.#historyIndex = this.history.length;
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const length = this.history.length;
    if (length === 0) return;
    event.preventDefault();
    if (this.#historyIndex === length) this.#draft = this.notation;
    const step = event.key === 'ArrowUp' ? -1 : 1;
    this.#historyIndex = Math.min(length, Math.max(0, this.#historyIndex + step));
    this.notation =
      this.#historyIndex === length ? this.#draft : (this.history[this.#historyIndex] ?? '');
  }

  protected override render() {
    const error = this.error;
    return html`
      <form part="form" class="form" @submit=${this.#onSubmit}>
        <label for="notation"><slot name="label">Roll</slot></label>
        <input
          id="notation"
          part="input"
          type="text"
          autocomplete="off"
          spellcheck="false"
          placeholder="4d6kh3, 1d20+5, 10d6>=5"
          aria-invalid=${error === null ? 'false' : 'true'}
          aria-describedby=${error === null ? nothing : 'error'}
          .value=${this.notation}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
        />
        <button part="button" type="submit" ?disabled=${this.busy}>Roll</button>
      </form>
      ${
        error === null
          ? nothing
          : html`<div
              id="error"
              part="error"
              class="error"
              role="alert"
              data-code=${error.code ?? ''}
            >
              ${
                error.code === null
                  ? nothing
                  : html`<code part="error-code" class="error-code">${error.code}</code>`
              }
              <span class="error-message">${error.message}</span>
              ${renderWhere(error.notation, error.column)}
              ${error.fix === '' ? nothing : html`<span class="error-fix">${error.fix}</span>`}
            </div>`
      }
      <ol part="results" class="results" aria-label="Rolls" aria-live="polite">
        ${this.results.map(
          (result, index) =>
            html`<li part="result" class="result" ?data-latest=${index === 0}>
              ${renderDiceBreakdown(result)}
            </li>`,
        )}
      </ol>
    `;
  }
}

if (!customElements.get('vtt-dice-roller')) customElements.define('vtt-dice-roller', VttDiceRoller);

declare global {
  interface HTMLElementTagNameMap {
    'vtt-dice-roller': VttDiceRoller;
  }
}
