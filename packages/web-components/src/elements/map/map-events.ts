/** The `vtt-*` events `<vtt-map>` fires, by type, with their details. */
import type { FogMode, FogShape, Point, TableActionMap, TemplateShape } from '@vtt/core';

/** Detail of `vtt-token-move`: a token dropped (or moved by keyboard) at a snapped position. */
export interface VttTokenMoveEventDetail {
  readonly tokenId: string;
  /** New top-left corner in scene pixels. */
  readonly x: number;
  readonly y: number;
}

/** Detail of `vtt-token-update`: a GM hid or revealed a token. */
export interface VttTokenUpdateEventDetail {
  readonly tokenId: string;
  readonly patch: TableActionMap['core:update-token']['patch'];
}

/** Detail of `vtt-fog-paint`: the payload of `core:paint-fog`. */
export interface VttFogPaintEventDetail {
  readonly sceneId: string;
  readonly mode: FogMode;
  readonly shape: FogShape;
}

/** Detail of `vtt-fog-configure`: the payload of `core:configure-fog`. */
export interface VttFogConfigureEventDetail {
  readonly sceneId: string;
  readonly enabled: boolean;
}

/** Detail of `vtt-template-create`: the payload of `core:create-template`. */
export interface VttTemplateCreateEventDetail {
  readonly sceneId: string;
  readonly shape: TemplateShape;
  readonly origin: Point;
  /** In grid units. */
  readonly size: number;
}

/** Detail of `vtt-ping`: a pointer ping at a scene point. */
export interface VttPingEventDetail {
  readonly sceneId: string;
  readonly x: number;
  readonly y: number;
  /** The user who pinged (the viewer for their own pings). */
  readonly from: string;
}

/** Detail of `vtt-token-select`: the selected token, or null. */
export interface VttTokenSelectEventDetail {
  readonly tokenId: string | null;
}

/** The events of `<vtt-map>` by type. */
export interface VttMapEventMap {
  'vtt-token-move': CustomEvent<VttTokenMoveEventDetail>;
  'vtt-token-update': CustomEvent<VttTokenUpdateEventDetail>;
  'vtt-fog-paint': CustomEvent<VttFogPaintEventDetail>;
  'vtt-fog-configure': CustomEvent<VttFogConfigureEventDetail>;
  'vtt-template-create': CustomEvent<VttTemplateCreateEventDetail>;
  'vtt-ping': CustomEvent<VttPingEventDetail>;
  'vtt-token-select': CustomEvent<VttTokenSelectEventDetail>;
}
