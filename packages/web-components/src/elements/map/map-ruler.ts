/** The movement ruler of `<vtt-map>`, drawn straight into its SVG group during a drag. */
import type { DiagonalRule, Point, Scene, Token } from '@vtt/core';
import { formatDistance, rulerDistance, tokenCentre } from './map-geometry.js';

/** What one frame of the ruler shows. */
export interface RulerFrame {
  readonly scene: Scene;
  readonly token: Token;
  /** Top-left corners where the drag started and where the token is now (snapped). */
  readonly from: Point;
  readonly to: Point;
  readonly diagonals: DiagonalRule;
  /** The map's zoom, so the label keeps a legible size on screen. */
  readonly scale: number;
}

/**
 * Shows `ruler` (the map's `.ruler` group) from the token's starting centre
 * to its current one with the distance core measures, and sets its
 * `data-distance`. Returns that distance in the scene's units.
 */
export function drawRuler(ruler: SVGGElement, frame: RulerFrame): number {
  const { scene, token } = frame;
  const grid = scene.grid;
  const a = tokenCentre(token, grid, frame.from);
  const b = tokenCentre(token, grid, frame.to);
  const distance = rulerDistance(token, grid, frame.from, frame.to, frame.diagonals);
  const label = formatDistance(distance, grid.units);
  const size = Math.max(14, grid.size * 0.22) / Math.max(0.5, frame.scale);
  // Above the token's footprint, so the label never covers it.
  const labelY = b.y - (token.height * grid.size) / 2 - size;
  const width = size * (0.62 * label.length + 1.2);
  ruler.removeAttribute('display');
  ruler.dataset['distance'] = String(distance);
  set(ruler.querySelector('line'), { x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  const text = ruler.querySelector('text');
  if (text !== null) text.textContent = label;
  set(text, { x: b.x, y: labelY, 'font-size': size });
  set(ruler.querySelector('rect'), {
    x: b.x - width / 2,
    y: labelY - size * 0.8,
    width,
    height: size * 1.6,
    rx: size * 0.3,
  });
  return distance;
}

function set(el: Element | null, attributes: Readonly<Record<string, number>>): void {
  if (el === null) return;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
}
