import { defaultGrid, type Grid, type Scene } from '@vtt/core';
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { provideTable } from '../client/table-context.js';
import type { TableConnection } from '../client/table-connection.js';
import type { VttClient } from '../client/vtt-client.js';
import { themeStyles, type VttTheme } from '../elements/theme.js';
import { appError, renderError, type AppErrorView } from './app-error.js';
import { appStyles } from './app-styles.js';
import { SceneImages } from './scene-image.js';

interface InviteAnswer {
  readonly url: string;
  readonly role: string;
  readonly expiresAt: number;
}
interface UploadAnswer {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}
interface ModuleRow {
  readonly id: string;
  readonly name: string;
  readonly kind: 'system' | 'addon';
}

type Section = 'invite' | 'scenes' | 'actors' | 'addons';

/** How long an invite link from this page lasts, and how many friends may use it. */
const INVITE_SECONDS = 7 * 24 * 3600;
const INVITE_USES = 10;

/**
 * A campaign's preparation page for its GM inside `<vtt-app>`: invite
 * links, scenes (upload a map image to the campaign's assets, create the
 * scene, align its grid with a live preview over the map, `core:update-scene`),
 * actors (list and create) and add-on modules (`PUT /api/campaigns/{id}/modules`).
 * Joins the campaign's table for its actions and provides it inside.
 *
 * @fires vtt-app-navigate - `CustomEvent<{ path: string }>` when the GM goes to the table; bubbles, composed.
 * @csspart invite-url - The read-only field with the invite link.
 * @csspart grid-preview - The map with the grid drawn over it.
 * @cssprop --vtt-accent - Grid lines of the preview and primary buttons.
 * @example
 * <vtt-app-manage campaign-id="…" .client=${client}></vtt-app-manage>
 */
