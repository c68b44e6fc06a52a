import type { DieResult, PoolGroupResult, RollResult, TermResult } from '@vtt/core';
import { css, html, nothing, type TemplateResult } from 'lit';

/** What a die did, in words, for its accessible label and its tooltip. */
export function dieStates(die: DieResult): string[] {
  const states: string[] = [];
  if (die.dropped) states.push('dropped');
  if (die.rerolled) states.push('rerolled');
  if (die.exploded) states.push('exploded');
  if (die.fromExplosion) states.push('from explosion');
  if (die.clamped) states.push('clamped');
  if (die.success) states.push('success');
  if (die.failure) states.push('failure');
  if (!die.dropped && !die.rerolled) states.unshift('kept');
  return states;
}

const sidesLabel = (die: DieResult): string => (die.sides === 'F' ? 'dF' : `d${die.sides}`);

const faceText = (die: DieResult): string =>
  die.sides === 'F' ? (die.value > 0 ? '+' : die.value < 0 ? '−' : '0') : String(die.value);

function renderDie(die: DieResult): TemplateResult {
  const states = dieStates(die);
  const label = `${sidesLabel(die)}: ${die.value}, ${states.join(', ')}`;
  return html`<li
    part="die"
    class="die"
    data-value=${die.value}
    data-sides=${String(die.sides)}
    data-state=${states.join(' ')}
    ?data-dropped=${die.dropped}
    ?data-rerolled=${die.rerolled}
    ?data-exploded=${die.exploded}
    ?data-success=${die.success}
    ?data-failure=${die.failure}
    aria-label=${label}
    title=${label}
  >
    ${faceText(die)}
  </li>`;
}

function renderGroup(group: PoolGroupResult): TemplateResult {
  return html`<li
    part="pool-group"
    class="pool-group"
    ?data-dropped=${group.dropped}
    aria-label=${`${group.notation} = ${group.value}${group.dropped ? ', dropped' : ''}`}
  >
    <span class="notation">${group.notation}</span>
    <ul class="terms">
      ${group.terms.map((term) => renderTerm(term))}
    </ul>
  </li>`;
}

function renderCounts(term: {
  successes?: number;
  failures?: number;
}): TemplateResult | typeof nothing {
  if (term.successes === undefined) return nothing;
  return html`<span part="term-successes" class="counts"
    >${term.successes}
    ${term.successes === 1 ? 'success' : 'successes'}${
      term.failures ? `, ${term.failures} ${term.failures === 1 ? 'failure' : 'failures'}` : ''
    }</span
  >`;
}

/**
 * One term (dice or pool) of a roll: its notation, label, dice and value.
 * A `solo` term (the whole roll) leaves out what the headline already says.
 */
function renderTerm(term: TermResult, solo = false): TemplateResult {
  return html`<li part="term" class="term" data-notation=${term.notation}>
    ${solo ? nothing : html`<span class="notation">${term.notation}</span>`}
    ${term.label === undefined ? nothing : html`<span class="term-label">[${term.label}]</span>`}
    ${
      term.type === 'dice'
        ? html`<ul class="dice" aria-label=${`${term.notation} dice`}>
            ${term.dice.map(renderDie)}
          </ul>`
        : html`<ul class="pool" aria-label=${`${term.notation} groups`}>
            ${term.groups.map(renderGroup)}
          </ul>`
    }
    ${
      solo
        ? nothing
        : html`<span class="term-value" aria-label=${`${term.notation} value`}
              >= ${term.value}</span
            >
            ${renderCounts(term)}`
    }
  </li>`;
}

/**
 * The breakdown of a roll, shared by `<vtt-dice-roller>` and the roll cards
 * of `<vtt-chat-log>`: the notation, total, successes, and each term with
 * every die and its state. Renders with text bindings only. Style it with
 * {@link diceBreakdownStyles}. `compact` shows the total small, for cards
 * whose outcome already shows it large.
 *
 * @example
 * html`<section>${renderDiceBreakdown(result)}</section>`
 */
export function renderDiceBreakdown(
  result: RollResult,
  options: { readonly compact?: boolean } = {},
): TemplateResult {
  const [first] = result.terms;
  const solo =
    result.terms.length === 1 &&
    first !== undefined &&
    first.notation === result.notation.replace(/\s+/g, '') &&
    first.label === undefined;
  return html`<div part="breakdown" class="breakdown" ?data-compact=${options.compact === true}>
    <div class="headline">
      <span part="notation" class="roll-notation">${result.notation}</span>
      <span part="total" class="total" aria-label=${`Total ${result.total}`}>${result.total}</span>
    </div>
    ${
      result.successes === undefined
        ? nothing
        : html`<div part="successes" class="successes" data-successes=${result.successes}>
            ${result.successes}
            ${result.successes === 1 ? 'success' : 'successes'}${
              result.failures
                ? html`,
                    <span class="failures"
                      >${result.failures} ${result.failures === 1 ? 'failure' : 'failures'}</span
                    >`
                : nothing
            }
          </div>`
    }
    <ul part="terms" class="terms">
      ${result.terms.map((term) => renderTerm(term, solo))}
    </ul>
  </div>`;
}

/** Styles of {@link renderDiceBreakdown}; they read the theme's custom properties. */
export const diceBreakdownStyles = css`
  .breakdown ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .headline {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 12px;
  }
  .roll-notation {
    font-family: var(--_mono);
    color: var(--_muted);
  }
  .total {
    font-size: 1.6em;
    font-weight: 700;
    color: var(--_accent);
  }
  .breakdown[data-compact] .headline {
    justify-content: flex-start;
    gap: 6px;
  }
  .breakdown[data-compact] .total {
    font-size: 1em;
    color: var(--_muted);
  }
  .breakdown[data-compact] .total::before {
    content: '= ';
  }
  .successes {
    font-weight: 600;
    color: var(--_success);
  }
  .failures {
    color: var(--_failure);
  }
  .term {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin-top: 4px;
  }
  .notation {
    font-family: var(--_mono);
    font-size: 0.9em;
    color: var(--_muted);
  }
  .term-label {
    font-style: italic;
    color: var(--_muted);
  }
  .term-value,
  .counts {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .dice,
  .pool {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .pool-group {
    display: flex;
    align-items: center;
    gap: 4px;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 2px 6px;
  }
  .pool-group[data-dropped] {
    opacity: 0.5;
  }
  .die {
    position: relative;
    min-width: 2em;
    height: 2em;
    padding: 0 4px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    background: var(--_die-bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .die[data-dropped],
  .die[data-rerolled] {
    opacity: 0.45;
    text-decoration: line-through;
    border-style: dashed;
  }
  .die[data-exploded] {
    border-color: var(--_accent);
  }
  .die[data-exploded]::after {
    content: '!';
    position: absolute;
    top: -7px;
    right: -5px;
    font-size: 0.75em;
    line-height: 1;
    padding: 1px 3px;
    border-radius: 6px;
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .die[data-rerolled]::after {
    content: '↻';
    position: absolute;
    top: -7px;
    right: -5px;
    font-size: 0.75em;
    text-decoration: none;
  }
  .die[data-success] {
    border-color: var(--_success);
    color: var(--_success);
  }
  .die[data-failure] {
    border-color: var(--_failure);
    color: var(--_failure);
  }
`;
