import { css } from 'lit';

/** Styles of `<vtt-map>`: the viewport, its layers, tokens, toolbar and pings. */
export const mapStyles = css`
  :host {
    --_grid: var(--vtt-map-grid, rgba(31, 35, 40, 0.35));
    --_fog: var(--vtt-map-fog, #101114);
    --_map-bg: var(--vtt-map-bg, #d9d4c7);
    position: relative;
    min-height: 240px;
    height: 480px;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  :host([theme='dark']) {
    --_grid: var(--vtt-map-grid, rgba(230, 231, 234, 0.28));
    --_fog: var(--vtt-map-fog, #000000);
    --_map-bg: var(--vtt-map-bg, #2b2a27);
  }
  .viewport {
    position: absolute;
    inset: 0;
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
    cursor: grab;
    outline: none;
  }
  .viewport:focus-visible {
    box-shadow: inset 0 0 0 3px var(--_accent);
  }
  .viewport[data-tool='reveal'],
  .viewport[data-tool='hide'],
  .viewport[data-tool='template'] {
    cursor: crosshair;
  }
  svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .scene-bg {
    fill: var(--_map-bg);
  }
  .grid {
    fill: none;
    stroke: var(--_grid);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
    pointer-events: none;
  }
  .fog {
    fill: var(--_fog);
    pointer-events: none;
  }
  .fog[data-gm] {
    opacity: 0.5;
  }
  .fog-brush {
    fill: var(--_accent);
    opacity: 0.35;
    pointer-events: none;
  }
  .token {
    cursor: default;
    outline: none;
  }
  .token[data-movable] {
    cursor: grab;
  }
  .token[data-hidden] .token-body {
    opacity: 0.45;
  }
  .token-disc {
    stroke: rgba(0, 0, 0, 0.55);
    stroke-width: 3;
  }
  .token:focus-visible .token-ring,
  .token[data-selected] .token-ring {
    stroke: var(--_accent);
    stroke-width: 5;
    fill: none;
  }
  .token-ring {
    fill: none;
    stroke: none;
  }
  .token[data-in-template] .token-disc {
    stroke: #f97316;
    stroke-width: 6;
  }
  .token-initial {
    fill: #ffffff;
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
    pointer-events: none;
  }
  .token-name {
    fill: #ffffff;
    stroke: rgba(0, 0, 0, 0.8);
    stroke-width: 4px;
    paint-order: stroke;
    text-anchor: middle;
    font-weight: 600;
    pointer-events: none;
  }
  .bar-back {
    fill: rgba(0, 0, 0, 0.6);
  }
  .bar-fill {
    fill: #22c55e;
  }
  .bar-fill[data-low] {
    fill: #ef4444;
  }
  .badge {
    fill: var(--_surface);
    stroke: var(--_border);
  }
  .badge-text {
    fill: var(--_fg);
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
    pointer-events: none;
  }
  .hidden-marker {
    fill: #b91c1c;
  }
  .hidden-marker-text {
    fill: #ffffff;
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
  }
  .note-pin {
    fill: #eab308;
    stroke: #713f12;
    stroke-width: 2;
  }
  .note-title {
    fill: #ffffff;
    stroke: rgba(0, 0, 0, 0.8);
    stroke-width: 4px;
    paint-order: stroke;
    font-weight: 600;
  }
  .template {
    fill-opacity: 0.25;
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .drawing {
    vector-effect: non-scaling-stroke;
  }
  .ruler-line {
    stroke: var(--_accent);
    stroke-width: 3;
    stroke-dasharray: 8 6;
    vector-effect: non-scaling-stroke;
  }
  .ruler-label-bg {
    fill: var(--_surface);
    stroke: var(--_accent);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .ruler-label {
    fill: var(--_fg);
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
  }
  .ping {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 4;
    vector-effect: non-scaling-stroke;
    animation: ping 2s ease-out forwards;
    transform-box: fill-box;
    transform-origin: center;
  }
  @keyframes ping {
    from {
      transform: scale(0.2);
      opacity: 1;
    }
    to {
      transform: scale(1.6);
      opacity: 0;
    }
  }
  .toolbar {
    position: absolute;
    top: 8px;
    left: 8px;
    right: 8px;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    pointer-events: none;
  }
  .toolbar button {
    pointer-events: auto;
    min-height: 36px;
    min-width: 36px;
    padding: 6px 10px;
    background: var(--_surface);
    color: var(--_fg);
    border: 1px solid var(--_border);
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25);
  }
  .toolbar button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }
  .empty {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: var(--_muted);
  }
`;
