/**
 * Crafted archives broken at the gzip or tar layer, each with the code the
 * reader must refuse it with.
 */
import { concat, craftArchive, craftTar, gzip } from './craft-tar.js';
import { altered, file, text, type RefusalCase } from './refusal-case.js';

export const containerRefusals: readonly RefusalCase[] = [
  // gzip layer
  { name: 'empty input', code: 'NOT_GZIP', archive: () => new Uint8Array(0) },
  { name: 'a plain tar', code: 'NOT_GZIP', archive: () => craftTar([file('a')]) },
  {
    name: 'a bad gzip CRC',
    code: 'CORRUPT',
    archive: () => altered((b) => b.map((x, i) => (i === b.length - 6 ? x ^ 0xff : x))),
  },
  {
    name: 'a bad gzip length',
    code: 'CORRUPT',
    archive: () => altered((b) => b.map((x, i) => (i === b.length - 2 ? x ^ 1 : x))),
  },
  {
    name: 'invalid deflate data',
    code: 'CORRUPT',
    archive: () => Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff),
  },
  {
    name: 'a cut-off gzip stream',
    code: 'TRUNCATED',
    archive: () => altered((b) => b.subarray(0, b.length - 40)),
  },
  {
    name: 'a missing gzip trailer',
    code: 'TRUNCATED',
    archive: () => altered((b) => b.subarray(0, b.length - 3)),
  },
  {
    name: 'garbage after the gzip stream',
    code: 'TRAILING_DATA',
    archive: () => altered((b) => concat([b, text('garbage')])),
  },
  {
    name: 'zeros after the gzip stream',
    code: 'TRAILING_DATA',
    archive: () => altered((b) => concat([b, new Uint8Array(16)])),
  },
  {
    name: 'a second gzip member',
    code: 'TRAILING_DATA',
    archive: () => altered((b) => concat([b, gzip(craftTar([file('../evil')]))])),
  },
  // tar layer
  {
    name: 'contents cut off',
    code: 'TRUNCATED',
    archive: () => gzip(craftTar([file('a', 'x'.repeat(2000))]).subarray(0, 1024)),
  },
  {
    name: 'no end marker',
    code: 'TRUNCATED',
    archive: () => craftArchive([file('a')], { end: new Uint8Array(0) }),
  },
  {
    name: 'half an end marker',
    code: 'TRUNCATED',
    archive: () => craftArchive([file('a')], { end: new Uint8Array(512) }),
  },
  {
    name: 'garbage after the end marker',
    code: 'TRAILING_DATA',
    archive: () => craftArchive([file('a')], { end: concat([new Uint8Array(1024), text('evil')]) }),
  },
  {
    name: 'zero padding after the end marker',
    code: 'TRAILING_DATA',
    archive: () => craftArchive([file('a')], { end: new Uint8Array(10240) }),
  },
  {
    name: 'a zero block then a header',
    code: 'TRAILING_DATA',
    archive: () =>
      craftArchive([file('a')], {
        end: concat([new Uint8Array(512), craftTar([file('../evil')])]),
      }),
  },
  {
    name: 'a bad header checksum',
    code: 'BAD_CHECKSUM',
    archive: () => craftArchive([{ ...file('a'), checksumDelta: 1 }]),
  },
  {
    name: 'a GNU header',
    code: 'NOT_USTAR',
    archive: () => craftArchive([{ ...file('a'), magic: 'ustar ', version: ' \0' }]),
  },
  {
    name: 'a v7 header',
    code: 'NOT_USTAR',
    archive: () => craftArchive([{ ...file('a'), magic: '\0\0\0\0\0\0', version: '\0\0' }]),
  },
  {
    name: 'a non-octal size',
    code: 'BAD_HEADER',
    archive: () => craftArchive([{ ...file('a'), sizeField: '0000000001x\0' }]),
  },
  {
    name: 'a base-256 size',
    code: 'BAD_HEADER',
    archive: () =>
      craftArchive([{ ...file('a'), sizeField: Uint8Array.of(0x80, ...new Uint8Array(10), 1) }]),
  },
  {
    name: 'a pax header',
    code: 'EXTENSION_HEADER',
    archive: () =>
      craftArchive([{ name: 'PaxHeader/a', type: 'x', data: '30 path=../../evil\n' }, file('a')]),
  },
  {
    name: 'a pax global header',
    code: 'EXTENSION_HEADER',
    archive: () => craftArchive([{ name: 'pax_global_header', type: 'g', data: '' }]),
  },
  {
    name: 'a GNU long name',
    code: 'EXTENSION_HEADER',
    archive: () =>
      craftArchive([{ name: '././@LongLink', type: 'L', data: '../../evil\0' }, file('a')]),
  },
  {
    name: 'a GNU long link',
    code: 'EXTENSION_HEADER',
    archive: () => craftArchive([{ name: '././@LongLink', type: 'K', data: '/etc/passwd\0' }]),
  },
  {
    name: 'a symlink',
    code: 'SYMLINK',
    archive: () => craftArchive([{ name: 'evil', type: '2', linkname: '../../evil' }]),
  },
  {
    name: 'a hard link',
    code: 'HARDLINK',
    archive: () => craftArchive([{ name: 'evil', type: '1', linkname: '/etc/passwd' }]),
  },
  {
    name: 'a character device',
    code: 'SPECIAL_FILE',
    archive: () => craftArchive([{ name: 'evil', type: '3' }]),
  },
  {
    name: 'a block device',
    code: 'SPECIAL_FILE',
    archive: () => craftArchive([{ name: 'evil', type: '4' }]),
  },
  {
    name: 'a FIFO',
    code: 'SPECIAL_FILE',
    archive: () => craftArchive([{ name: 'evil', type: '6' }]),
  },
  {
    name: 'a directory entry',
    code: 'ENTRY_TYPE',
    archive: () => craftArchive([{ name: 'assets/', type: '5' }]),
  },
  {
    name: 'a contiguous file',
    code: 'ENTRY_TYPE',
    archive: () => craftArchive([{ name: 'a', type: '7' }]),
  },
  {
    name: 'an unknown type',
    code: 'ENTRY_TYPE',
    archive: () => craftArchive([{ name: 'a', type: 'Z' }]),
  },
];
