import {
  cellAt,
  ownsToken,
  tokensInTemplate,
  type Cell,
  type DiagonalRule,
  type JsonValue,
  type Member,
  type Point,
  type Scene,
  type ServerEphemeralMessage,
  type TableView,
  type Token,
} from '@vtt/core';
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { consumeTable } from '../../client/table-context.js';
import { TableController } from '../../client/table-controller.js';
import type { TableConnection } from '../../client/table-connection.js';
import { themeStyles, type VttTheme } from '../theme.js';
import type { VttMapEventMap } from './map-events.js';
import {
  cellsPath,
  fogPath,
  gridPath,
  safeImageUrl,
  snapTokenPosition,
  stepTokenPosition,
} from './map-geometry.js';
import { renderDrawing, renderNote, renderTemplate, renderToken } from './map-layers.js';
import { drawRuler } from './map-ruler.js';
import { mapStyles } from './map-styles.js';
import { renderToolbar } from './map-toolbar.js';
import {
  clampTransform,
  fitTransform,
  transformAttribute,
  zoomAround,
  type MapBounds,
  type MapTransform,
} from './map-viewport.js';

/** What a pointer on the map does: `select` (drag tokens, pan), paint fog (`reveal`, `hide`), place a `template`. */
export type MapTool = 'select' | 'reveal' | 'hide' | 'template';

/** Resolves a token's image to a URL (e.g. a blob URL of the asset route), or null for a disc. */
export type TokenImageResolver = (token: Token) => string | null;

/** How long a press must last to ping, in ms. */
const LONG_PRESS_MS = 600;
/** How far a press may wander (CSS px) and still count as a click or long-press. */
const SLOP = 6;
/** How long a ping ring shows, in ms. */
const PING_MS = 2000;
const LAYER_ORDER = { background: 0, tokens: 1, overlay: 2 } as const;

type Gesture =
  | {
      kind: 'drag';
      pointerId: number;
      token: Token;
      grab: Point;
      start: Point;
      last: Point;
      moved: boolean;
      sx: number;
      sy: number;
    }
  | {
      kind: 'pan';
      pointerId: number;
      sx: number;
      sy: number;
      from: MapTransform;
      moved: boolean;
      timer: ReturnType<typeof setTimeout> | null;
    }
  | { kind: 'pinch'; distance: number; from: MapTransform; mid: Point }
  | { kind: 'paint'; pointerId: number; cells: Map<string, Cell> };

interface Ping {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly from: string;
}

/**
 * `<vtt-map>`: a scene's map with its grid (square, hex pointy or flat, or
 * none), tokens (image or initial, name, bars, status icons, elevation),
 * notes, measured templates, drawings and fog of war; tokens the viewer
 * owns (core's `ownsToken`) drag and snap to the grid with a ruler in the
 * scene's units; pan and zoom by mouse, wheel, keyboard and pinch; pings.
 *
 * Connected (a `table` property or a `provideTable` ancestor) it reads
 * `table.view` and sends core's actions itself (`moveToken`,
 * `core:paint-fog`, `core:configure-fog`, `core:update-token`,
 * `core:create-template`, pointer ephemerals). Standalone (a `view`
 * property) it renders that view and fires the `vtt-*` events below
 * instead. It renders only what the view holds: a player's view never has
 * hidden tokens, nor what the server keeps under fog.
 *
 * @example
 * <vtt-map theme="dark" style="height: 80vh"></vtt-map>
 * map.table = client.join(campaignId);            // connected
 * map.view = view; map.sceneId = 'crypt';          // standalone
 * map.addEventListener('vtt-token-move', (e) => save(e.detail));
 *
 * @fires vtt-token-move - `CustomEvent<VttTokenMoveEventDetail>` standalone, a token dropped or stepped; bubbles, composed.
 * @fires vtt-token-update - `CustomEvent<VttTokenUpdateEventDetail>` standalone, a GM hid or revealed a token.
 * @fires vtt-fog-paint - `CustomEvent<VttFogPaintEventDetail>` standalone, a GM painted fog.
 * @fires vtt-fog-configure - `CustomEvent<VttFogConfigureEventDetail>` standalone, a GM switched fog.
 * @fires vtt-template-create - `CustomEvent<VttTemplateCreateEventDetail>` standalone, a template placed.
 * @fires vtt-ping - `CustomEvent<VttPingEventDetail>` on every ping shown (own and others').
 * @fires vtt-token-select - `CustomEvent<VttTokenSelectEventDetail>` when the selection changes.
 * @slot toolbar-end - Extra controls after the toolbar's buttons.
 * @csspart viewport - The focusable map area.
 * @csspart svg - The SVG of the scene.
 * @csspart toolbar - The tool buttons.
 * @csspart token - Each token's group.
 * @csspart note - Each note pin.
 * @csspart template - Each measured template's area.
 * @csspart drawing - Each drawing.
 * @csspart ruler - The movement ruler shown while dragging.
 * @csspart fog - The fog of war.
 * @cssprop --vtt-map-bg - The scene's colour under a missing background image.
 * @cssprop --vtt-map-grid - Grid line colour.
 * @cssprop --vtt-map-fog - Fog colour (opaque for players, half transparent for GMs).
 * @cssprop --vtt-accent - Selection, ruler, pings and active tools.
 * @cssprop --vtt-surface - Toolbar buttons and badges.
 * @cssprop --vtt-fg - Text on badges and the ruler.
 * @cssprop --vtt-border - Borders.
 * @cssprop --vtt-radius - Corner radius.
 */
