import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { VttClient, type CampaignSummary, type VttUser } from '../client/vtt-client.js';
import { themeStyles, type VttTheme } from '../elements/theme.js';
import { appError, renderError, type AppErrorView } from './app-error.js';
import { postPublicJson } from './app-http.js';
import { parseRoute, routePath, type AppRoute } from './app-routes.js';
import { appStyles } from './app-styles.js';
import './app-manage.js';
import './app-table.js';

interface ModuleSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: 'system' | 'addon';
  readonly version: string;
  readonly description: string;
}

/**
 * The whole virtual tabletop as one element, the page the server serves at
 * `/`: first-run setup from the one-time link (`/setup#<token>`), login and
 * logout, the campaign list and creation with a game system, joining with an
 * invite link (`/join#<secret>`), a campaign's GM tools (`/c/<id>/manage`:
 * invites, add-on modules, scenes with a map upload and grid alignment) and
 * the live table (`/c/<id>`). It routes by `location.pathname` with the
 * History API; a secret in the `#` fragment is read once and removed from
 * the address bar.
 *
 * @fires vtt-navigate - `CustomEvent<{ path: string }>` after the app moves to another page; bubbles, composed.
 * @csspart header - The top bar (title, user, logout).
 * @csspart error - An error box with the server's message and code.
 * @cssprop --vtt-bg - Page background (and every `--vtt-*` property of the elements inside).
 * @example
 * <script type="module" src="/vtt-app.js"></script>
 * <vtt-app theme="dark"></vtt-app>
 */
