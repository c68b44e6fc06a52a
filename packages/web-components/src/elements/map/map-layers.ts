/**
 * The SVG of each document `<vtt-map>` shows: tokens, notes, measured
 * templates and drawings. Text goes through Lit text bindings only.
 */
import type { Drawing, Grid, MeasuredTemplate, Note, Token } from '@vtt/core';
import { nothing, svg, type SVGTemplateResult } from 'lit';
import { templatePath, tokenBox, tokenHue } from './map-geometry.js';

/** How one token is drawn. */
export interface TokenLook {
  readonly movable: boolean;
  readonly selected: boolean;
  readonly inTemplate: boolean;
  /** A resolved, checked image URL, or null for a coloured disc with the initial. */
  readonly image: string | null;
}

/** The label screen readers get for a token. */
export function tokenLabel(token: Token): string {
  const parts = [token.name];
  if (token.hidden) parts.push('hidden');
  if (token.elevation !== 0) parts.push(`elevation ${token.elevation}`);
  for (const [name, bar] of Object.entries(token.bars))
    parts.push(`${name} ${bar.value}/${bar.max}`);
  if (token.statuses.length > 0) parts.push(token.statuses.join(', '));
  return parts.join(', ');
}

/** One token as an SVG group at its top-left corner. */
export function renderToken(token: Token, grid: Grid, look: TokenLook): SVGTemplateResult {
  const box = tokenBox(token, grid);
  const w = box.x;
  const h = box.y;
  const r = Math.min(w, h) / 2 - 3;
  const font = Math.max(10, Math.min(w, h) * 0.16);
  const bars = Object.entries(token.bars).slice(0, 2);
  const hue = tokenHue(token.id);
  const badge = Math.max(8, grid.size * 0.12);
  const elevationWidth = badge * (1.2 + 0.9 * signed(token.elevation).length);
  return svg`<g
    class="token"
    part="token"
    data-token-id=${token.id}
    transform=${`translate(${token.x} ${token.y})`}
    tabindex=${look.movable ? '0' : '-1'}
    role="button"
    aria-label=${tokenLabel(token)}
    ?data-movable=${look.movable}
    ?data-hidden=${token.hidden}
    ?data-selected=${look.selected}
    ?data-in-template=${look.inTemplate}
  >
    <g class="token-body" transform=${token.rotation === 0 ? nothing : `rotate(${token.rotation} ${w / 2} ${h / 2})`}>
      <circle class="token-disc" cx=${w / 2} cy=${h / 2} r=${r} fill=${`hsl(${hue} 55% 38%)`}></circle>
      ${
        look.image === null
          ? svg`<text class="token-initial" x=${w / 2} y=${h / 2} font-size=${r}>${initial(token.name)}</text>`
          : svg`<image href=${look.image} x=${w / 2 - r} y=${h / 2 - r} width=${2 * r} height=${2 * r}
              preserveAspectRatio="xMidYMid slice" clip-path="circle(50%)"></image>`
      }
    </g>
    <circle class="token-ring" cx=${w / 2} cy=${h / 2} r=${r + 2}></circle>
    ${bars.map(([name, bar], i) => {
      const frac = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) : 0;
      const y = h - 10 - i * 9;
      return svg`<g class="bar" data-bar=${name}>
        <rect class="bar-back" x=${w * 0.12} y=${y} width=${w * 0.76} height="7" rx="3"></rect>
        <rect class="bar-fill" ?data-low=${frac <= 0.25} x=${w * 0.12} y=${y} width=${w * 0.76 * frac} height="7" rx="3"></rect>
      </g>`;
    })}
    ${token.statuses.slice(0, 4).map(
      (status, i) => svg`<g class="status" data-status=${status}>
        <title>${status}</title>
        <circle class="badge" cx=${w - badge} cy=${badge + i * badge * 2.1} r=${badge}></circle>
        <text class="badge-text" x=${w - badge} y=${badge + i * badge * 2.1} font-size=${badge * 1.2}>${initial(status)}</text>
      </g>`,
    )}
    ${
      token.elevation === 0
        ? nothing
        : svg`<g class="elevation"><title>Elevation ${token.elevation}</title>
          <rect class="badge" x="1" y="1" width=${elevationWidth} height=${badge * 2} rx=${badge / 2}></rect>
          <text class="badge-text" x=${1 + elevationWidth / 2} y=${1 + badge} font-size=${badge * 1.3}>${signed(token.elevation)}</text></g>`
    }
    ${
      token.hidden
        ? svg`<g class="hidden-marker-group"><circle class="hidden-marker" cx=${badge} cy=${h - badge} r=${badge}></circle>
          <text class="hidden-marker-text" x=${badge} y=${h - badge} font-size=${badge * 1.3}>H</text><title>Hidden from players</title></g>`
        : nothing
    }
    <text class="token-name" x=${w / 2} y=${h + font + 2} font-size=${font}>${token.name}</text>
  </g>`;
}

