import { VttError } from '../errors/vtt-error.js';

const CODE_0 = 48;
const CODE_9 = 57;

/** A read position in the notation, with the small scanning helpers the parser shares. */
export class Cursor {
  pos = 0;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The character at `pos + offset`, or `''` past the end. */
  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  /** Like {@link peek}, with ASCII letters lowercased (the notation is case-insensitive). */
  lower(offset = 0): string {
    const code = this.text.charCodeAt(this.pos + offset);
    return code >= 65 && code <= 90
      ? String.fromCharCode(code + 32)
      : this.text.charAt(this.pos + offset);
  }

  isDigit(offset = 0): boolean {
    const code = this.text.charCodeAt(this.pos + offset);
    return code >= CODE_0 && code <= CODE_9;
  }

  isLetter(offset = 0): boolean {
    const code = this.text.charCodeAt(this.pos + offset) | 0x20;
    return code >= 97 && code <= 122;
  }

  skipSpaces(): void {
    for (;;) {
      const ch = this.text.charAt(this.pos);
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return;
      this.pos++;
    }
  }

  /** Reads a run of digits as a number, or returns `undefined` when none is here. */
  readDigits(): number | undefined {
    const start = this.pos;
    while (this.isDigit()) this.pos++;
    return this.pos === start ? undefined : Number(this.text.slice(start, this.pos));
  }

  /** Throws `VTT_ERR_DICE_SYNTAX` at `position` (default: here) with `hint`. */
  fail(hint: string, position = this.pos): never {
    throw new VttError('VTT_ERR_DICE_SYNTAX', { position, column: position + 1, hint });
  }

  /** `'x'` for the character here, or `the end` past the end: for hints. */
  describeHere(): string {
    return this.done ? 'the end' : `'${this.peek()}'`;
  }
}
