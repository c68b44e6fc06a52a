/** Actor data the tests' D&D 5e tables share. */

/**
 * A D&D 5e fighter's data as the example system's schema requires: every
 * ability 12, 12 hit points, proficient with simple and martial weapons.
 */
export const fighterData = (level = 1) => ({
  level,
  class: 'Fighter',
  abilities: Object.fromEntries(
    ['str', 'dex', 'con', 'int', 'wis', 'cha'].map((a) => [a, { score: 12, save: false }]),
  ),
  skills: {},
  hp: { value: 12, max: 12, temp: 0 },
  hitDie: 'd10',
  hitDiceSpent: 0,
  weaponProficiencies: ['simple', 'martial'],
  deathSaves: { successes: 0, failures: 0, stable: false, dead: false },
});