function initial(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '?' : first.toUpperCase();
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** A map note: a pin with its title. */
export function renderNote(note: Note): SVGTemplateResult {
  return svg`<g class="note" part="note" data-note-id=${note.id} transform=${`translate(${note.x} ${note.y})`}>
    <title>${note.title}</title>
    <path class="note-pin" d="M0 0 C-10 -14 -14 -20 -14 -28 A14 14 0 1 1 14 -28 C14 -20 10 -14 0 0Z"></path>
    <circle cx="0" cy="-28" r="5" fill="#713f12"></circle>
    <text class="note-title" x="18" y="-24" font-size="18">${note.title}</text>
  </g>`;
}

/** A measured template's area with its label. */
export function renderTemplate(template: MeasuredTemplate, grid: Grid): SVGTemplateResult {
  const colour = safeColour(template.color);
  return svg`<g class="template-group" data-template-id=${template.id}>
    <path class="template" part="template" d=${templatePath(template, grid)} fill=${colour} stroke=${colour}></path>
    ${
      template.label === null
        ? nothing
        : svg`<text class="note-title" x=${template.origin.x + 6} y=${template.origin.y - 6} font-size="16">${template.label}</text>`
    }
  </g>`;
}

/** A drawing: freehand, line, polygon, rectangle or ellipse, with its text. */
export function renderDrawing(drawing: Drawing): SVGTemplateResult {
  const stroke = safeColour(drawing.strokeColor);
  const fill = drawing.fillColor === null ? 'none' : safeColour(drawing.fillColor);
  const cx = drawing.x + drawing.width / 2;
  const cy = drawing.y + drawing.height / 2;
  const points = drawing.points.map((p) => `${drawing.x + p.x},${drawing.y + p.y}`).join(' ');
  const common = { stroke, fill, width: drawing.strokeWidth };
  let shape: SVGTemplateResult;
  switch (drawing.shape) {
    case 'rect':
      shape = svg`<rect class="drawing" x=${drawing.x} y=${drawing.y} width=${drawing.width} height=${drawing.height}
        stroke=${common.stroke} fill=${common.fill} stroke-width=${common.width}></rect>`;
      break;
    case 'ellipse':
      shape = svg`<ellipse class="drawing" cx=${cx} cy=${cy} rx=${drawing.width / 2} ry=${drawing.height / 2}
        stroke=${common.stroke} fill=${common.fill} stroke-width=${common.width}></ellipse>`;
      break;
    case 'polygon':
      shape = svg`<polygon class="drawing" points=${points} stroke=${common.stroke} fill=${common.fill} stroke-width=${common.width}></polygon>`;
      break;
    default:
      shape = svg`<polyline class="drawing" points=${points} stroke=${common.stroke} fill="none" stroke-width=${common.width}
        stroke-linecap="round" stroke-linejoin="round"></polyline>`;
  }
  return svg`<g class="drawing-group" part="drawing" data-drawing-id=${drawing.id}
    transform=${drawing.rotation === 0 ? nothing : `rotate(${drawing.rotation} ${cx} ${cy})`}>
    ${shape}
    ${drawing.text === null ? nothing : svg`<text class="note-title" x=${cx} y=${cy} font-size="16" text-anchor="middle">${drawing.text}</text>`}
  </g>`;
}

/** A CSS colour from data when it is a plain hex, rgb(a)/hsl(a) or name; else a neutral grey. */
export function safeColour(colour: string): string {
  return /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([0-9.,%\s/]+\)|[a-z]{3,20})$/i.test(colour.trim())
    ? colour.trim()
    : '#888888';
}