export class VttAppManage extends LitElement {
  static override styles = [
    themeStyles,
    appStyles,
    css`
      .preview {
        position: relative;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
        background: var(--_die-bg);
      }
      .preview svg {
        display: block;
        width: 100%;
        height: auto;
      }
      .preview .lines {
        stroke: var(--_accent);
        stroke-width: 2;
        vector-effect: non-scaling-stroke;
        fill: none;
      }
      .grid-fields {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 10px;
      }
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      ul.plain li {
        display: flex;
        gap: 8px;
        align-items: center;
        flex-wrap: wrap;
      }
      ul.plain li > span:first-child {
        margin-right: auto;
      }
      .addons label {
        display: flex;
        align-items: center;
        gap: 8px;
        font-weight: 400;
      }
      .addons input {
        width: 22px;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    campaignId: { type: String, attribute: 'campaign-id' },
    theme: { type: String, reflect: true },
    error: { state: true },
    busy: { state: true },
    invite: { state: true },
    copied: { state: true },
    editSceneId: { state: true },
    grid: { state: true },
    saved: { state: true },
    addons: { state: true },
    enabled: { state: true },
  };

  /** The app's client. */
  declare client: VttClient | null;
  /** The campaign prepared (`campaign-id`). */
  declare campaignId: string;
  /** `light`, `dark` or `auto`. */
  declare theme: VttTheme;
  declare private error: (AppErrorView & { readonly where: Section }) | null;
  declare private busy: boolean;
  declare private invite: InviteAnswer | null;
  declare private copied: boolean;
  declare private editSceneId: string | null;
  /** The grid being aligned (unsaved) for {@link editSceneId}. */
  declare private grid: Grid | null;
  declare private saved: boolean;
  declare private addons: readonly ModuleRow[];
  declare private enabled: readonly string[];
  #table: TableConnection | null = null;
  #images: SceneImages | null = null;
  readonly #provider = provideTable(this, null);
  readonly #onChange = () => this.requestUpdate();

  constructor() {
    super();
    this.client = null;
    this.campaignId = '';
    this.theme = 'auto';
    this.error = null;
    this.busy = false;
    this.invite = null;
    this.copied = false;
    this.editSceneId = null;
    this.grid = null;
    this.saved = false;
    this.addons = [];
    this.enabled = [];
  }

  /** The live table, once joined. */
  get table(): TableConnection | null {
    return this.#table;
  }

  override disconnectedCallback(): void {
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
        void this.#loadModules();
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

  get #base(): string {
    return `/api/campaigns/${encodeURIComponent(this.campaignId)}`;
  }

  /** Runs `work`; a failure shows in the section `where` (next to what the GM did). */
  async #run(where: Section, work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = { ...appError(error), where };
    } finally {
      this.busy = false;
    }
  }

  async #loadModules(): Promise<void> {
    const client = this.client;
    if (client === null) return;
    await this.#run('addons', async () => {
      const [installed, campaign] = await Promise.all([
        client.request<{ modules: ModuleRow[] }>('GET', '/api/modules'),
        client.request<{ addons: { id: string }[] }>('GET', `${this.#base}/modules`),
      ]);
      this.addons = installed.modules.filter((m) => m.kind === 'addon');
      this.enabled = campaign.addons.map((a) => a.id);
    });
  }

  async #createInvite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const role = new FormData(event.currentTarget as HTMLFormElement).get('role');
    await this.#run('invite', async () => {
      this.copied = false;
      this.invite = await this.client!.request<InviteAnswer>('POST', `${this.#base}/invites`, {
        role: role === 'observer' ? 'observer' : 'player',
        expiresInSeconds: INVITE_SECONDS,
        maxUses: INVITE_USES,
      });
    });
  }

  async #copyInvite(): Promise<void> {
    if (this.invite === null) return;
    try {
      await navigator.clipboard.writeText(this.invite.url);
      this.copied = true;
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('[part=invite-url]')?.select();
    }
  }

  async #createScene(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get('map');
    const name = String(data.get('name') ?? '').trim() || 'New scene';
    await this.#run('scenes', async () => {
      const table = this.#table;
      if (table === null) throw new Error('Not connected to the table yet.');
      let fields: { background?: { asset: string }; width?: number; height?: number } = {};
      if (file instanceof File && file.size > 0) {
        const upload = new FormData();
        upload.append('visibility', 'public');
        upload.append('name', name);
        upload.append('file', file);
        const asset = await this.client!.upload<UploadAnswer>(`${this.#base}/assets`, upload);
        fields = { background: { asset: asset.id }, width: asset.width, height: asset.height };
      }
      const before = new Set(table.view?.scenes.keys() ?? []);
      await table.action('core:create-scene', { name, grid: defaultGrid(), ...fields });
      const created = [...(table.view?.scenes.values() ?? [])].find((s) => !before.has(s.id));
      form.reset();
      if (created !== undefined) this.#editScene(created);
    });
  }

  #editScene(scene: Scene): void {
    this.editSceneId = scene.id;
    this.grid = scene.grid;
    this.saved = false;
  }

  #gridField(key: 'size' | 'offsetX' | 'offsetY', event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (this.grid === null || !Number.isFinite(value)) return;
    if (key === 'size' && value <= 0) return;
    this.grid = { ...this.grid, [key]: value };
    this.saved = false;
  }

  async #saveGrid(): Promise<void> {
    const sceneId = this.editSceneId;
    const grid = this.grid;
    if (sceneId === null || grid === null) return;
    await this.#run('scenes', async () => {
      await this.#table!.action('core:update-scene', { sceneId, patch: { grid } });
      this.saved = true;
    });
  }

  async #createActor(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    await this.#run('actors', async () => {
      await this.#table!.action('core:create-actor', {
        name: String(data.get('name') ?? '').trim(),
        type: String(data.get('type') ?? 'character').trim() || 'character',
      });
      form.reset();
    });
  }

  async #importEntry(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    await this.#run('actors', async () => {
      const table = this.#table!;
      const module = String(data.get('module') ?? '').trim() || table.view?.campaign.system;
      if (module === undefined || module === null)
        throw new Error('Give the module to import from.');
      await table.action('core:import-compendium', {
        module,
        pack: String(data.get('pack') ?? '').trim(),
        entry: String(data.get('entry') ?? '').trim(),
      });
      form.reset();
    });
  }

  async #setAddon(id: string, on: boolean): Promise<void> {
    const next = on ? [...this.enabled, id] : this.enabled.filter((a) => a !== id);
    await this.#run('addons', async () => {
      await this.client!.request('PUT', `${this.#base}/modules`, { addons: next });
      this.enabled = next;
    });
  }

  #toTable(e: MouseEvent): void {
    e.preventDefault();
    this.dispatchEvent(
      new CustomEvent('vtt-app-navigate', {
        detail: { path: `/c/${encodeURIComponent(this.campaignId)}` },
        bubbles: true,
        composed: true,
      }),
    );
  }

  #error(where: Section): TemplateResult | typeof nothing {
    return this.error?.where === where ? renderError(this.error) : nothing;
  }

  override render(): TemplateResult {
    const view = this.#table?.view ?? null;
    const scenes = view === null ? [] : [...view.scenes.values()];
    const actors = view === null ? [] : [...view.actors.values()];
    const editing = scenes.find((s) => s.id === this.editSceneId);
    return html`<div class="page">
      <div class="row">
        <h1 style="margin-right:auto">${view?.campaign.name ?? 'Campaign'}: prepare</h1>
        <a class="button primary" href="/c/${this.campaignId}" @click=${this.#toTable}
          >Go to the table</a
        >
      </div>
      <section class="card" aria-labelledby="invite-title">
        <form @submit=${(e: SubmitEvent) => this.#createInvite(e)}>
          <h2 id="invite-title">Invite your friends</h2>
          <p class="muted">
            A link lasts 7 days and lets up to ${INVITE_USES} people join. Send it privately: anyone
            with it can join.
          </p>
          <div class="row">
            <label style="flex:1"
              >Joins as
              <select name="role">
                <option value="player">Player</option>
                <option value="observer">Observer (watches only)</option>
              </select></label
            >
            <button class="primary" type="submit" ?disabled=${this.busy} style="align-self:end">
              Create invite link
            </button>
          </div>
          ${this.#error('invite')}
          ${
            this.invite === null
              ? nothing
              : html`<label
                    >Invite link
                    <input
                      part="invite-url"
                      readonly
                      .value=${this.invite.url}
                      @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
                  /></label>
                  <div class="row">
                    <button type="button" @click=${() => this.#copyInvite()}>Copy link</button>
                    ${this.copied ? html`<span class="ok" role="status">Copied</span>` : nothing}
                  </div>`
          }
        </form>
      </section>
      <section class="card" aria-labelledby="scene-title">
        <form @submit=${(e: SubmitEvent) => this.#createScene(e)}>
          <h2 id="scene-title">Scenes</h2>
          ${
            scenes.length === 0
              ? html`<p class="muted">No scene yet: upload a map to make the first one.</p>`
              : html`<ul class="plain" aria-label="Scenes">
                  ${scenes.map(
                    (s) =>
                      html`<li>
                        <span>${s.name} <span class="muted">${s.width}×${s.height}</span></span>
                        <button type="button" @click=${() => this.#editScene(s)}>Align grid</button>
                      </li>`,
                  )}
                </ul>`
          }
          <label>Scene name <input name="name" required maxlength="100" /></label>
          <label
            >Map image <span class="hint">PNG, JPEG, WebP or GIF</span>
            <input name="map" type="file" accept="image/png,image/jpeg,image/webp,image/gif"
          /></label>
          ${this.#error('scenes')}
          <div class="row">
            <button class="primary" type="submit" ?disabled=${this.busy || view === null}>
              Upload and create scene
            </button>
          </div>
        </form>
        ${editing === undefined || this.grid === null ? nothing : this.#gridEditor(editing)}
      </section>
      <section class="card" aria-labelledby="actors-title">
        <form @submit=${(e: SubmitEvent) => this.#createActor(e)}>
          <h2 id="actors-title">Characters and creatures</h2>
          ${
            actors.length === 0
              ? html`<p class="muted">None yet.</p>`
              : html`<ul class="plain" aria-label="Actors">
                  ${actors.map(
                    (a) =>
                      html`<li><span>${a.name}</span><span class="muted">${a.type}</span></li>`,
                  )}
                </ul>`
          }
          <div class="row">
            <label style="flex:2">Name <input name="name" required maxlength="100" /></label>
            <label style="flex:1">Type <input name="type" value="character" /></label>
          </div>
          ${this.#error('actors')}
          <button type="submit" ?disabled=${this.busy || view === null}>Create</button>
        </form>
        <form
          @submit=${(e: SubmitEvent) => this.#importEntry(e)}
          aria-labelledby="import-title"
          style="margin-top:16px"
        >
          <h3 id="import-title">Import from a compendium</h3>
          <p class="muted">
            The server does not list compendium entries yet: give the pack and entry ids from the
            system's documentation (D&amp;D 5e: pack <code>srd-monsters</code>, entry
            <code>goblin</code>).
          </p>
          <div class="row">
            <label style="flex:1"
              >Module <input name="module" placeholder=${view?.campaign.system ?? ''}
            /></label>
            <label style="flex:1">Pack <input name="pack" required /></label>
            <label style="flex:1">Entry <input name="entry" required /></label>
          </div>
          <button type="submit" ?disabled=${this.busy || view === null}>Import</button>
        </form>
      </section>
      <section class="card addons" aria-labelledby="addons-title">
        <h2 id="addons-title">Add-on modules</h2>
        ${this.#error('addons')}
        ${
          this.addons.length === 0
            ? html`<p class="muted">No add-on is installed on this server.</p>`
            : this.addons.map(
                (m) =>
                  html`<label
                    ><input
                      type="checkbox"
                      .checked=${this.enabled.includes(m.id)}
                      ?disabled=${this.busy}
                      @change=${(e: Event) =>
                        this.#setAddon(m.id, (e.target as HTMLInputElement).checked)}
                    />${m.name}</label
                  >`,
              )
        }
      </section>
    </div>`;
  }

  #gridEditor(scene: Scene): TemplateResult {
    const grid = this.grid!;
    const url = this.#images?.url(scene) ?? null;
    const w = scene.width;
    const h = scene.height;
    const lines: TemplateResult[] = [];
    if (grid.type !== 'gridless' && grid.size > 0 && w / grid.size < 400 && h / grid.size < 400) {
      const startX = grid.offsetX - Math.ceil(grid.offsetX / grid.size) * grid.size;
      const startY = grid.offsetY - Math.ceil(grid.offsetY / grid.size) * grid.size;
      for (let x = startX; x <= w; x += grid.size)
        lines.push(svg`<line x1=${x} y1="0" x2=${x} y2=${h}></line>`);
      for (let y = startY; y <= h; y += grid.size)
        lines.push(svg`<line x1="0" y1=${y} x2=${w} y2=${y}></line>`);
    }
    const field = (key: 'size' | 'offsetX' | 'offsetY', label: string) =>
      html`<label
        >${label}
        <input
          type="number"
          name=${key}
          step="1"
          min=${key === 'size' ? 4 : -10000}
          .value=${String(grid[key])}
          @input=${(e: Event) => this.#gridField(key, e)}
      /></label>`;
    return html`<div style="display:grid;gap:12px;margin-top:16px">
      <h3>Align the grid of ${scene.name}</h3>
      <p class="muted">
        Change the cell size until the lines match the squares drawn on the map, then shift them
        with the offsets.
      </p>
      <div class="grid-fields">
        ${field('size', 'Cell size (px)')} ${field('offsetX', 'Offset X')}
        ${field('offsetY', 'Offset Y')}
      </div>
      <div class="preview" part="grid-preview">
        <svg viewBox="0 0 ${w} ${h}" role="img" aria-label="The map with the grid">
          ${url === null ? nothing : svg`<image href=${url} width=${w} height=${h}></image>`}
          <g class="lines">${lines}</g>
        </svg>
      </div>
      <div class="row">
        <button
          class="primary"
          type="button"
          ?disabled=${this.busy}
          @click=${() => this.#saveGrid()}
        >
          Save grid
        </button>
        ${this.saved ? html`<span class="ok" role="status">Grid saved</span>` : nothing}
      </div>
    </div>`;
  }
}

if (!customElements.get('vtt-app-manage')) customElements.define('vtt-app-manage', VttAppManage);

declare global {
  interface HTMLElementTagNameMap {
    'vtt-app-manage': VttAppManage;
  }
}
