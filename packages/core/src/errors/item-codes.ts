import { defineErrors } from './error-spec.js';

/** Error codes of items and compendium imports (`VTT_ERR_ITEM_*`, `VTT_ERR_COMPENDIUM_*`). */
export const ITEM_ERRORS = defineErrors({
  VTT_ERR_ITEM_TYPE_UNKNOWN: {
    message: 'No module of this table declares the item type "{type}".',
    fix: 'Use one of the item types the modules declare ({known}), or enable the module that declares "{type}".',
    status: 400,
  },
  VTT_ERR_MODULE_SHEET_ITEM_TYPE_UNKNOWN: {
    message:
      "{pointer}: the sheet lists items of type '{type}', which the module does not declare.",
    fix: 'Use one of the item types of the manifest ({known}), or declare "{type}" under "itemTypes".',
    status: 422,
  },
  VTT_ERR_COMPENDIUM_NOT_FOUND: {
    message:
      'There is no compendium entry "{entry}" in pack "{pack}" of module "{module}" at this table (no such {missing}).',
    fix: "Enable the module at the table, and take the pack and entry ids from the compendium search or the module's manifest (`compendium`).",
    status: 404,
  },
  VTT_ERR_COMPENDIUM_TARGET: {
    message:
      'The compendium entry "{pack}/{entry}" is {kind}; it cannot be imported onto actor "{actorId}".',
    fix: 'Leave out `actorId` to import the entry as a new {document}; only item entries go onto an actor.',
    status: 400,
  },
});
