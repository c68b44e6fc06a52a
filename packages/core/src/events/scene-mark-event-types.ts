/** Payloads of the measured template and drawing events; part of `TableEventMap`. */
import type { Drawing, MeasuredTemplate } from '../model/scene-marks.js';
import type { Patch } from './event-types.js';

/** The template and drawing events, by type. */
export interface SceneMarkEventMap {
  'core:template-created': { readonly template: MeasuredTemplate };
  'core:template-updated': {
    readonly templateId: string;
    readonly patch: Patch<Omit<MeasuredTemplate, 'sceneId' | 'author'>>;
  };
  'core:template-deleted': { readonly templateId: string };
  'core:drawing-created': { readonly drawing: Drawing };
  'core:drawing-updated': {
    readonly drawingId: string;
    readonly patch: Patch<Omit<Drawing, 'sceneId' | 'author'>>;
  };
  'core:drawing-deleted': { readonly drawingId: string };
}
