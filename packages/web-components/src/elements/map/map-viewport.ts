/** Pan and zoom of `<vtt-map>`: one transform from scene pixels to the viewport. */

/** Screen = scene × `scale` + (`x`, `y`), in CSS pixels of the viewport. */
export interface MapTransform {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** Zoom limits. */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** Pixels of the scene that stay on screen however far it is panned. */
const KEEP_VISIBLE = 80;

/** Size of the viewport and of the scene, for clamping. */
export interface MapBounds {
  readonly viewWidth: number;
  readonly viewHeight: number;
  readonly sceneWidth: number;
  readonly sceneHeight: number;
}

/** `t` with its scale within the zoom limits and enough of the scene on screen. */
export function clampTransform(t: MapTransform, b: MapBounds): MapTransform {
  const scale = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, t.scale));
  const keepX = Math.min(KEEP_VISIBLE, b.viewWidth / 2);
  const keepY = Math.min(KEEP_VISIBLE, b.viewHeight / 2);
  const x = Math.min(b.viewWidth - keepX, Math.max(keepX - b.sceneWidth * scale, t.x));
  const y = Math.min(b.viewHeight - keepY, Math.max(keepY - b.sceneHeight * scale, t.y));
  return { x, y, scale };
}

/** `t` zoomed by `factor` keeping the scene point under (`sx`, `sy`) in place, clamped. */
export function zoomAround(
  t: MapTransform,
  factor: number,
  sx: number,
  sy: number,
  b: MapBounds,
): MapTransform {
  const scale = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, t.scale * factor));
  const k = scale / t.scale;
  return clampTransform({ x: sx - (sx - t.x) * k, y: sy - (sy - t.y) * k, scale }, b);
}

/** The transform that shows the whole scene centred in the viewport. */
export function fitTransform(b: MapBounds): MapTransform {
  const scale = Math.min(b.viewWidth / b.sceneWidth, b.viewHeight / b.sceneHeight) * 0.95;
  const s = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
  return {
    x: (b.viewWidth - b.sceneWidth * s) / 2,
    y: (b.viewHeight - b.sceneHeight * s) / 2,
    scale: s,
  };
}

/** The SVG `transform` attribute of `t`. */
export function transformAttribute(t: MapTransform): string {
  return `translate(${t.x} ${t.y}) scale(${t.scale})`;
}
