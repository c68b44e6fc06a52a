/**
 * The six characteristics, their dice modifiers (DMs) and the UPP string.
 */

/** Characteristic keys as stored in `data.characteristics`, in UPP order. */
export const CHARACTERISTICS = ['str', 'dex', 'end', 'int', 'edu', 'soc'] as const;

/** One of the six characteristics. */
export type Characteristic = (typeof CHARACTERISTICS)[number];

/** The physical characteristics, the ones wounds reduce. */
export const PHYSICAL = ['str', 'dex', 'end'] as const;

/** One of the three physical characteristics. */
export type Physical = (typeof PHYSICAL)[number];

/** Abbreviations shown on chat cards. */
export const CHARACTERISTIC_LABELS = {
  str: 'STR',
  dex: 'DEX',
  end: 'END',
  int: 'INT',
  edu: 'EDU',
  soc: 'SOC',
} as const satisfies Record<Characteristic, string>;

/** The highest value a UPP digit can show: `Z`. */
export const MAX_CHARACTERISTIC = 33;

/**
 * UPP digits: 0-9, then letters from A = 10, skipping I and O (they read as
 * 1 and 0), so G = 16, H = 17, J = 18 ... N = 22, P = 23 ... Z = 33.
 */
const UPP_DIGITS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Whether `value` names a characteristic. */
export function isCharacteristic(value: unknown): value is Characteristic {
  return typeof value === 'string' && (CHARACTERISTICS as readonly string[]).includes(value);
}

/**
 * The dice modifier of a characteristic value: 0 is -3, 1-2 -2, 3-5 -1,
 * 6-8 +0, 9-11 +1, 12-14 +2, 15 and above +3.
 *
 * @example
 * characteristicDm(9); // 1
 */
export function characteristicDm(value: number): number {
  if (value <= 0) return -3;
  return Math.min(3, Math.floor(value / 3) - 2);
}

/**
 * The UPP digit of one value (clamped to 0-33).
 *
 * @example
 * uppDigit(10); // 'A'
 * uppDigit(18); // 'J'
 */
export function uppDigit(value: number): string {
  const clamped = Math.max(0, Math.min(MAX_CHARACTERISTIC, Math.trunc(value)));
  return UPP_DIGITS.charAt(clamped);
}

/**
 * The UPP string of six values in STR DEX END INT EDU SOC order.
 *
 * @example
 * uppString({ str: 7, dex: 10, end: 8, int: 11, edu: 9, soc: 5 }); // '7A8B95'
 */
export function uppString(values: Readonly<Record<Characteristic, number>>): string {
  return CHARACTERISTICS.map((key) => uppDigit(values[key])).join('');
}
