/**
 * What a session's document shows of each projected event, apart from
 * how it is written (Markdown or HTML): a chat message with its roll die
 * by die, a timeline entry, or a short line for any other event (its
 * summary from `log-summary.ts`). Made from the projected event only, so
 * it says no more than the requester received.
 */
import type { DieResult, RollResult, TermResult, TimelineEntry, ViewEvent } from '@vtt/core';
import { summaryOf } from './log-summary.js';
import type { ProjectedEntry } from './projected-history.js';

/** A die's standing in its roll: counted, removed by keep/drop, or replaced by a reroll. */
export type DieStanding = 'kept' | 'dropped' | 'rerolled';

/** One die as the document shows it. */
export interface DieView {
  /** Faces of the die (`'F'`: Fate). */
  readonly sides: number | 'F';
  /** What it shows (`DieResult.value`). */
  readonly value: number;
  readonly standing: DieStanding;
  /** What else happened to it, in words: `exploded`, `from explosion`, `clamped`, `success`, `failure`. */
  readonly marks: readonly string[];
}

/** One dice term of a roll (a pool's groups give one each). */
export interface TermView {
  readonly notation: string;
  readonly label: string | null;
  /** A pool's group its keep/drop removed. */
  readonly dropped: boolean;
  readonly dice: readonly DieView[];
}

/** A roll, every die of it. */
export interface RollView {
  readonly notation: string;
  readonly total: number;
  readonly successes: number | null;
  readonly failures: number | null;
  /** A module's glitch (`glitch`, `critical glitch`), from its chat card's data; null for none. */
  readonly glitch: string | null;
  readonly terms: readonly TermView[];
}

/** One item of the document, in the log's order. */
export type SessionItem =
  | {
      readonly kind: 'message';
      readonly time: number;
      /** The character spoken as, else the author's name. */
      readonly speaker: string;
      readonly text: string;
      /** Names of a whisper's recipients; empty for a public message. */
      readonly whisper: readonly string[];
      readonly blind: boolean;
      readonly roll: RollView | null;
    }
  | {
      readonly kind: 'timeline';
      readonly time: number;
      /** True for a change to an entry (or one the requester could not see until then). */
      readonly updated: boolean;
      readonly entry: Pick<TimelineEntry, 'title' | 'category' | 'text'> & {
        readonly date: string;
      };
    }
  | {
      readonly kind: 'event';
      readonly time: number;
      readonly author: string;
      readonly type: string;
      readonly summary: string;
    };

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function dieView(die: DieResult): DieView {
  const marks: string[] = [];
  if (die.exploded) marks.push('exploded');
  if (die.fromExplosion) marks.push('from explosion');
  if (die.clamped) marks.push('clamped');
  if (die.success) marks.push('success');
  if (die.failure) marks.push('failure');
  const standing = die.rerolled ? 'rerolled' : die.dropped ? 'dropped' : 'kept';
  return { sides: die.sides, value: die.value, standing, marks };
}

function termViews(term: TermResult, dropped = false): TermView[] {
  if (term.type === 'dice') {
    return [
      {
        notation: term.notation,
        label: term.label ?? null,
        dropped,
        dice: term.dice.map(dieView),
      },
    ];
  }
  return term.groups.flatMap((g) => g.terms.flatMap((t) => termViews(t, dropped || g.dropped)));
}

/** The glitch a module's chat card data carries (`glitch: 'glitch' | 'critical'`), if any. */
function glitchOf(flags: Fields): string | null {
  for (const data of Object.values(flags)) {
    if (!isFields(data)) continue;
    if (data['glitch'] === 'glitch') return 'glitch';
    if (data['glitch'] === 'critical') return 'critical glitch';
  }
  return null;
}

/**
 * A roll result with every die, as the document shows it.
 *
 * @example
 * rollView(message.roll, message.flags).terms[0].dice; // [{ value: 6, standing: 'kept', ... }, ...]
 */
export function rollView(roll: RollResult, flags: Fields = {}): RollView {
  return {
    notation: roll.notation,
    total: roll.total,
    successes: roll.successes ?? null,
    failures: roll.failures ?? null,
    glitch: glitchOf(flags),
    terms: roll.terms.flatMap((t) => termViews(t)),
  };
}