export class VttMap extends LitElement {
  static override styles = [themeStyles, mapStyles];

  static override properties = {
    view: { attribute: false },
    table: { attribute: false },
    sceneId: { type: String, attribute: 'scene-id' },
    mapUrl: { type: String, attribute: 'map-url' },
    diagonals: { type: String },
    tool: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    tokenImage: { attribute: false },
    selectedTokenId: { attribute: false },
    pings: { state: true },
    notice: { state: true },
  };

  /** The view shown when no table is connected (core's `TableView`). */
  declare view: TableView | null;
  /** The live table; when set (or provided by an ancestor) the map reads its view and sends actions. */
  declare table: TableConnection | null;
  /** The scene shown (`scene-id`); default: the first scene of the view. */
  declare sceneId: string | null;
  /** Background image URL (`map-url`; http, https or relative only), drawn over the scene's size. */
  declare mapUrl: string | null;
  /** The system's diagonal rule for square grids; `5-5-5` by default. */
  declare diagonals: DiagonalRule;
  /** The active tool; fog tools are for GMs only. */
  declare tool: MapTool;
  /** `light` (default), `dark` or `auto`. */
  declare theme: VttTheme;
  /** Turns a token into an image URL; null (the default) draws a coloured disc with the initial. */
  declare tokenImage: TokenImageResolver | null;
  /** The selected token's id, or null. */
  declare selectedTokenId: string | null;
  declare private pings: readonly Ping[];
  declare private notice: string;

