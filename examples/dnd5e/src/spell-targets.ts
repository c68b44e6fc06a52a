/**
 * Who a spell affects: the target tokens the caster lists (`targets`), the
 * tokens a measured template on the scene covers (`template`, through
 * `ctx.templateTargets`), or both. Every spell gets its list from
 * `spellTargets` alone.
 */
import type { ModuleContext } from '@vtt/sdk';
import type { RawArgs } from './args.js';
import { readCreature, type Creature } from './creature.js';
import type { Actor } from './sdk-types.js';

/** A creature a spell affects, through the token it was targeted by. */
export interface SpellTarget {
  readonly tokenId: string;
  /** The token's name: what a caster who may not see the actor's data knows it by. */
  readonly tokenName: string;
  readonly actor: Actor;
  readonly creature: Creature;
}

/** The `targets` argument of a spell: token ids. */
export const TARGETS_ARG = {
  type: 'array',
  minItems: 1,
  maxItems: 50,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 64 },
} as const;

/** The `template` argument of a spell: the id of a measured template. */
export const TEMPLATE_ARG = { type: 'string', minLength: 1, maxLength: 64 } as const;

/**
 * The creatures `args.targets` names, then those whose tokens the template
 * `args.template` covers, in order, each once (two tokens of one actor count
 * once). A listed token the user may not see is refused as if it did not
 * exist, and so is one without a D&D character or creature; a template
 * covers only the tokens the user sees, and skips tokens of no creature
 * (an object, a light). A template the user may not see is refused.
 *
 * @example
 * spellTargets(ctx, { targets: ['tok-goblin', 'tok-orc'] }).map((t) => t.creature.name); // ['Goblin', 'Orc']
 */
export function spellTargets(ctx: ModuleContext, args: RawArgs): SpellTarget[] {
  const ids = Array.isArray(args['targets'])
    ? args['targets'].filter((id): id is string => typeof id === 'string')
    : [];
  const template = typeof args['template'] === 'string' ? args['template'] : undefined;
  const covered = template === undefined ? [] : coveredTokens(ctx, template);
  if (template !== undefined && covered.length === 0 && ids.length === 0) {
    ctx.reject('the template covers no creature');
  }
  const out: SpellTarget[] = [];
  for (const tokenId of [...ids, ...covered]) {
    const token = ctx.state.tokens.get(tokenId);
    if (token === undefined || (token.hidden && ctx.user.role !== 'gm')) {
      return ctx.reject(`no token ${tokenId} to target`);
    }
    const actor = ctx.actor(token.actorId);
    const creature = actor === undefined ? undefined : readCreature(actor);
    if (actor === undefined || creature === undefined) {
      return ctx.reject(`${token.name} is not a D&D character or creature`);
    }
    if (!out.some((t) => t.actor.id === actor.id))
      out.push({ tokenId, tokenName: token.name, actor, creature });
  }
  return out;
}

/** The tokens of creatures the template covers, as the user sees them. */
function coveredTokens(ctx: ModuleContext, templateId: string): string[] {
  let tokens: string[];
  try {
    tokens = ctx.templateTargets(templateId);
  } catch {
    return ctx.reject(`no template ${templateId} to cast into`);
  }
  return tokens.filter((tokenId) => {
    const actor = ctx.actor(ctx.state.tokens.get(tokenId)?.actorId);
    return actor !== undefined && readCreature(actor) !== undefined;
  });
}
