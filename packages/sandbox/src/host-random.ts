/**
 * The worker side of a guest's randomness. It holds the table's generator
 * state for the length of one call, so the key never enters QuickJS memory:
 * the guest receives only outputs. Dice come whole from `roll` (drawn and
 * recorded here, so the table host can check every roll a module presents);
 * `Math.random()` and `sandbox.random*()` read the module's own stream,
 * which says nothing about the dice.
 */
import {
  createRng,
  drawRoll,
  isVttError,
  withForcedFaces,
  type Rng,
  type RngState,
  type RollRecord,
} from '@vtt/core';

/** Most dice one call may draw through `sandbox.roll`: records go back to the host. */
export const MAX_DRAWS_PER_CALL = 100_000;

/** One guest's randomness across calls; `begin` and `end` bracket each call. */
export class HostRandom {
  private dice: Rng;
  private random: Rng;
  private rolls: RollRecord[] = [];
  private ids = new Set<string>();
  private draws = 0;
  private forced: number[] = [];
  private forcedGiven = 0;

  /** @param stream the stream of the guest's `Math.random()`, e.g. `module:<instance key>` */
  constructor(readonly stream: string) {
    this.dice = createRng(0);
    this.random = createRng(0, stream);
  }

  /** Starts a call that draws from `state`, serving `forced` faces (tests only) first. */
  begin(state: RngState, forced: readonly number[] | undefined): void {
    this.forced = forced === undefined ? [] : [...forced];
    this.forcedGiven = this.forced.length;
    const dice = createRng(state);
    this.dice = this.forced.length > 0 ? withForcedFaces(dice, this.forced) : dice;
    this.random = createRng(state, this.stream);
    this.rolls = [];
    this.ids = new Set();
    this.draws = 0;
  }

  /** The state after the call's draws, the call's roll records and the forced faces used. */
  end(): { rng: RngState; rolls: readonly RollRecord[]; forcedUsed: number } {
    return {
      rng: { ...this.dice.state(), streams: this.random.state().streams },
      rolls: this.rolls,
      forcedUsed: this.forcedGiven - this.forced.length,
    };
  }

  /** `Math.random()`: a float in [0, 1) from the module's stream. */
  float(): number {
    return this.random.nextFloat();
  }

  /** `sandbox.randomInt(bound)`: an unbiased integer in [0, bound) from the module's stream. */
  int(bound: number): number {
    return this.random.below(bound);
  }

  /**
   * `sandbox.roll(notation, { label })`: rolls with the table's dice and records it.
   * Returns JSON text, `{"result": RollResult}` (its `id` names the record)
   * or `{"error": {code, message}}` for notation the engine refuses.
   */
  roll(notation: string, label?: string): string {
    try {
      if (this.draws >= MAX_DRAWS_PER_CALL) {
        return JSON.stringify({
          error: {
            code: 'VTT_ERR_DICE_TOO_MANY_DICE',
            message: `One call may draw at most ${MAX_DRAWS_PER_CALL} dice.`,
          },
        });
      }
      let id = `${this.dice.stream}@${this.dice.position()}`;
      for (let n = 2; this.ids.has(id); n++)
        id = `${this.dice.stream}@${this.dice.position()}#${n}`;
      const { result, record } = drawRoll(this.dice, notation, {
        id,
        ...(label === undefined ? {} : { label }),
      });
      this.ids.add(record.id);
      this.rolls.push(record);
      this.draws += record.draws.length;
      return JSON.stringify({ result });
    } catch (error) {
      if (isVttError(error)) {
        return JSON.stringify({ error: { code: error.code, message: error.message } });
      }
      if (error instanceof RangeError) {
        return JSON.stringify({
          error: { code: 'VTT_ERR_DICE_SOURCE_VALUE', message: error.message },
        });
      }
      throw error;
    }
  }
}
