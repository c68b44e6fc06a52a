import type { RollResult, Scene } from '@vtt/core';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { provideTable } from '../client/table-context.js';
import type { TableConnection } from '../client/table-connection.js';
import type { VttClient } from '../client/vtt-client.js';
import type { VttChatEventDetail } from '../elements/chat-log.js';
import type { DiceRollerFunction } from '../elements/dice-roller.js';
import '../elements/index.js';
import { themeStyles, type VttTheme } from '../elements/theme.js';
import { appError, renderError, type AppErrorView } from './app-error.js';
import { appStyles } from './app-styles.js';
import { SceneImages } from './scene-image.js';

/** The side panels of the table, in tab order: id, label, the element's tag. */
export const TABLE_PANELS = [
  { id: 'chat', label: 'Chat', tag: 'vtt-chat-log' },
  { id: 'dice', label: 'Dice', tag: 'vtt-dice-roller' },
  { id: 'sheet', label: 'Sheet', tag: 'vtt-character-sheet' },
  { id: 'combat', label: 'Combat', tag: 'vtt-combat-tracker' },
  { id: 'journal', label: 'Journal', tag: 'vtt-journal' },
  { id: 'timeline', label: 'Timeline', tag: 'vtt-timeline' },
  { id: 'activity', label: 'Activity', tag: 'vtt-activity-log' },
  { id: 'music', label: 'Music', tag: 'vtt-playlist' },
] as const;

/** One of {@link TABLE_PANELS}' ids. */
export type TablePanel = (typeof TABLE_PANELS)[number]['id'];

const ROLL_COMMAND = /^\/(?:roll|r)\s+(.+)$/i;

/**
 * The live table of one campaign inside `<vtt-app>`: joins it
 * (`client.join(campaignId)`), provides the connection to every element
 * inside (`provideTable`), and lays out `<vtt-map>` with side panels (chat,
 * dice, sheet, combat, journal, timeline, activity, music): a sidebar on a
 * desktop, a bottom tab bar over a full-screen map on a phone. Shows a
 * banner while the connection is not live.
 *
 * @fires vtt-app-navigate - `CustomEvent<{ path: string }>` when the user leaves for another page; bubbles, composed.
 * @csspart banner - The connection banner ("Reconnecting…").
 * @csspart tabs - The panel tab bar.
 * @cssprop --vtt-surface - Sidebar and tab bar background.
 * @example
 * <vtt-app-table campaign-id="…" .client=${client}></vtt-app-table>
 */
