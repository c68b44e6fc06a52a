/** The shapes of combat history and statistics (see `createCombatStats`). */

/**
 * The rolls of one combatant in one combat, read from the typed outcome of
 * each named roll's chat card (`RollOutcome`) and from core's verified
 * rolls (`/roll`, `core:send-message` with a roll).
 */
export interface RollTally {
  /** Rolls made. */
  readonly count: number;
  /** Outcomes with `critical: 'success'`. */
  readonly crits: number;
  /** Outcomes with `critical: 'failure'` or a critical glitch (`glitch: 'critical'`). */
  readonly fumbles: number;
  /** Outcomes with a glitch or a critical glitch (dice-pool systems). */
  readonly glitches: number;
  /** Outcomes with a `margin` of 0 or more: the roll met its target, threshold or difficulty. */
  readonly successes: number;
  /** Outcomes with a negative `margin`. */
  readonly failures: number;
  /** The sum of the outcomes' `successes` (hits of a dice pool; core rolls counting successes). */
  readonly hits: number;
}

/** What one combatant did and suffered in one combat. */
export interface CombatantStats {
  readonly combatantId: string;
  /** Its display name as the reader may see it (`combatantName`), at the last time they saw it. */
  readonly name: string;
  /** The actor it stands for, or null. */
  readonly actorId: string | null;
  /** Turns it took. */
  readonly turns: number;
  readonly rolls: RollTally;
  /** Damage to combatants' health during its turns. */
  readonly damageDealt: number;
  /** Damage to its own actor's health, whoever's turn it was. */
  readonly damageTaken: number;
  /** Healing of combatants' health during its turns. */
  readonly healingDone: number;
  /** Healing of its own actor's health, whoever's turn it was. */
  readonly healingReceived: number;
}

/** One turn of a combat, in order. */
export interface CombatTurn {
  /** Seq of the `core:turn-advanced` event that began it. */
  readonly seq: number;
  readonly time: number;
  readonly round: number;
  /** The initiative pass (combats with passes only). */
  readonly pass?: number;
  readonly combatantId: string;
}

/** Rolls, damage and healing that no combatant the reader sees is credited with. */
export interface UnattributedStats {
  /** Rolls by a user with no combatant to credit (no actor named, not their turn, no own combatant). */
  readonly rolls: RollTally;
  /** Damage dealt outside any turn the reader sees (before round 1, or in a hidden combatant's turn). */
  readonly damage: number;
  /** Healing done outside any turn the reader sees. */
  readonly healing: number;
}

/** One combat: when it ran, its turns and each combatant's numbers. */
export interface CombatHistory {
  /** The combat's id (`combat<seq>`), unique in the campaign. */
  readonly id: string;
  readonly sceneId: string | null;
  readonly startedSeq: number;
  readonly startedAt: number;
  /** Null while the combat runs. */
  readonly endedSeq: number | null;
  readonly endedAt: number | null;
  /** The highest round reached (0: never started). */
  readonly rounds: number;
  readonly turns: readonly CombatTurn[];
  /** In the order they joined the combat. */
  readonly combatants: readonly CombatantStats[];
  readonly unattributed: UnattributedStats;
}

/** One actor's numbers summed over every combat of a campaign its combatants were in. */
export interface ActorCombatTotals {
  readonly actorId: string;
  /** The name of its latest combatant, as the reader saw it. */
  readonly name: string;
  /** Combats it was in. */
  readonly combats: number;
  readonly turns: number;
  readonly rolls: RollTally;
  readonly damageDealt: number;
  readonly damageTaken: number;
  readonly healingDone: number;
  readonly healingReceived: number;
}
