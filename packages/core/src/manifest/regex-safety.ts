/** The longest `pattern` (or `patternProperties` key) a module's schema may use. */
export const MAX_PATTERN_LENGTH = 256;

/**
 * Heuristic check of a regular expression from an untrusted schema. Returns
 * the problem (`'longer than 256 characters'`, `'prone to catastrophic
 * backtracking: ...'`) or `undefined` when the pattern looks safe. It
 * rejects nested repetition where either level is unbounded (as safe-regex's
 * star height): `(a+)+`, `(a*)*`, `(\w+\s?)*`, `(\d{1,3})+`, `(x+){2}`;
 * bounded inside bounded such as `(\.\d{1,3}){3}` passes. It does not prove
 * a pattern safe (overlapping alternatives such as `(a|a)+` pass); the
 * length cap bounds the rest. Invalid syntax is left to the schema compiler.
 *
 * @example
 * findUnsafePattern('^(a+)+$'); // 'prone to catastrophic backtracking: nested repetition "(a+)+"'
 * findUnsafePattern('^[a-z]+$'); // undefined
 */
export function findUnsafePattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `${pattern.length} characters long, over the limit of ${MAX_PATTERN_LENGTH}`;
  }
  // Each open group: where it starts, whether it repeats something inside (and without bound).
  const groups: Group[] = [{ start: 0, repeats: false, unbounded: false }];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      i += 2;
    } else if (ch === '[') {
      i = skipClass(pattern, i);
    } else if (ch === '(') {
      groups.push({ start: i, repeats: false, unbounded: false });
      i++;
    } else if (ch === ')' && groups.length > 1) {
      const inner = groups.pop() as Group;
      const outer = groups[groups.length - 1] as Group;
      const q = readQuantifier(pattern, i + 1);
      // Bounded inside bounded, like (\.\d{1,3}){3}, only costs a constant factor.
      if ((q.repeats && inner.unbounded) || (q.unbounded && inner.repeats)) {
        const text = pattern.slice(inner.start, i + 1 + q.length);
        return `prone to catastrophic backtracking: nested repetition "${text.slice(0, 40)}"`;
      }
      outer.repeats ||= inner.repeats || q.repeats;
      outer.unbounded ||= inner.unbounded || q.unbounded;
      i += 1 + q.length;
    } else {
      const q = readQuantifier(pattern, i);
      const top = groups[groups.length - 1] as Group;
      top.repeats ||= q.repeats;
      top.unbounded ||= q.unbounded;
      i += Math.max(1, q.length);
    }
  }
  return undefined;
}

interface Group {
  start: number;
  repeats: boolean;
  unbounded: boolean;
}

function skipClass(pattern: string, start: number): number {
  let i = start + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Reads a quantifier at `i` (with its lazy `?`); `length` 0 when there is none. */
function readQuantifier(
  pattern: string,
  i: number,
): { repeats: boolean; unbounded: boolean; length: number } {
  const ch = pattern[i];
  let length = 0;
  let repeats = false;
  let unbounded = false;
  if (ch === '*' || ch === '+') {
    length = 1;
    repeats = true;
    unbounded = true;
  } else if (ch === '?') {
    length = 1;
  } else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    if (m) {
      length = m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      repeats = max > 1;
      unbounded = max === Infinity;
    }
  }
  if (length > 0 && pattern[i + length] === '?') length++;
  return { repeats, unbounded, length };
}
