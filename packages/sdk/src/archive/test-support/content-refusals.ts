/**
 * Crafted archives with hostile names, over the limits, or with a missing or
 * mismatching integrity record, each with the code the reader must refuse it with.
 */
import { craftArchive, craftTar, gzip, integrityEntry } from './craft-tar.js';
import { file, listed, MiB, text, withRecord, type RefusalCase } from './refusal-case.js';

export const contentRefusals: readonly RefusalCase[] = [
  // names
  { name: 'a ../ path', code: 'PATH_TRAVERSAL', archive: () => craftArchive([file('../evil')]) },
  {
    name: 'a nested .. path',
    code: 'PATH_TRAVERSAL',
    archive: () => craftArchive([file('a/../../evil')]),
  },
  {
    name: 'a .. hidden in the prefix',
    code: 'PATH_TRAVERSAL',
    archive: () => craftArchive([{ ...file('evil'), prefix: '..' }]),
  },
  {
    name: 'an absolute path',
    code: 'PATH_ABSOLUTE',
    archive: (base) => craftArchive([file(`${base}/evil`)]),
  },
  { name: 'a drive letter', code: 'PATH_DRIVE', archive: () => craftArchive([file('C:/evil')]) },
  {
    name: 'a drive-relative path',
    code: 'PATH_DRIVE',
    archive: () => craftArchive([file('c:evil')]),
  },
  { name: 'a backslash', code: 'PATH_BACKSLASH', archive: () => craftArchive([file('..\\evil')]) },
  {
    name: 'a NUL inside the name',
    code: 'PATH_CONTROL_CHAR',
    archive: () => craftArchive([{ name: text('evil\0../../x'), data: 'x' }]),
  },
  {
    name: 'a newline in the name',
    code: 'PATH_CONTROL_CHAR',
    archive: () => craftArchive([file('evil\n.json')]),
  },
  {
    name: 'an escape sequence in the name',
    code: 'PATH_CONTROL_CHAR',
    archive: () => craftArchive([file('\u001b[31mred')]),
  },
  {
    name: 'a Windows device name',
    code: 'PATH_INVALID',
    archive: () => craftArchive([file('assets/CON.txt')]),
  },
  {
    name: 'a colon (NTFS stream)',
    code: 'PATH_INVALID',
    archive: () => craftArchive([file('a.json:evil')]),
  },
  {
    name: 'a name ending in a dot',
    code: 'PATH_INVALID',
    archive: () => craftArchive([file('evil.')]),
  },
  {
    name: 'a regular file named like a folder',
    code: 'PATH_INVALID',
    archive: () => craftArchive([file('assets/')]),
  },
  {
    name: 'a name of only dots and slashes',
    code: 'PATH_INVALID',
    archive: () => craftArchive([file('././')]),
  },
  {
    name: 'a name that is not UTF-8',
    code: 'PATH_INVALID',
    archive: () => craftArchive([{ name: Uint8Array.of(0x61, 0xff, 0xfe), data: 'x' }]),
  },
  {
    name: 'an exact duplicate',
    code: 'DUPLICATE_ENTRY',
    archive: () => craftArchive([file('a.json', '1'), file('a.json', '2')]),
  },
  {
    name: 'a duplicate after normalisation',
    code: 'DUPLICATE_ENTRY',
    archive: () => craftArchive([file('a/b', '1'), file('a/./b', '2')]),
  },
  {
    name: 'a duplicate with a double slash',
    code: 'DUPLICATE_ENTRY',
    archive: () => craftArchive([file('a/b', '1'), file('a//b', '2')]),
  },
  {
    name: 'a case-folded duplicate',
    code: 'CASE_COLLISION',
    archive: () => craftArchive([file('Map.png', '1'), file('map.png', '2')]),
  },
  {
    name: 'a Unicode-normalised duplicate',
    code: 'CASE_COLLISION',
    archive: () => craftArchive([file('caf\u00e9', '1'), file('cafe\u0301', '2')]),
  },
  {
    name: 'a second integrity record',
    code: 'CASE_COLLISION',
    archive: () => craftArchive([file('VTT-INTEGRITY.JSON', '{}')]),
  },
  {
    name: 'a file used as a folder',
    code: 'PATH_CONFLICT',
    archive: () => craftArchive([file('a', '1'), file('a/b', '2')]),
  },
  // limits
  {
    name: '2,001 entries',
    code: 'TOO_MANY_ENTRIES',
    archive: () => craftArchive(Array.from({ length: 2000 }, (_, i) => file(`e${i}`))),
  },
  {
    name: 'a path 17 segments deep',
    code: 'PATH_TOO_DEEP',
    archive: () => craftArchive([file(Array(17).fill('d').join('/'))]),
  },
  {
    name: 'a path of 241 characters',
    code: 'PATH_TOO_LONG',
    archive: () =>
      craftArchive([{ ...file('c'.repeat(99)), prefix: `${'a'.repeat(70)}/${'b'.repeat(70)}` }]),
  },
  {
    name: 'a name over 100 bytes',
    code: 'PATH_TOO_LONG',
    archive: () => craftArchive([{ ...file('b'), prefix: 'a'.repeat(120) }]),
  },
  {
    name: 'an entry over 16 MiB',
    code: 'ENTRY_TOO_LARGE',
    archive: () => craftArchive([{ name: 'big', data: new Uint8Array(16 * MiB + 1) }]),
  },
  {
    name: 'a total over 64 MiB',
    code: 'TOO_LARGE',
    archive: () =>
      craftArchive(
        Array.from({ length: 5 }, (_, i) => ({ name: `big${i}`, data: new Uint8Array(14 * MiB) })),
      ),
  },
  {
    name: 'a total over a custom limit',
    code: 'TOO_LARGE',
    limits: { maxTotalBytes: 1000 },
    archive: () =>
      craftArchive([
        file('a', 'x'.repeat(300)),
        file('b', 'y'.repeat(300)),
        file('c', 'z'.repeat(300)),
      ]),
  },
  // the integrity record
  {
    name: 'no integrity record',
    code: 'INTEGRITY_MISSING',
    archive: () => craftArchive([file('a')], { withIntegrity: false }),
  },
  {
    name: 'an empty archive',
    code: 'INTEGRITY_MISSING',
    archive: () => craftArchive([], { withIntegrity: false }),
  },
  {
    name: 'the record not first',
    code: 'INTEGRITY_MISSING',
    archive: () => gzip(craftTar([file('a'), integrityEntry(listed([file('a')]))])),
  },
  {
    name: 'a record that is not JSON',
    code: 'INTEGRITY_INVALID',
    archive: () => gzip(craftTar([file('vtt-integrity.json', '{nope'), file('a')])),
  },
  {
    name: 'a record with an unknown field',
    code: 'INTEGRITY_INVALID',
    archive: () => withRecord({ ...listed([file('a')]), signedBy: 'me' }, [file('a')]),
  },
  {
    name: 'a record listing a path twice',
    code: 'INTEGRITY_INVALID',
    archive: () => {
      const r = listed([file('a')]);
      return withRecord({ ...r, files: [...r.files, ...r.files] }, [file('a')]);
    },
  },
  {
    name: 'a file whose sha256 differs',
    code: 'INTEGRITY_MISMATCH',
    archive: () => withRecord(listed([file('a', 'y')]), [file('a', 'x')]),
  },
  {
    name: 'a file whose size differs',
    code: 'INTEGRITY_MISMATCH',
    archive: () => withRecord(listed([file('a', 'xy')]), [file('a', 'x')]),
  },
  {
    name: 'a file not listed',
    code: 'INTEGRITY_UNLISTED',
    archive: () => withRecord(listed([file('a')]), [file('a'), file('b')]),
  },
  {
    name: 'a listed file missing',
    code: 'INTEGRITY_FILE_MISSING',
    archive: () => withRecord(listed([file('a'), file('b')]), [file('a')]),
  },
  {
    name: 'a wrong digest',
    code: 'DIGEST_MISMATCH',
    archive: () => withRecord({ ...listed([file('a')]), digest: '0'.repeat(64) }, [file('a')]),
  },
];
