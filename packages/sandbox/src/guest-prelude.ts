/**
 * Guest-side code evaluated in every fresh QuickJS context before the
 * module's bundle. It is a function expression; the host calls it with the
 * host functions and gets back helpers that only the host holds (they are
 * never put on the guest's global object).
 *
 * It captures `JSON`, `Object` and `String` built-ins before the bundle runs,
 * so a bundle that replaces `JSON.stringify` only changes its own output,
 * which the host parses as JSON text anyway.
 *
 * It replaces the guest's sources of non-determinism:
 * - `Math.random()` draws from the module's own stream of the table's
 *   ChaCha20 generator (never the dice stream; the key stays on the host).
 * - `Date.now()` and `new Date()` return the host's clock for this call
 *   (constant during a call); `Date(...)` as a function formats that time.
 * - a frozen `sandbox` global: `random()`, `randomInt(bound)` (unbiased
 *   integer in [0, bound)), `roll(notation, { label })` (dice drawn and recorded by the
 *   host: the only dice a roll card may show) and `now()`.
 */
export const GUEST_PRELUDE = String.raw`(function (hostRandom, hostRandomInt, hostRoll, hostNow, maxResultChars, maxErrorChars) {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const hasOwn = Object.prototype.hasOwnProperty;
  const toText = String;
  const freeze = Object.freeze;
  const defineProperty = Object.defineProperty;
  const isInteger = Number.isInteger;
  const RealDate = Date;
  const EngineError = InternalError;

  const random = function random() { return hostRandom(); };
  const randomInt = function randomInt(bound) {
    if (!isInteger(bound) || bound < 1 || bound > 4294967296) {
      throw new RangeError('sandbox.randomInt expects an integer bound in 1..2^32, got ' + toText(bound));
    }
    return hostRandomInt(bound);
  };
  const now = function now() { return hostNow(); };
  const roll = function roll(notation, options) {
    const label = options !== null && typeof options === 'object' && options.label !== undefined ? toText(options.label) : undefined;
    const reply = parse(hostRoll(toText(notation), label));
    if (reply.error !== undefined) {
      const error = new RangeError(reply.error.message);
      error.code = reply.error.code;
      throw error;
    }
    return reply.result;
  };

  const SandboxDate = function Date(...args) {
    if (new.target === undefined) return new RealDate(hostNow()).toString();
    return args.length === 0 ? new RealDate(hostNow()) : new RealDate(...args);
  };
  SandboxDate.prototype = RealDate.prototype;
  SandboxDate.now = now;
  SandboxDate.UTC = RealDate.UTC;
  SandboxDate.parse = RealDate.parse;
  defineProperty(RealDate.prototype, 'constructor', { value: SandboxDate, writable: true, configurable: true });
  defineProperty(globalThis, 'Date', { value: SandboxDate, writable: true, configurable: true });
  defineProperty(Math, 'random', { value: random, writable: true, configurable: true });
  defineProperty(globalThis, 'sandbox', { value: freeze({ random, randomInt, roll, now }) });

  const MISSING = {};
  return {
    missing: MISSING,
    /**
     * Parses the argument and calls the function named name: a named export,
     * or a method of the default export. One crossing per call; MISSING when
     * there is no such function.
     */
    invoke(ns, name, json) {
      const arg = parse(json);
      if (hasOwn.call(ns, name) && typeof ns[name] === 'function') return ns[name](arg);
      const target = hasOwn.call(ns, 'default') ? ns.default : undefined;
      if (target !== null && typeof target === 'object' && hasOwn.call(target, name)) {
        const method = target[name];
        if (typeof method === 'function') return method.call(target, arg);
      }
      return MISSING;
    },
    /** JSON text, or a number (the length, when over the cap), or an error message string in an array. */
    toJson(value) {
      if (value === undefined) return 'null';
      if (typeof value === 'string' && value.length > maxResultChars) return value.length + 2;
      let text;
      try { text = stringify(value); } catch (error) {
        if (error instanceof EngineError) throw error; // out of memory, stack overflow: classified by the host
        return [describe(error).message];
      }
      if (typeof text !== 'string') return ['a ' + typeof value + ' has no JSON form'];
      return text.length > maxResultChars ? text.length : text;
    },
    describeError(error) { return stringify(describe(error)); },
  };

  function describe(error) {
    try {
      if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
        const name = error.name, message = error.message, stack = error.stack;
        return {
          name: toText(name === undefined ? 'Error' : name).slice(0, 200),
          message: toText(message === undefined ? '' : message).slice(0, maxErrorChars),
          stack: toText(stack === undefined ? '' : stack).slice(0, maxErrorChars),
        };
      }
      return { name: 'Thrown value', message: toText(error).slice(0, maxErrorChars), stack: '' };
    } catch (_) {
      return { name: 'Error', message: '(the thrown value could not be read)', stack: '' };
    }
  }
})`;
