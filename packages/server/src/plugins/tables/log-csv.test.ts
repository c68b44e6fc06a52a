import { describe, expect, it } from 'vitest';
import { csvField } from './log-export.js';

describe('csvField', () => {
  it('quotes what RFC 4180 needs quoted and leaves the rest as is', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('keeps a spreadsheet from running a chat line as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1`)).toBe(`'${start}1`);
    expect(csvField('1-2')).toBe('1-2'); // only a leading sign counts
  });
});