export class VttApp extends LitElement {
  static override styles = [
    themeStyles,
    appStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        min-height: 100dvh;
      }
      .skip {
        position: absolute;
        left: 8px;
        top: -60px;
        z-index: 10;
      }
      .skip:focus {
        top: 8px;
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 6px 12px;
        border-bottom: 1px solid var(--_border);
        background: var(--_surface);
      }
      header .title {
        font-weight: 700;
        font-size: 16px;
        color: var(--_fg);
        text-decoration: none;
        margin-right: auto;
        min-height: 44px;
        display: inline-flex;
        align-items: center;
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      main > .page {
        width: 100%;
      }
      .campaigns {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      .campaigns li {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
      }
      .campaigns .name {
        font-weight: 600;
        margin-right: auto;
      }
      .system-list {
        display: grid;
        gap: 8px;
      }
      .system-list label {
        display: flex;
        align-items: flex-start;
        gap: 10px;
        font-weight: 400;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 10px;
        cursor: pointer;
      }
      .system-list input {
        flex: none;
        width: 22px;
        height: 22px;
        min-height: 22px;
        padding: 0;
        margin: 2px 0 0;
        accent-color: var(--_accent);
      }
      .system-list label:has(input:checked) {
        border-color: var(--_accent);
        box-shadow: 0 0 0 1px var(--_accent);
      }
      .system-list .description {
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      @media (max-width: 600px) {
        header .user {
          display: none;
        }
      }
    `,
  ];

  static override properties = {
    theme: { type: String, reflect: true },
    client: { attribute: false },
    route: { state: true },
    user: { state: true },
    checked: { state: true },
    busy: { state: true },
    error: { state: true },
    campaigns: { state: true },
    modules: { state: true },
  };

  /** `light`, `dark` or `auto` (the system's preference; the default). */
  declare theme: VttTheme;
  /** The client of the server (default: one for the page's origin). */
  declare client: VttClient;
  declare private route: AppRoute;
  declare private user: VttUser | null;
  /** Whether the session check (refresh cookie) has answered. */
  declare private checked: boolean;
  declare private busy: boolean;
  declare private error: AppErrorView | null;
  declare private campaigns: readonly CampaignSummary[] | null;
  declare private modules: readonly ModuleSummary[] | null;
  /** The one-time setup token or invite secret taken from the `#` fragment. */
  #secret: string | null = null;
  readonly #onPopState = () => this.#setRoute(parseRoute(location.pathname));

  constructor() {
    super();
    this.theme = 'auto';
    this.client = new VttClient();
    this.route = parseRoute(location.pathname);
    this.user = null;
    this.checked = false;
    this.busy = false;
    this.error = null;
    this.campaigns = null;
    this.modules = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const fragment = location.hash.slice(1);
    if (fragment !== '' && (this.route.page === 'setup' || this.route.page === 'join')) {
      this.#secret = decodeURIComponent(fragment);
      history.replaceState(history.state, '', location.pathname + location.search);
    }
    addEventListener('popstate', this.#onPopState);
    void this.#checkSession();
  }

  override disconnectedCallback(): void {
    removeEventListener('popstate', this.#onPopState);
    super.disconnectedCallback();
  }

  /** Moves to `path` (pushes a history entry) and renders its page. */
  navigate(path: string): void {
    if (path !== location.pathname) history.pushState(null, '', path);
    this.#setRoute(parseRoute(path));
    this.dispatchEvent(
      new CustomEvent('vtt-navigate', { detail: { path }, bubbles: true, composed: true }),
    );
  }

  async #checkSession(): Promise<void> {
    try {
      this.user = this.client.user ?? (await this.client.resume());
    } catch (error) {
      this.error = appError(error);
    }
    this.checked = true;
    this.#setRoute(this.route);
  }

  #setRoute(route: AppRoute): void {
    this.error = null;
    const needsLogin = route.page !== 'setup' && route.page !== 'join' && route.page !== 'login';
    if (this.checked && this.user === null && needsLogin) {
      if (location.pathname !== '/login') history.replaceState(null, '', '/login');
      route = { page: 'login' };
    }
    this.route = route;
    if (route.page === 'campaigns' && this.user !== null) void this.#loadCampaigns();
    if (route.page === 'new-campaign' && this.user !== null) void this.#loadModules();
  }

  async #run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = appError(error);
    } finally {
      this.busy = false;
    }
  }

  async #loadCampaigns(): Promise<void> {
    await this.#run(async () => {
      this.campaigns = await this.client.campaigns();
    });
  }

  async #loadModules(): Promise<void> {
    await this.#run(async () => {
      const answer = await this.client.request<{ modules: ModuleSummary[] }>('GET', '/api/modules');
      this.modules = answer.modules;
    });
  }

  #field(form: HTMLFormElement, name: string): string {
    const value = new FormData(form).get(name);
    return typeof value === 'string' ? value : '';
  }

  #link(path: string, label: string, primary = false): TemplateResult {
    return html`<a
      class="button ${primary ? 'primary' : ''}"
      href=${path}
      @click=${(event: MouseEvent) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        this.navigate(path);
      }}
      >${label}</a
    >`;
  }

  async #setup(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    await this.#run(async () => {
      const displayName = this.#field(form, 'displayName').trim();
      await postPublicJson(location.origin, '/api/setup', {
        token: this.#secret ?? '',
        name: this.#field(form, 'name').trim(),
        password: this.#field(form, 'password'),
        ...(displayName === '' ? {} : { displayName }),
      });
      this.#secret = null;
      this.user = await this.client.resume();
      this.navigate('/new');
    });
  }

  async #login(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    await this.#run(async () => {
      this.user = await this.client.login(
        this.#field(form, 'name').trim(),
        this.#field(form, 'password'),
      );
      if (this.route.page === 'join' && this.#secret !== null) await this.#accept();
      else this.navigate('/');
    });
  }

  async #accept(): Promise<void> {
    const answer = await this.client.request<{ campaign?: { id: string }; campaignId?: string }>(
      'POST',
      '/api/invites/accept',
      { secret: this.#secret ?? '' },
    );
    this.#secret = null;
    const id = answer.campaign?.id ?? answer.campaignId;
    this.navigate(id === undefined ? '/' : routePath({ page: 'table', campaignId: id }));
  }

  async #register(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    await this.#run(async () => {
      const displayName = this.#field(form, 'displayName').trim();
      const answer = await postPublicJson<{ campaign: { id: string } }>(
        location.origin,
        '/api/invites/register',
        {
          secret: this.#secret ?? '',
          name: this.#field(form, 'name').trim(),
          password: this.#field(form, 'password'),
          ...(displayName === '' ? {} : { displayName }),
        },
      );
      this.#secret = null;
      this.user = await this.client.resume();
      this.navigate(routePath({ page: 'table', campaignId: answer.campaign.id }));
    });
  }

  async #logout(): Promise<void> {
    await this.#run(async () => {
      await this.client.logout();
      this.user = null;
      this.campaigns = null;
      this.navigate('/login');
    });
  }

  async #createCampaign(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    await this.#run(async () => {
      const created = await this.client.request<CampaignSummary>('POST', '/api/campaigns', {
        name: this.#field(form, 'name').trim(),
        system: this.#field(form, 'system'),
      });
      this.navigate(routePath({ page: 'manage', campaignId: created.id }));
    });
  }

  override render(): TemplateResult {
    const inTable = this.route.page === 'table';
    // A button, not `href="#main"`: the fragment carries secrets on this app's pages.
    return html`<button
        class="skip"
        type="button"
        @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}
      >
        Skip to content
      </button>
      ${inTable ? nothing : this.#header()}
      <main id="main" tabindex="-1">${this.#page()}</main>`;
  }

  #header(): TemplateResult {
    return html`<header part="header">
      <a
        class="title"
        href="/"
        @click=${(e: MouseEvent) => {
          e.preventDefault();
          this.navigate('/');
        }}
        >⬡ Virtual Tabletop</a
      >
      ${
        this.user === null
          ? nothing
          : html`<span class="user muted">${this.user.name}</span>
              <button type="button" @click=${() => this.#logout()}>Log out</button>`
      }
    </header>`;
  }

  #page(): TemplateResult {
    if (!this.checked) return html`<div class="page"><p class="muted">Loading…</p></div>`;
    switch (this.route.page) {
      case 'setup':
        return this.#setupPage();
      case 'login':
        return this.#loginPage();
      case 'join':
        return this.#joinPage();
      case 'new-campaign':
        return this.#newCampaignPage();
      case 'table':
        return html`<vtt-app-table
          .client=${this.client}
          campaign-id=${this.route.campaignId}
          theme=${this.theme}
          @vtt-app-navigate=${(e: CustomEvent<{ path: string }>) => this.navigate(e.detail.path)}
        ></vtt-app-table>`;
      case 'manage':
        return html`<vtt-app-manage
          .client=${this.client}
          campaign-id=${this.route.campaignId}
          theme=${this.theme}
          @vtt-app-navigate=${(e: CustomEvent<{ path: string }>) => this.navigate(e.detail.path)}
        ></vtt-app-manage>`;
      default:
        return this.#campaignsPage();
    }
  }

  #setupPage(): TemplateResult {
    if (this.user !== null && this.#secret === null) {
      return html`<div class="page narrow">
        <p>Setup is done. ${this.#link('/', 'Go to your campaigns', true)}</p>
      </div>`;
    }
    return html`<div class="page narrow">
      <div class="card">
        <form @submit=${(e: SubmitEvent) => this.#setup(e)} aria-labelledby="setup-title">
          <h1 id="setup-title">Welcome! Set up your server</h1>
          <p class="muted">
            You are the first user: this account is the server's admin and the GM of the campaigns
            you create.
          </p>
          ${
            this.#secret === null
              ? html`<div class="error" role="alert">
                  <span
                    >This page needs the setup link the server printed when it started (it ends in
                    <code>/setup#…</code>). Open that link exactly as printed.</span
                  >
                </div>`
              : nothing
          }
          <label
            >User name <span class="hint">2–32 letters, digits, dots, dashes or underscores</span>
            <input name="name" required autocomplete="username" pattern="[A-Za-z0-9_.\\-]{2,32}"
          /></label>
          <label
            >Display name <span class="hint">What players see (optional)</span>
            <input name="displayName" autocomplete="nickname"
          /></label>
          <label
            >Password <input name="password" type="password" required autocomplete="new-password"
          /></label>
          ${renderError(this.error)}
          <button class="primary" type="submit" ?disabled=${this.busy || this.#secret === null}>
            Create the admin account
          </button>
        </form>
      </div>
    </div>`;
  }

  #loginForm(title: string): TemplateResult {
    return html`<form @submit=${(e: SubmitEvent) => this.#login(e)} aria-label=${title}>
      <h1>${title}</h1>
      <label>User name <input name="name" required autocomplete="username" /></label>
      <label
        >Password <input name="password" type="password" required autocomplete="current-password"
      /></label>
      ${renderError(this.error)}
      <button class="primary" type="submit" ?disabled=${this.busy}>Log in</button>
    </form>`;
  }

  #loginPage(): TemplateResult {
    return html`<div class="page narrow">
      <div class="card">${this.#loginForm('Log in')}</div>
    </div>`;
  }

  #joinPage(): TemplateResult {
    if (this.#secret === null) {
      return html`<div class="page narrow">
        <div class="error" role="alert">
          <span
            >This invite link is incomplete or was already used here. Ask your GM for a new
            link.</span
          >
        </div>
        ${this.#link('/', 'Go to your campaigns')}
      </div>`;
    }
    if (this.user !== null) {
      return html`<div class="page narrow">
        <div class="card">
          <h1>Join the campaign</h1>
          <p>You are logged in as ${this.user.name}.</p>
          ${renderError(this.error)}
          <div class="row">
            <button
              class="primary"
              type="button"
              ?disabled=${this.busy}
              @click=${() => this.#run(() => this.#accept())}
            >
              Join
            </button>
          </div>
        </div>
      </div>`;
    }
    return html`<div class="page narrow">
      <div class="card">
        <form @submit=${(e: SubmitEvent) => this.#register(e)} aria-labelledby="join-title">
          <h1 id="join-title">You're invited!</h1>
          <p class="muted">Make an account to join the campaign.</p>
          <label>User name <input name="name" required autocomplete="username" /></label>
          <label
            >Display name <span class="hint">What the others see (optional)</span>
            <input name="displayName" autocomplete="nickname"
          /></label>
          <label
            >Password <input name="password" type="password" required autocomplete="new-password"
          /></label>
          ${renderError(this.error)}
          <button class="primary" type="submit" ?disabled=${this.busy}>
            Create account and join
          </button>
        </form>
      </div>
      <div class="card">${this.#loginForm('Already have an account?')}</div>
    </div>`;
  }

  #campaignsPage(): TemplateResult {
    const list = this.campaigns ?? [];
    return html`<div class="page">
      <div class="row">
        <h1 style="margin-right:auto">Your campaigns</h1>
        ${this.#link('/new', 'New campaign', true)}
      </div>
      ${renderError(this.error)}
      ${
        this.campaigns === null
          ? html`<p class="muted">Loading…</p>`
          : list.length === 0
            ? html`<div class="card">
                <p>No campaigns yet. Create one, or open an invite link from your GM.</p>
              </div>`
            : html`<ul class="campaigns" aria-label="Campaigns">
                ${list.map(
                  (c) =>
                    html`<li class="card">
                      <span class="name">${c.name}</span>
                      <span class="muted">${c.system} · ${c.role === 'gm' ? 'GM' : c.role}</span>
                      ${
                        c.role === 'gm'
                          ? this.#link(routePath({ page: 'manage', campaignId: c.id }), 'Prepare')
                          : nothing
                      }
                      ${this.#link(routePath({ page: 'table', campaignId: c.id }), 'Play', true)}
                    </li>`,
                )}
              </ul>`
      }
    </div>`;
  }

  #newCampaignPage(): TemplateResult {
    const systems = (this.modules ?? []).filter((m) => m.kind === 'system');
    return html`<div class="page narrow">
      <div class="card">
        <form @submit=${(e: SubmitEvent) => this.#createCampaign(e)} aria-labelledby="new-title">
          <h1 id="new-title">New campaign</h1>
          <label>Name <input name="name" required maxlength="100" /></label>
          <fieldset class="system-list" style="border:0;padding:0;margin:0">
            <legend style="font-weight:600;margin-bottom:6px">Game system</legend>
            ${
              this.modules === null
                ? html`<p class="muted">Loading the installed systems…</p>`
                : systems.length === 0
                  ? html`<p class="muted">
                      No game system is installed. Start the server with its example systems, or
                      install one with <code>vtt install</code>.
                    </p>`
                  : systems.map(
                      (m, i) =>
                        html`<label
                          ><input type="radio" name="system" value=${m.id} ?checked=${i === 0} />
                          <span
                            ><strong>${m.name}</strong> <span class="muted">${m.version}</span
                            ><span class="muted description" title=${m.description}
                              >${m.description}</span
                            ></span
                          ></label
                        >`,
                    )
            }
          </fieldset>
          ${renderError(this.error)}
          <div class="row">
            <button class="primary" type="submit" ?disabled=${this.busy || systems.length === 0}>
              Create campaign
            </button>
            ${this.#link('/', 'Cancel')}
          </div>
        </form>
      </div>
    </div>`;
  }
}

if (!customElements.get('vtt-app')) customElements.define('vtt-app', VttApp);

declare global {
  interface HTMLElementTagNameMap {
    'vtt-app': VttApp;
  }
}
