/**
 * Fixtures for the tests of this folder (not part of the public API): a
 * small but complete module, fresh objects on every call so tests can
 * break one field each.
 */
import type { ModuleManifest } from './manifest-types.js';
import type { SheetDefinition } from './sheet-types.js';
import type { CompendiumEntry } from './validate-compendium.js';

/** The data schema of the `character` actor type. */
export function characterSchema() {
  const ability = {
    type: 'object',
    additionalProperties: false,
    required: ['score'],
    properties: { score: { type: 'integer', minimum: 1, maximum: 30 } },
  };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['abilities', 'hp'],
    properties: {
      abilities: {
        type: 'object',
        additionalProperties: false,
        properties: { str: ability, dex: ability },
      },
      hp: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'max'],
        properties: { value: { type: 'integer' }, max: { type: 'integer', minimum: 1 } },
      },
      biography: { type: 'string', maxLength: 10000 },
      alignment: { type: 'string', enum: ['good', 'neutral', 'evil'] },
      inspired: { type: 'boolean' },
      notes: { type: 'array', items: { type: 'string' } },
    },
  };
}

/** The data schema of the `spell` item type. */
export function spellSchema() {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['level'],
    properties: {
      level: { type: 'integer', minimum: 0, maximum: 9 },
      school: { type: 'string' },
    },
  };
}

/** A valid manifest of a small system. */
export function exampleManifest(): ModuleManifest & Record<string, unknown> {
  return {
    id: 'tiny-fantasy',
    name: 'Tiny Fantasy',
    version: '1.2.0',
    kind: 'system',
    engine: '^0.1.0',
    dependencies: { 'dice-so-fancy': '>=2.0.0 <3' },
    entry: 'dist/module.js',
    actorTypes: {
      character: {
        label: 'Character',
        schema: characterSchema(),
        derived: {
          type: 'object',
          properties: { armorClass: { type: 'integer' } },
        },
        sheet: 'character-sheet',
      },
    },
    itemTypes: { spell: { label: 'Spell', schema: spellSchema() } },
    sheets: [
      {
        id: 'character-sheet',
        documentType: 'actor',
        type: 'character',
        path: 'sheets/character.json',
      },
    ],
    compendium: [
      {
        id: 'basic-spells',
        label: 'Basic Spells',
        documentType: 'item',
        type: 'spell',
        path: 'packs/spells.json',
      },
    ],
    assets: ['assets/**/*.webp', 'assets/logo.png'],
    authors: [{ name: 'Ada', email: 'ada@example.org', url: 'https://example.org' }],
    license: 'MIT',
    description: 'A tiny fantasy game system.',
    url: 'https://example.org/tiny-fantasy',
  };
}

/** A valid sheet for `character`. */
export function exampleSheet(): SheetDefinition {
  return {
    id: 'character-sheet',
    documentType: 'actor',
    type: 'character',
    title: 'Character',
    layout: [
      {
        kind: 'tabs',
        tabs: [
          {
            id: 'main',
            label: 'Main',
            children: [
              {
                kind: 'row',
                children: [
                  {
                    kind: 'field',
                    id: 'str',
                    path: '/abilities/str/score',
                    label: 'STR',
                    widget: 'number',
                  },
                  { kind: 'field', path: '/abilities/dex/score', label: 'DEX', widget: 'number' },
                  {
                    kind: 'roll',
                    roll: 'ability-check',
                    label: 'Check STR',
                    args: { ability: 'str' },
                  },
                ],
              },
              { kind: 'field', path: '/hp', label: 'HP', widget: 'resource' },
              { kind: 'field', path: '/armorClass', label: 'AC', widget: 'derived' },
              { kind: 'field', path: '/alignment', label: 'Alignment', widget: 'select' },
              { kind: 'field', path: '/inspired', label: 'Inspired', widget: 'checkbox' },
            ],
          },
          {
            id: 'bio',
            label: 'Biography',
            children: [
              {
                kind: 'section',
                title: 'Story',
                children: [
                  { kind: 'field', path: '/biography', label: 'Biography', widget: 'textarea' },
                  { kind: 'field', path: '/notes/0', label: 'First note', widget: 'text' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A valid compendium pack of spells. */
export function exampleSpells(): CompendiumEntry[] {
  return [
    {
      id: 'magic-missile',
      name: 'Magic Missile',
      type: 'spell',
      data: { level: 1, school: 'evocation' },
    },
    {
      id: 'light',
      name: 'Light',
      type: 'spell',
      data: { level: 0 },
      img: 'assets/spells/light.webp',
    },
  ];
}

/** The JSON files of the example module, by path. */
export function exampleFiles(): Record<string, unknown> {
  return { 'sheets/character.json': exampleSheet(), 'packs/spells.json': exampleSpells() };
}