function timelineItem(time: number, doc: unknown, updated: boolean): SessionItem | null {
  if (!isFields(doc) || typeof doc['title'] !== 'string') return null;
  const date = isFields(doc['date']) ? doc['date'] : {};
  return {
    kind: 'timeline',
    time,
    updated,
    entry: {
      title: doc['title'],
      category: typeof doc['category'] === 'string' ? doc['category'] : '',
      text: typeof doc['text'] === 'string' ? doc['text'] : '',
      date: typeof date['label'] === 'string' ? date['label'] : String(date['value'] ?? ''),
    },
  };
}

/** A member's display name at the time, else their id (`core` for core's own notices). */
function nameOf({ context }: ProjectedEntry, userId: string): string {
  return context.memberName(userId) ?? userId;
}

/**
 * The document's item for one projected event.
 *
 * @example
 * for await (const entry of projectedForward(db, id, userId, keep, span)) write(sessionItem(entry));
 */
export function sessionItem(entry: ProjectedEntry): SessionItem {
  const e: ViewEvent = entry.event;
  if (e.type === 'core:message-posted') {
    const { message } = e.payload;
    const author = e.payload.author ?? e.author;
    return {
      kind: 'message',
      time: e.time,
      speaker: message.speaker ?? nameOf(entry, author),
      text: message.text,
      whisper: message.whisper.map((id) => nameOf(entry, id)),
      blind: message.blind,
      roll: message.roll === null ? null : rollView(message.roll, message.flags),
    };
  }
  const timeline =
    e.type === 'core:timeline-entry-created'
      ? timelineItem(e.time, e.payload.entry, false)
      : e.type === 'core:document-synced' && e.payload.collection === 'timeline'
        ? timelineItem(e.time, e.payload.doc, true)
        : null;
  if (timeline !== null) return timeline;
  return {
    kind: 'event',
    time: e.time,
    author: nameOf(entry, e.author),
    type: e.type,
    summary:
      e.type === 'core:dice-session-started'
        ? `session ${e.payload.session} started; dice commitment ${e.payload.commitment}`
        : e.type === 'core:dice-session-ended'
          ? `session ${e.payload.session} ended; dice seed revealed: ${e.payload.seed}`
          : summaryOf(e),
  };
}

/**
 * A die in words, as both formats write it: its value, then its standing
 * and marks in brackets.
 *
 * @example
 * dieText({ sides: 6, value: 1, standing: 'dropped', marks: [] }); // '1 (dropped)'
 */
export function dieText(die: DieView): string {
  return `${die.value} (${[die.standing, ...die.marks].join(', ')})`;
}

/**
 * The roll's counts beyond its total, in words (`3 successes`, `1 failure`, `glitch`).
 *
 * @example
 * rollFacts(rollView(result)); // ['2 successes']
 */
export function rollFacts(roll: RollView): string[] {
  const facts: string[] = [];
  if (roll.successes !== null) {
    facts.push(`${roll.successes} ${roll.successes === 1 ? 'success' : 'successes'}`);
  }
  if (roll.failures !== null) {
    facts.push(`${roll.failures} ${roll.failures === 1 ? 'failure' : 'failures'}`);
  }
  if (roll.glitch !== null) facts.push(roll.glitch);
  return facts;
}

/** What a document's title says. */
export interface SessionHeading {
  readonly campaignName: string;
  readonly session: number;
  readonly startedAt: number;
  /** Null while the session runs. */
  readonly endedAt: number | null;
}

/** Writes a document in one format: its head, each item, its foot. */
export interface SessionWriter {
  head(heading: SessionHeading): string;
  item(item: SessionItem): string;
  /** Written instead of the items when there are none. */
  readonly empty: string;
  readonly foot: string;
}

/**
 * A time as both formats write it: ISO 8601, UTC.
 *
 * @example
 * timeText(0); // '1970-01-01T00:00:00.000Z'
 */
export function timeText(time: number): string {
  return new Date(time).toISOString();
}
