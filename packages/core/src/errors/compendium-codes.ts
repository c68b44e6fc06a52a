import { defineErrors } from './error-spec.js';

/** Error codes of the compendium search index (`VTT_ERR_COMPENDIUM_*`). */
export const COMPENDIUM_ERRORS = defineErrors({
  VTT_ERR_COMPENDIUM_DUPLICATE_PACK: {
    message: "The pack '{pack}' of the module '{module}' is given twice to the compendium index.",
    fix: 'Give each pack once; pack ids are unique within a module.',
  },
  VTT_ERR_COMPENDIUM_DUPLICATE_ENTRY: {
    message: "The entry '{id}' appears twice in the pack '{pack}' of the module '{module}'.",
    fix: 'Validate the pack first (validateCompendiumEntries): entry ids are unique in a pack.',
  },
  VTT_ERR_COMPENDIUM_QUERY_INVALID: {
    message: 'The compendium query field {field} {problem}.',
    fix: 'Correct {field}: it {problem}.',
  },
});
