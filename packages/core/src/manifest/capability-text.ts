/**
 * Declared capabilities as text for people: what the GM reads before
 * enabling a module, as a browser shows an extension's permissions.
 */
import type { ModuleCapabilities } from './manifest-types.js';

/** One line of {@link describeCapabilities}: the text and the names it stands for. */
export interface CapabilityLine {
  /** E.g. `'May create and change actors'` or `'Runs after chat messages are posted'`. */
  readonly text: string;
  /** The declared names behind the line, e.g. `['core:create-actor', 'core:update-actor']`. */
  readonly names: readonly string[];
}

const NOUNS: Readonly<Record<string, string>> = {
  campaign: 'the campaign',
  member: 'members',
  scene: 'scenes',
  fog: 'fog of war',
  token: 'tokens',
  actor: 'actors',
  note: 'notes',
  combat: 'combat',
  combatant: 'combatants',
  initiative: 'initiative',
  turn: 'the turn',
  effect: 'effects',
  table: 'roll tables',
  'roll-table': 'roll tables',
  message: 'chat messages',
  'timeline-entry': 'timeline entries',
  document: 'deleted documents',
};

const SINGULAR = new Set(['the campaign', 'fog of war', 'combat', 'initiative', 'the turn']);

const VERBS: Readonly<Record<string, string>> = {
  update: 'change',
  send: 'post',
  next: 'advance',
  updated: 'changed',
  set: 'set',
};

/** Splits `core:<verb>-<noun>` (actions) or `core:<noun>-<participle>` (events). */
function split(name: string, verbFirst: boolean): { verb: string; noun: string } {
  const words = name.replace(/^core:/, '').split('-');
  const verb = (verbFirst ? words.shift() : words.pop()) ?? '';
  const noun = words.join('-');
  return { verb: VERBS[verb] ?? verb, noun: NOUNS[noun] ?? (noun.replace(/-/g, ' ') || verb) };
}

const listed = (words: readonly string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** Groups `names` by noun, keeping the order nouns first appear in. */
function byNoun(names: readonly string[], verbFirst: boolean) {
  const groups = new Map<string, { verbs: string[]; names: string[] }>();
  for (const name of names) {
    const { verb, noun } = split(name, verbFirst);
    const group = groups.get(noun) ?? { verbs: [], names: [] };
    if (!group.verbs.includes(verb)) group.verbs.push(verb);
    group.names.push(name);
    groups.set(noun, group);
  }
  return [...groups].map(([noun, group]) => ({ noun, ...group }));
}

/**
 * Turns a manifest's declared capabilities into lines for people, one per
 * kind of document touched: what the module may propose ("May create and
 * change actors"), which requests it may refuse or adjust ("May refuse or
 * adjust requests to move tokens"), and what it reacts to ("Runs after chat
 * messages are posted"). A module that declares nothing gets one line
 * saying so. Pure; the GM UI shows the lines when a module is enabled.
 *
 * @example
 * describeCapabilities({ propose: ['core:update-actor'], hooks: { after: ['core:message-posted'] } })
 *   .map((l) => l.text); // ['May change actors', 'Runs after chat messages are posted']
 */
export function describeCapabilities(
  capabilities: ModuleCapabilities | undefined,
): CapabilityLine[] {
  const lines: CapabilityLine[] = [
    ...byNoun(capabilities?.propose ?? [], true).map((g) => ({
      text: `May ${listed(g.verbs)} ${g.noun}`,
      names: g.names,
    })),
    ...byNoun(capabilities?.hooks?.before ?? [], true).map((g) => ({
      text: `May refuse or adjust requests to ${listed(g.verbs)} ${g.noun}`,
      names: g.names,
    })),
    ...byNoun(capabilities?.hooks?.after ?? [], false).map((g) => ({
      text: `Runs after ${g.noun} ${SINGULAR.has(g.noun) ? 'is' : 'are'} ${listed(g.verbs)}`,
      names: g.names,
    })),
  ];
  if (lines.length > 0) return lines;
  return [{ text: 'Changes nothing outside its own actions, rolls and commands', names: [] }];
}
