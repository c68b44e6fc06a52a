import type { DocumentType } from './manifest-types.js';

/**
 * The widgets of a sheet field: `number`, `text`, `textarea`, `checkbox`,
 * `select` (from `options` or the schema's `enum`), `resource` (an object
 * with numeric `value` and `max`, e.g. hit points) and `derived` (read-only,
 * from the module's derived data).
 */
export const SHEET_WIDGETS = [
  'number',
  'text',
  'textarea',
  'checkbox',
  'select',
  'resource',
  'derived',
] as const;
/** One widget of {@link SHEET_WIDGETS}. */
export type SheetWidget = (typeof SHEET_WIDGETS)[number];

/** The kinds of node in a sheet layout. */
export const SHEET_NODE_KINDS = ['section', 'row', 'tabs', 'field', 'roll', 'items'] as const;
/** One kind of {@link SHEET_NODE_KINDS}. */
export type SheetNodeKind = (typeof SHEET_NODE_KINDS)[number];

/** A titled group of nodes, laid out top to bottom. */
export interface SheetSection {
  readonly kind: 'section';
  readonly id?: string;
  readonly title?: string;
  readonly children: readonly SheetNode[];
}

/** Nodes laid out side by side. */
export interface SheetRow {
  readonly kind: 'row';
  readonly id?: string;
  readonly children: readonly SheetNode[];
}

/** One tab of a {@link SheetTabs} node. */
export interface SheetTab {
  readonly id: string;
  readonly label: string;
  readonly children: readonly SheetNode[];
}

/** Tabs, one visible at a time. */
export interface SheetTabs {
  readonly kind: 'tabs';
  readonly id?: string;
  readonly tabs: readonly SheetTab[];
}

/** One choice of a `select` field. */
export interface SheetOption {
  readonly value: string | number;
  readonly label: string;
}

/** An input (or read-only value) bound to one value of the document's data. */
export interface SheetField {
  readonly kind: 'field';
  readonly id?: string;
  /** JSON pointer into the document's `data` (or derived data), e.g. `'/abilities/str/score'`. */
  readonly path: string;
  readonly label: string;
  readonly widget: SheetWidget;
  /** Choices of a `select`; defaults to the schema's `enum`. */
  readonly options?: readonly SheetOption[];
}

/** A button that makes one of the module's named rolls. */
export interface SheetRoll {
  readonly kind: 'roll';
  readonly id?: string;
  /** The named roll's id, as the module registers it, e.g. `'ability-check'`. */
  readonly roll: string;
  readonly label: string;
  /** JSON arguments passed to the roll, e.g. `{ "ability": "str" }`. */
  readonly args?: Readonly<Record<string, unknown>>;
}

/** A column of a {@link SheetItems} list: one value of each item's data. */
export interface SheetItemField {
  /** JSON pointer into the item's `data`, e.g. `'/damage'`; must exist in every listed type. */
  readonly path: string;
  readonly label: string;
  /** How the value shows; a value widget, `text` when omitted. */
  readonly widget?: Exclude<SheetWidget, 'resource' | 'derived'>;
}

/** A button on every row of a {@link SheetItems} list: a named roll for that item. */
export interface SheetItemRoll {
  /** The named roll's id, e.g. `'attack'`. */
  readonly roll: string;
  readonly label: string;
  /**
   * JSON arguments of the roll; the row's item id is added as `itemId`
   * (e.g. `{ "mode": "melee" }` rolls with `{ "mode": "melee", "itemId": "i7" }`).
   */
  readonly args?: Readonly<Record<string, unknown>>;
}

/**
 * The actor's items of the listed types, in inventory order (`sort`), one
 * row each: name, the fields, and the roll buttons.
 */
export interface SheetItems {
  readonly kind: 'items';
  readonly id?: string;
  readonly title?: string;
  /** Item types listed, e.g. `['weapon']`; each must be an item type of the module. */
  readonly types: readonly string[];
  readonly fields?: readonly SheetItemField[];
  readonly rolls?: readonly SheetItemRoll[];
}

/** One node of a sheet layout. */
export type SheetNode = SheetSection | SheetRow | SheetTabs | SheetField | SheetRoll | SheetItems;

/** A declarative character (or item) sheet: one JSON file of a module. */
export interface SheetDefinition {
  /** Kebab-case, the id the manifest's `sheets` entry gives. */
  readonly id: string;
  readonly documentType: DocumentType;
  /** The actor or item type it shows, e.g. `'character'`. */
  readonly type: string;
  readonly title?: string;
  readonly layout: readonly SheetNode[];
}