export class VttAppTable extends LitElement {
  static override styles = [
    themeStyles,
    appStyles,
    css`
      :host {
        flex: 1;
        display: grid;
        grid-template-columns: minmax(0, 1fr) 380px;
        grid-template-rows: auto auto minmax(0, 1fr);
        grid-template-areas: 'bar bar' 'banner banner' 'map side';
        height: 100vh;
        height: 100dvh;
        min-height: 0;
      }
      .bar {
        grid-area: bar;
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 4px 8px;
        border-bottom: 1px solid var(--_border);
        background: var(--_surface);
        min-width: 0;
      }
      .bar h1 {
        font-size: 16px;
        margin-right: auto;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .bar select {
        width: auto;
        max-width: 40vw;
      }
      .banner {
        grid-area: banner;
        padding: 8px 12px;
        background: color-mix(in srgb, var(--_failure) 14%, var(--_surface));
        border-bottom: 1px solid var(--_failure);
        font-weight: 600;
      }
      .map {
        grid-area: map;
        position: relative;
        min-height: 0;
        min-width: 0;
        display: flex;
      }
      .map vtt-map {
        flex: 1;
        min-height: 0;
        height: 100%;
      }
      .scene-title {
        position: absolute;
        bottom: 8px;
        left: 8px;
        margin: 0;
        padding: 2px 10px;
        border-radius: var(--_radius);
        background: color-mix(in srgb, var(--_surface) 85%, transparent);
        border: 1px solid var(--_border);
        font-weight: 600;
        pointer-events: none;
      }
      .scene-image {
        margin: 0;
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 8px;
        padding: 12px;
        min-height: 0;
      }
      .scene-image img {
        max-width: 100%;
        max-height: calc(100% - 32px);
        object-fit: contain;
        border-radius: var(--_radius);
      }
      .scene-image figcaption {
        color: var(--_muted);
      }
      .empty-map {
        margin: auto;
        padding: 24px;
        text-align: center;
        display: grid;
        gap: 12px;
        justify-items: center;
      }
      aside {
        grid-area: side;
        display: flex;
        flex-direction: column;
        border-left: 1px solid var(--_border);
        background: var(--_surface);
        min-height: 0;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 2px;
        padding: 4px;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        padding: 0 10px;
        border-color: transparent;
        background: transparent;
        font-size: 13px;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_accent);
        color: var(--_accent-fg);
      }
      .panel {
        flex: 1;
        min-height: 0;
        overflow: auto;
        padding: 8px;
        display: flex;
        flex-direction: column;
      }
      .panel > * {
        flex: 1;
        min-height: 0;
      }
      .panel .missing {
        flex: 0;
      }
      .close {
        display: none;
      }
      @media (max-width: 900px) {
        :host {
          grid-template-columns: minmax(0, 1fr) 320px;
        }
      }
      @media (max-width: 700px) {
        :host {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto auto minmax(0, 1fr) auto;
          grid-template-areas: 'bar' 'banner' 'map' 'tabs';
        }
        aside {
          display: contents;
        }
        [role='tablist'] {
          grid-area: tabs;
          flex-wrap: nowrap;
          overflow-x: auto;
          border-top: 1px solid var(--_border);
          border-bottom: 0;
          background: var(--_surface);
          padding-bottom: max(4px, env(safe-area-inset-bottom));
        }
        [role='tab'] {
          flex: 0 0 auto;
        }
        .panel {
          position: fixed;
          left: 0;
          right: 0;
          bottom: calc(56px + env(safe-area-inset-bottom));
          height: 60%;
          background: var(--_surface);
          border-top: 1px solid var(--_border);
          border-radius: 12px 12px 0 0;
          box-shadow: 0 -6px 24px rgb(0 0 0 / 25%);
          z-index: 5;
        }
        .panel:not([data-open]) {
          display: none;
        }
        .panel > .close {
          display: inline-flex;
          align-self: flex-end;
          flex: 0 0 auto;
          min-height: 44px;
        }
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    campaignId: { type: String, attribute: 'campaign-id' },
    theme: { type: String, reflect: true },
    panel: { type: String },
    sceneId: { state: true },
    error: { state: true },
    open: { state: true },
  };

  /** The app's client. */
  declare client: VttClient | null;
  /** The campaign whose table this is (`campaign-id`). */
  declare campaignId: string;
  /** `light`, `dark` or `auto`, passed to every element inside. */
  declare theme: VttTheme;
  /** The side panel shown. */
  declare panel: TablePanel;
  declare private sceneId: string | null;
  declare private error: AppErrorView | null;
  /** On a phone: whether the panel sheet is open over the map. */
  declare private open: boolean;
  #table: TableConnection | null = null;
  readonly #panels = new Map<string, HTMLElement & { table?: TableConnection | null }>();
  #images: SceneImages | null = null;
  readonly #provider = provideTable(this, null);
  readonly #onChange = () => this.requestUpdate();
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.open) {
      this.open = false;
      this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus();
    }
  };

  constructor() {
    super();
    this.client = null;
    this.campaignId = '';
    this.theme = 'auto';
    this.panel = 'chat';
    this.sceneId = null;
    this.error = null;
    this.open = false;
  }

  /** The live table, once joined. */
  get table(): TableConnection | null {
    return this.#table;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.#onKey);
    this.#leave();
    super.disconnectedCallback();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('campaignId') || changed.has('client')) && this.client !== null) {
      this.#leave();
      if (this.campaignId !== '') {
        const table = this.client.join(this.campaignId);
        table.addEventListener('change', this.#onChange);
        table.addEventListener('status', this.#onChange);
        this.#table = table;
        this.#images = new SceneImages(this.client, this.campaignId, this.#onChange);
        this.#provider.setValue(table);
      }
    }
  }

  #leave(): void {
    if (this.#table !== null) {
      this.#table.removeEventListener('change', this.#onChange);
      this.#table.removeEventListener('status', this.#onChange);
      this.#table.close();
      this.#table = null;
      this.#provider.setValue(null);
    }
    this.#images?.clear();
    this.#images = null;
  }

  readonly #roller: DiceRollerFunction = async (notation: string): Promise<RollResult> => {
    const table = this.#table;
    if (table === null) throw new Error('Not connected to the table yet.');
    const ack = await table.action('core:send-message', { text: notation, roll: notation });
    const message = table.view?.chat.find((m) => m.seq === ack.seq && m.roll !== null);
    if (message?.roll == null) throw new Error('The roll did not come back; try again.');
    return message.roll;
  };

  async #chat(event: CustomEvent<VttChatEventDetail>): Promise<void> {
    const table = this.#table;
    if (table === null) return;
    this.error = null;
    const { text, speaker } = event.detail;
    const roll = ROLL_COMMAND.exec(text.trim());
    try {
      if (roll !== null) {
        const notation = roll[1]!.trim();
        await table.action('core:send-message', {
          text: notation,
          roll: notation,
          ...(speaker === null ? {} : { speaker }),
        });
      } else {
        await table.chat(text, speaker);
      }
    } catch (error) {
      this.error = appError(error);
    }
  }

  #navigate(path: string): void {
    this.dispatchEvent(
      new CustomEvent('vtt-app-navigate', { detail: { path }, bubbles: true, composed: true }),
    );
  }

  #selectTab(id: TablePanel): void {
    if (this.panel === id) this.open = !this.open;
    else this.open = true;
    this.panel = id;
  }

  #tabKey(event: KeyboardEvent): void {
    const ids = TABLE_PANELS.map((p) => p.id);
    const at = ids.indexOf(this.panel);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? ids[(at + 1) % ids.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? ids[(at - 1 + ids.length) % ids.length]
          : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.panel = next;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus(),
    );
  }

  override render(): TemplateResult {
    const table = this.#table;
    const view = table?.view ?? null;
    const status = table?.status ?? 'connecting';
    const scenes: Scene[] = view === null ? [] : [...view.scenes.values()];
    const scene = scenes.find((s) => s.id === this.sceneId) ?? scenes[0];
    const isGm = view !== null && view.members.get(view.viewerId)?.role === 'gm';
    const mapUrl = this.#images?.url(scene) ?? null;
    return html`<div class="bar">
        <a
          class="button"
          href="/"
          aria-label="Back to your campaigns"
          @click=${(e: MouseEvent) => {
            e.preventDefault();
            this.#navigate('/');
          }}
          >←</a
        >
        <h1>${view?.campaign.name ?? 'Joining the table…'}</h1>
        ${
          scenes.length > 1
            ? html`<label class="visually-hidden" for="scene">Scene</label
                ><select
                  id="scene"
                  @change=${(e: Event) => (this.sceneId = (e.target as HTMLSelectElement).value)}
                >
                  ${scenes.map(
                    (s) =>
                      html`<option value=${s.id} ?selected=${s.id === scene?.id}>
                        ${s.name}
                      </option>`,
                  )}
                </select>`
            : nothing
        }
        ${
          isGm
            ? html`<a
                class="button"
                href="/c/${this.campaignId}/manage"
                @click=${(e: MouseEvent) => {
                  e.preventDefault();
                  this.#navigate(`/c/${encodeURIComponent(this.campaignId)}/manage`);
                }}
                >Prepare</a
              >`
            : nothing
        }
      </div>
      ${
        status === 'live'
          ? nothing
          : html`<div class="banner" part="banner" role="status" aria-live="polite">
              ${
                status === 'connecting'
                  ? 'Connecting to the table…'
                  : status === 'reconnecting'
                    ? 'Reconnecting…'
                    : `Disconnected: ${table?.closeInfo?.reason ?? 'the table closed'}. Reload to try again.`
              }
            </div>`
      }
      <section class="map" aria-label="Map">
        ${
          scene === undefined
            ? html`<div class="empty-map">
                <p class="muted">${view === null ? 'Loading the table…' : 'No scene yet.'}</p>
                ${
                  isGm
                    ? html`<a
                        class="button primary"
                        href="/c/${this.campaignId}/manage"
                        @click=${(e: MouseEvent) => {
                          e.preventDefault();
                          this.#navigate(`/c/${encodeURIComponent(this.campaignId)}/manage`);
                        }}
                        >Create a scene</a
                      >`
                    : nothing
                }
              </div>`
            : customElements.get('vtt-map') !== undefined
              ? html`<vtt-map
                    .table=${table}
                    scene-id=${scene.id}
                    .mapUrl=${mapUrl}
                    theme=${this.theme}
                  ></vtt-map>
                  <p class="scene-title" part="scene-title">${scene.name}</p>`
              : html`<figure class="scene-image" data-scene=${scene.id}>
                  ${
                    mapUrl === null
                      ? html`<p class="muted">Loading the map…</p>`
                      : html`<img src=${mapUrl} alt="Map of ${scene.name}" />`
                  }
                  <figcaption>${scene.name}</figcaption>
                </figure>`
        }
      </section>
      <aside aria-label="Panels">
        <div role="tablist" part="tabs" aria-label="Panels" @keydown=${this.#tabKey}>
          ${TABLE_PANELS.map(
            (p) =>
              html`<button
                type="button"
                role="tab"
                id="tab-${p.id}"
                aria-controls="panel"
                aria-selected=${this.panel === p.id ? 'true' : 'false'}
                tabindex=${this.panel === p.id ? 0 : -1}
                @click=${() => this.#selectTab(p.id)}
              >
                ${p.label}
              </button>`,
          )}
        </div>
        <div
          class="panel"
          id="panel"
          role="tabpanel"
          aria-labelledby="tab-${this.panel}"
          ?data-open=${this.open}
        >
          <button
            type="button"
            class="close"
            aria-label="Close the panel"
            @click=${() => (this.open = false)}
          >
            ✕
          </button>
          ${renderError(this.error)} ${this.#panel(table)}
        </div>
      </aside>`;
  }

  #panel(table: TableConnection | null): TemplateResult {
    const view = table?.view ?? null;
    const tag = TABLE_PANELS.find((p) => p.id === this.panel)!.tag;
    if (tag === 'vtt-chat-log') {
      const names: Record<string, string> = {};
      for (const member of view?.members.values() ?? []) names[member.id] = member.name;
      return html`<vtt-chat-log
        .messages=${view?.chat ?? []}
        .names=${names}
        theme=${this.theme}
        @vtt-chat=${(e: CustomEvent<VttChatEventDetail>) => this.#chat(e)}
      ></vtt-chat-log>`;
    }
    if (tag === 'vtt-dice-roller') {
      return html`<vtt-dice-roller .roller=${this.#roller} theme=${this.theme}></vtt-dice-roller>`;
    }
    if (customElements.get(tag) === undefined) {
      return html`<p class="muted missing">This panel is not part of this build yet.</p>`;
    }
    // Registered elements of the package, made once each; each reads the provided table.
    let element = this.#panels.get(tag);
    if (element === undefined) {
      element = document.createElement(tag);
      this.#panels.set(tag, element);
    }
    element.setAttribute('theme', this.theme);
    element.table = table;
    return html`${element}`;
  }
}

if (!customElements.get('vtt-app-table')) customElements.define('vtt-app-table', VttAppTable);

declare global {
  interface HTMLElementTagNameMap {
    'vtt-app-table': VttAppTable;
  }
}