  readonly #own = new TableController(this);
  readonly #context = consumeTable(this);
  #transform: MapTransform = { x: 0, y: 0, scale: 1 };
  #fittedScene: string | null = null;
  #size = { width: 0, height: 0 };
  #gesture: Gesture | null = null;
  readonly #pointers = new Map<number, Point>();
  #pingCounter = 0;
  #listening: TableConnection | null = null;
  #resize: ResizeObserver | null = null;
  #cache = { gridKey: '', grid: '', fogKey: null as unknown, fogGridKey: '', fog: '' };
  #templateCache: { view: TableView | null; hit: ReadonlySet<string> } = {
    view: null,
    hit: new Set(),
  };
  readonly #onEphemeral = (event: Event): void => {
    const message = (event as CustomEvent<ServerEphemeralMessage>).detail;
    const scene = this.scene;
    if (message.kind !== 'pointer' || scene === null || message.sceneId !== scene.id) return;
    if (typeof message.x !== 'number' || typeof message.y !== 'number') return;
    this.showPing({ x: message.x, y: message.y }, message.from);
  };

  constructor() {
    super();
    this.view = null;
    this.table = null;
    this.sceneId = null;
    this.mapUrl = null;
    this.diagonals = '5-5-5';
    this.tool = 'select';
    this.theme = 'light';
    this.tokenImage = null;
    this.selectedTokenId = null;
    this.pings = [];
    this.notice = '';
  }

  /** The connection in use: the `table` property, else the provided one. */
  get connection(): TableConnection | null {
    return this.table ?? this.#context.table;
  }

  /** The view rendered: the connection's (with pending moves), else `view`. */
  get currentView(): TableView | null {
    const table = this.connection;
    return table === null ? this.view : table.view;
  }

  /** The scene shown, or null when the view has none (or not that one). */
  get scene(): Scene | null {
    const view = this.currentView;
    if (view === null) return null;
    if (this.sceneId !== null) return view.scenes.get(this.sceneId) ?? null;
    for (const [, scene] of view.scenes) return scene;
    return null;
  }

  /** The viewer as a member of the table, or null. */
  get viewer(): Member | null {
    const view = this.currentView;
    return view === null ? null : (view.members.get(view.viewerId) ?? null);
  }

  /** The current pan and zoom. */
  get transform(): MapTransform {
    return this.#transform;
  }

  /** True when the viewer may move `token`: core's ownership rule (GMs own everything). */
  canMove(token: Token): boolean {
    const view = this.currentView;
    const viewer = this.viewer;
    return view !== null && viewer !== null && ownsToken(view, token, viewer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#measure());
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = null;
    this.#listen(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('table')) this.#own.table = this.table;
  }

  protected override updated(): void {
    this.#listen(this.connection);
    const scene = this.scene;
    if (scene !== null && this.#fittedScene !== scene.id && this.#size.width > 0) {
      this.#fittedScene = scene.id;
      this.setTransform(fitTransform(this.#bounds(scene)));
    }
  }

  #listen(table: TableConnection | null): void {
    if (table === this.#listening) return;
    this.#listening?.removeEventListener('ephemeral', this.#onEphemeral);
    this.#listening = table;
    table?.addEventListener('ephemeral', this.#onEphemeral);
  }

  #measure(): void {
    this.#size = { width: this.clientWidth, height: this.clientHeight };
    const scene = this.scene;
    if (scene === null) return;
    if (this.#fittedScene !== scene.id) this.requestUpdate();
    else this.setTransform(this.#transform);
  }

  #bounds(scene: Scene): MapBounds {
    return {
      viewWidth: this.#size.width,
      viewHeight: this.#size.height,
      sceneWidth: scene.width,
      sceneHeight: scene.height,
    };
  }

  /** Sets pan and zoom (clamped) and applies it at once to the one transformed layer. */
  setTransform(transform: MapTransform): void {
    const scene = this.scene;
    this.#transform = scene === null ? transform : clampTransform(transform, this.#bounds(scene));
    this.renderRoot
      .querySelector('.world')
      ?.setAttribute('transform', transformAttribute(this.#transform));
  }

  /** Zooms by `factor` around a viewport point (default: the centre). */
  zoomBy(factor: number, at?: Point): void {
    const scene = this.scene;
    if (scene === null) return;
    const x = at?.x ?? this.#size.width / 2;
    const y = at?.y ?? this.#size.height / 2;
    this.setTransform(zoomAround(this.#transform, factor, x, y, this.#bounds(scene)));
  }

  /** Scene pixels under a point given in client (page) coordinates. */
  toScene(clientX: number, clientY: number): Point {
    const box = this.renderRoot.querySelector('.viewport')?.getBoundingClientRect();
    const t = this.#transform;
    return {
      x: (clientX - (box?.left ?? 0) - t.x) / t.scale,
      y: (clientY - (box?.top ?? 0) - t.y) / t.scale,
    };
  }

  /**
   * Shows a token dragged to `at` (its top-left corner, scene pixels):
   * snapped, with the ruler from `from`; touches only that token's element
   * and the ruler, never a re-render. Returns the snapped corner.
   */
  previewTokenMove(tokenId: string, at: Point, from?: Point): Point | null {
    const scene = this.scene;
    const token = this.currentView?.tokens.get(tokenId);
    if (scene === null || token === undefined) return null;
    const snapped = snapTokenPosition(token, scene.grid, at);
    const root = this.renderRoot;
    root
      .querySelector(`[data-token-id="${CSS.escape(tokenId)}"]`)
      ?.setAttribute('transform', `translate(${snapped.x} ${snapped.y})`);
    const ruler = root.querySelector<SVGGElement>('.ruler');
    if (ruler !== null) {
      drawRuler(ruler, {
        scene,
        token,
        from: from ?? { x: token.x, y: token.y },
        to: snapped,
        diagonals: this.diagonals,
        scale: this.#transform.scale,
      });
    }
    return snapped;
  }

  /** Hides the ruler and puts the token's element back where the view has it. */
  cancelTokenPreview(tokenId: string): void {
    const token = this.currentView?.tokens.get(tokenId);
    const root = this.renderRoot;
    root.querySelector('.ruler')?.setAttribute('display', 'none');
    if (token !== undefined) {
      root
        .querySelector(`[data-token-id="${CSS.escape(tokenId)}"]`)
        ?.setAttribute('transform', `translate(${token.x} ${token.y})`);
    }
  }

  /**
   * Moves a token the viewer may move to `at` (snapped): `table.moveToken`
   * connected (shown at once, reconciled by the client), `vtt-token-move`
   * standalone. Returns false when the token is unknown or not the viewer's.
   */
  moveTokenTo(tokenId: string, at: Point): boolean {
    const scene = this.scene;
    const token = this.currentView?.tokens.get(tokenId);
    if (scene === null || token === undefined || !this.canMove(token)) return false;
    const snapped = snapTokenPosition(token, scene.grid, at);
    this.cancelTokenPreview(tokenId);
    if (snapped.x === token.x && snapped.y === token.y) return true;
    const table = this.connection;
    if (table !== null) {
      table.moveToken(tokenId, snapped.x, snapped.y).catch((error: unknown) => {
        this.notice = `Move refused: ${(error as Error).message}`;
      });
    } else {
      this.#fire('vtt-token-move', { tokenId, x: snapped.x, y: snapped.y });
    }
    this.notice = `${token.name} moved`;
    return true;
  }

  /** Shows a ping ring at a scene point for two seconds and fires `vtt-ping`. */
  showPing(at: Point, from: string): void {
    const scene = this.scene;
    if (scene === null) return;
    const ping: Ping = { id: ++this.#pingCounter, x: at.x, y: at.y, from };
    this.pings = [...this.pings, ping];
    setTimeout(() => {
      this.pings = this.pings.filter((p) => p !== ping);
    }, PING_MS);
    this.#fire('vtt-ping', { sceneId: scene.id, x: at.x, y: at.y, from });
  }

  /** Pings a scene point for everyone at the table (a `pointer` ephemeral) and here. */
  ping(at: Point): void {
    const scene = this.scene;
    if (scene === null) return;
    const x = Math.round(at.x);
    const y = Math.round(at.y);
    this.connection?.ephemeral({ kind: 'pointer', sceneId: scene.id, x, y });
    this.showPing({ x, y }, this.currentView?.viewerId ?? '');
  }

  #isGm(): boolean {
    return this.viewer?.role === 'gm';
  }

  #fire<K extends keyof VttMapEventMap>(type: K, detail: VttMapEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Sends a core action connected, or fires its event standalone. */
  #send<K extends keyof VttMapEventMap>(
    action: string,
    event: K,
    detail: VttMapEventMap[K]['detail'],
  ): void {
    const table = this.connection;
    if (table === null) {
      this.#fire(event, detail);
      return;
    }
    table.action(action, detail as unknown as JsonValue).catch((error: unknown) => {
      this.notice = `Refused: ${(error as Error).message}`;
    });
  }

  /** A GM hides or reveals a token (`core:update-token`). */
  setTokenHidden(tokenId: string, hidden: boolean): void {
    if (!this.#isGm()) return;
    this.#send('core:update-token', 'vtt-token-update', { tokenId, patch: { hidden } });
  }

  /** A GM switches the scene's fog on or off (`core:configure-fog`). */
  setFogEnabled(enabled: boolean): void {
    const scene = this.scene;
    if (scene === null || !this.#isGm()) return;
    this.#send('core:configure-fog', 'vtt-fog-configure', { sceneId: scene.id, enabled });
  }

  /** A GM reveals or hides cells (`core:paint-fog` with a `cells` shape, split at core's limit). */
  paintFog(mode: 'reveal' | 'hide', cells: readonly Cell[]): void {
    const scene = this.scene;
    if (scene === null || !this.#isGm() || cells.length === 0) return;
    for (let i = 0; i < cells.length; i += 4096) {
      const shape = { kind: 'cells' as const, cells: cells.slice(i, i + 4096) };
      this.#send('core:paint-fog', 'vtt-fog-paint', { sceneId: scene.id, mode, shape });
    }
  }

  /** Places a circle template of two cells' radius at a scene point (`core:create-template`). */
  placeTemplate(at: Point): void {
    const scene = this.scene;
    if (scene === null) return;
    this.#send('core:create-template', 'vtt-template-create', {
      sceneId: scene.id,
      shape: 'circle',
      origin: { x: Math.round(at.x), y: Math.round(at.y) },
      size: scene.grid.distance * 2,
    });
  }

  #select(tokenId: string | null): void {
    if (tokenId === this.selectedTokenId) return;
    this.selectedTokenId = tokenId;
    this.#fire('vtt-token-select', { tokenId });
  }

  #viewportPoint(event: PointerEvent | WheelEvent): Point {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  #tokenAt(event: Event): Token | null {
    const target = event.composedPath()[0];
    const el = target instanceof Element ? target.closest('[data-token-id]') : null;
    const id = el?.getAttribute('data-token-id');
    return id === null || id === undefined ? null : (this.currentView?.tokens.get(id) ?? null);
  }

  #onPointerDown(event: PointerEvent): void {
    const scene = this.scene;
    if (scene === null || event.button > 0) return;
    const viewport = event.currentTarget as HTMLElement;
    viewport.focus({ preventScroll: true });
    const p = this.#viewportPoint(event);
    this.#pointers.set(event.pointerId, p);
    viewport.setPointerCapture(event.pointerId);
    if (this.#pointers.size === 2) {
      this.#endGesture(false);
      const [a, b] = [...this.#pointers.values()] as [Point, Point];
      this.#gesture = {
        kind: 'pinch',
        distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
        from: this.#transform,
        mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      };
      return;
    }
    if (this.#pointers.size > 2) return;
    const world = this.toScene(event.clientX, event.clientY);
    if (event.altKey) {
      this.ping(world);
      return;
    }
    const token = this.#tokenAt(event);
    if (this.tool === 'select' && token !== null) {
      this.#select(token.id);
      if (this.canMove(token)) {
        this.#gesture = {
          kind: 'drag',
          pointerId: event.pointerId,
          token,
          grab: { x: world.x - token.x, y: world.y - token.y },
          start: { x: token.x, y: token.y },
          last: { x: token.x, y: token.y },
          moved: false,
          sx: p.x,
          sy: p.y,
        };
        return;
      }
    }
    if ((this.tool === 'reveal' || this.tool === 'hide') && this.#isGm()) {
      const cell = cellAt(scene.grid, world);
      this.#gesture = {
        kind: 'paint',
        pointerId: event.pointerId,
        cells: new Map([[`${cell.q},${cell.r}`, cell]]),
      };
      this.#drawBrush();
      return;
    }
    if (this.tool === 'template') {
      this.placeTemplate(world);
      return;
    }
    if (token === null) this.#select(null);
    const timer = setTimeout(() => {
      if (this.#gesture?.kind === 'pan' && !this.#gesture.moved) {
        this.#gesture = null;
        this.ping(world);
      }
    }, LONG_PRESS_MS);
    this.#gesture = {
      kind: 'pan',
      pointerId: event.pointerId,
      sx: p.x,
      sy: p.y,
      from: this.#transform,
      moved: false,
      timer,
    };
  }

  #onPointerMove(event: PointerEvent): void {
    if (!this.#pointers.has(event.pointerId)) return;
    const p = this.#viewportPoint(event);
    this.#pointers.set(event.pointerId, p);
    const g = this.#gesture;
    if (g === null) return;
    if (g.kind === 'pinch') {
      const [a, b] = [...this.#pointers.values()] as [Point, Point];
      const distance = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const scene = this.scene;
      if (scene === null) return;
      const panned = { ...g.from, x: g.from.x + mid.x - g.mid.x, y: g.from.y + mid.y - g.mid.y };
      this.setTransform(
        zoomAround(panned, distance / g.distance, mid.x, mid.y, this.#bounds(scene)),
      );
      return;
    }
    if (event.pointerId !== g.pointerId) return;
    if (g.kind === 'pan') {
      if (!g.moved && Math.hypot(p.x - g.sx, p.y - g.sy) < SLOP) return;
      g.moved = true;
      this.setTransform({ ...g.from, x: g.from.x + p.x - g.sx, y: g.from.y + p.y - g.sy });
      return;
    }
    const world = this.toScene(event.clientX, event.clientY);
    if (g.kind === 'paint') {
      const scene = this.scene;
      if (scene === null) return;
      const cell = cellAt(scene.grid, world);
      const key = `${cell.q},${cell.r}`;
      if (!g.cells.has(key)) {
        g.cells.set(key, cell);
        this.#drawBrush();
      }
      return;
    }
    if (!g.moved && Math.hypot(p.x - g.sx, p.y - g.sy) < SLOP) return;
    g.moved = true;
    const snapped = this.previewTokenMove(
      g.token.id,
      { x: world.x - g.grab.x, y: world.y - g.grab.y },
      g.start,
    );
    if (snapped !== null && (snapped.x !== g.last.x || snapped.y !== g.last.y)) {
      g.last = snapped;
      this.connection?.ephemeral({ kind: 'drag', tokenId: g.token.id, x: snapped.x, y: snapped.y });
    }
  }

  #onPointerUp(event: PointerEvent): void {
    if (!this.#pointers.delete(event.pointerId)) return;
    const g = this.#gesture;
    if (g === null) return;
    if (g.kind === 'pinch') {
      if (this.#pointers.size < 2) this.#gesture = null;
      return;
    }
    if (g.pointerId !== event.pointerId) return;
    this.#endGesture(event.type === 'pointerup');
  }

  #endGesture(commit: boolean): void {
    const g = this.#gesture;
    this.#gesture = null;
    if (g === null) return;
    if (g.kind === 'pan' && g.timer !== null) clearTimeout(g.timer);
    if (g.kind === 'drag') {
      if (commit && g.moved) this.moveTokenTo(g.token.id, g.last);
      else this.cancelTokenPreview(g.token.id);
    }
    if (g.kind === 'paint') {
      this.renderRoot.querySelector('.fog-brush')?.setAttribute('d', '');
      if (commit && (this.tool === 'reveal' || this.tool === 'hide')) {
        this.paintFog(this.tool, [...g.cells.values()]);
      }
    }
  }

  #drawBrush(): void {
    const scene = this.scene;
    const g = this.#gesture;
    if (scene === null || g?.kind !== 'paint') return;
    const path = cellsPath(scene.grid, [...g.cells.values()]);
    this.renderRoot.querySelector('.fog-brush')?.setAttribute('d', path);
  }

  #onWheel(event: WheelEvent): void {
    event.preventDefault();
    const factor = Math.exp(-Math.max(-300, Math.min(300, event.deltaY)) / 500);
    this.zoomBy(factor, this.#viewportPoint(event));
  }

  #onKeyDown(event: KeyboardEvent): void {
    const scene = this.scene;
    if (scene === null) return;
    const steps: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const step = steps[event.key];
    const token = this.#tokenAt(event);
    if (token !== null && this.canMove(token)) {
      if (step !== undefined) {
        event.preventDefault();
        this.moveTokenTo(token.id, stepTokenPosition(token, scene.grid, step[0], step[1]));
        return;
      }
      if ((event.key === 'h' || event.key === 'H') && this.#isGm()) {
        event.preventDefault();
        this.setTokenHidden(token.id, !token.hidden);
        return;
      }
    }
    if (step !== undefined) {
      event.preventDefault();
      const t = this.#transform;
      this.setTransform({ ...t, x: t.x - step[0] * 60, y: t.y - step[1] * 60 });
    } else if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      this.zoomBy(1.25);
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      this.zoomBy(0.8);
    } else if (event.key === '0') {
      event.preventDefault();
      this.setTransform(fitTransform(this.#bounds(scene)));
    }
  }

  #gridPath(scene: Scene): string {
    const key = `${JSON.stringify(scene.grid)}|${scene.width}|${scene.height}`;
    if (this.#cache.gridKey !== key)
      this.#cache = { ...this.#cache, gridKey: key, grid: gridPath(scene) };
    return this.#cache.grid;
  }

  #fogPath(scene: Scene): string {
    const c = this.#cache;
    if (c.fogKey !== scene.fog || c.fogGridKey !== c.gridKey) {
      this.#cache = {
        ...c,
        fogKey: scene.fog,
        fogGridKey: c.gridKey,
        fog: fogPath(scene, scene.fog),
      };
    }
    return this.#cache.fog;
  }

  #inTemplates(view: TableView, scene: Scene): ReadonlySet<string> {
    if (this.#templateCache.view === view) return this.#templateCache.hit;
    const hit = new Set<string>();
    for (const [id, template] of view.templates) {
      if (template.sceneId !== scene.id) continue;
      try {
        for (const tokenId of tokensInTemplate(view, id)) hit.add(tokenId);
      } catch {
        // A template whose scene the view lacks covers nothing here.
      }
    }
    this.#templateCache = { view, hit };
    return hit;
  }

  protected override render() {
    const view = this.currentView;
    const scene = this.scene;
    if (view === null || scene === null) {
      return html`<div class="empty" part="viewport">
        ${view === null ? 'Loading the table…' : 'No scene to show.'}
      </div>`;
    }
    this.#gridPath(scene);
    const gm = this.#isGm();
    const tokens = view.tokens
      .filter((t) => t.sceneId === scene.id)
      .sort((a, b) => LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer]);
    const hit = this.#inTemplates(view, scene);
    const background = safeImageUrl(this.mapUrl);
    const selected =
      this.selectedTokenId === null ? undefined : view.tokens.get(this.selectedTokenId);
    return html`
      <div
        class="viewport"
        part="viewport"
        tabindex="0"
        role="application"
        aria-roledescription="map"
        aria-label=${`Map of ${scene.name}. Arrow keys pan, plus and minus zoom; Tab to a token and use arrow keys to move it.`}
        data-tool=${this.tool}
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerUp}
        @wheel=${this.#onWheel}
        @keydown=${this.#onKeyDown}
        @contextmenu=${(e: Event) => e.preventDefault()}
      >
        <svg part="svg" xmlns="http://www.w3.org/2000/svg">
          <defs>
            <clipPath id="scene-clip">
              <rect width=${scene.width} height=${scene.height}></rect>
            </clipPath>
          </defs>
          <g class="world" transform=${transformAttribute(this.#transform)}>
            <rect class="scene-bg" width=${scene.width} height=${scene.height}></rect>
            ${
              background === null
                ? nothing
                : svg`<image class="map-image" href=${background} width=${scene.width} height=${scene.height} preserveAspectRatio="none"></image>`
            }
            <path class="grid" clip-path="url(#scene-clip)" d=${this.#cache.grid}></path>
            <g class="drawings">
              ${view.drawings.filter((d) => d.sceneId === scene.id).map(renderDrawing)}
            </g>
            <g class="templates">
              ${view.templates.filter((t) => t.sceneId === scene.id).map((t) => renderTemplate(t, scene.grid))}
            </g>
            <g class="tokens">
              ${repeat(
                tokens,
                (t) => t.id,
                (t) =>
                  renderToken(t, scene.grid, {
                    movable: this.canMove(t),
                    selected: t.id === this.selectedTokenId,
                    inTemplate: hit.has(t.id),
                    image: safeImageUrl(this.tokenImage?.(t) ?? null),
                  }),
              )}
            </g>
            <g class="notes">${view.notes.filter((n) => n.sceneId === scene.id).map(renderNote)}</g>
            <path
              class="fog"
              part="fog"
              clip-path="url(#scene-clip)"
              ?data-gm=${gm}
              d=${this.#fogPath(scene)}
            ></path>
            <path class="fog-brush" d=""></path>
            <g class="ruler" part="ruler" display="none" aria-hidden="true">
              <line class="ruler-line"></line>
              <rect class="ruler-label-bg"></rect>
              <text class="ruler-label"></text>
            </g>
            <g class="pings">
              ${this.pings.map(
                (p) =>
                  svg`<circle class="ping" data-from=${p.from} cx=${p.x} cy=${p.y} r=${scene.grid.size * 0.6}></circle>`,
              )}
            </g>
          </g>
        </svg>
      </div>
      ${this.#renderToolbar(gm, scene, selected)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.notice}</div>
    `;
  }

  #renderToolbar(gm: boolean, scene: Scene, selected: Token | undefined) {
    return renderToolbar<MapTool>({
      gm,
      scene,
      selected,
      tool: this.tool,
      setTool: (tool) => {
        this.tool = tool;
      },
      zoomBy: (factor) => this.zoomBy(factor),
      setFogEnabled: (enabled) => this.setFogEnabled(enabled),
      setTokenHidden: (id, hidden) => this.setTokenHidden(id, hidden),
    });
  }
}

if (!customElements.get('vtt-map')) customElements.define('vtt-map', VttMap);

declare global {
  interface HTMLElementTagNameMap {
    'vtt-map': VttMap;
  }
}
