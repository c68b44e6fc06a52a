/** The tool buttons of `<vtt-map>`. */
import type { Scene, Token } from '@vtt/core';
import { html, nothing, type TemplateResult } from 'lit';

/** What the toolbar shows and what its buttons call. */
export interface ToolbarContext<Tool extends string> {
  readonly gm: boolean;
  readonly scene: Scene;
  readonly selected: Token | undefined;
  readonly tool: Tool;
  setTool(tool: Tool): void;
  zoomBy(factor: number): void;
  setFogEnabled(enabled: boolean): void;
  setTokenHidden(tokenId: string, hidden: boolean): void;
}

/** Zoom buttons and the template tool for everyone; fog tools, fog switch and hide/reveal for GMs. */
export function renderToolbar<Tool extends string>(
  c: ToolbarContext<Tool | 'select' | 'template' | 'reveal' | 'hide'>,
): TemplateResult {
  const tool = (name: 'template' | 'reveal' | 'hide', label: string) =>
    html`<button
      type="button"
      aria-pressed=${c.tool === name ? 'true' : 'false'}
      data-tool=${name}
      @click=${() => c.setTool(c.tool === name ? 'select' : name)}
    >
      ${label}
    </button>`;
  const selected = c.selected;
  return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label="Map tools">
    <button type="button" aria-label="Zoom in" data-action="zoom-in" @click=${() => c.zoomBy(1.25)}>
      +
    </button>
    <button
      type="button"
      aria-label="Zoom out"
      data-action="zoom-out"
      @click=${() => c.zoomBy(0.8)}
    >
      −
    </button>
    ${tool('template', 'Template')}
    ${
      c.gm
        ? html`${tool('reveal', 'Reveal fog')}${tool('hide', 'Hide fog')}
            <button
              type="button"
              data-action="fog"
              aria-pressed=${c.scene.fog.enabled ? 'true' : 'false'}
              @click=${() => c.setFogEnabled(!c.scene.fog.enabled)}
            >
              Fog
            </button>
            ${
              selected === undefined
                ? nothing
                : html`<button
                    type="button"
                    data-action="toggle-hidden"
                    @click=${() => c.setTokenHidden(selected.id, !selected.hidden)}
                  >
                    ${selected.hidden ? `Reveal ${selected.name}` : `Hide ${selected.name}`}
                  </button>`
            }`
        : nothing
    }
    <slot name="toolbar-end"></slot>
  </div>`;
}
