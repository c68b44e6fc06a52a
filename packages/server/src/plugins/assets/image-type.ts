/**
 * What a file is, read from its first bytes (magic numbers): the one
 * source of an upload's type. Names and declared Content-Types are only
 * compared against it, never trusted.
 */

/** The image types the server stores, by MIME type. */
export const IMAGE_TYPES = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
} as const;

/** One of {@link IMAGE_TYPES}' MIME types. */
export type ImageMime = keyof typeof IMAGE_TYPES;

/** How many leading bytes {@link detectType} needs. */
export const SNIFF_BYTES = 512;

/** What {@link detectType} found. */
export type DetectedType =
  | { readonly kind: 'image'; readonly mime: ImageMime; readonly label: string }
  | { readonly kind: 'svg'; readonly label: string }
  | { readonly kind: 'other'; readonly label: string };

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Other formats worth naming in an error, by their magic bytes. */
const OTHERS: readonly {
  readonly magic: readonly number[];
  readonly at?: number;
  label: string;
}[] = [
  { magic: ascii('%PDF'), label: 'a PDF document' },
  { magic: [0x50, 0x4b, 0x03, 0x04], label: 'a ZIP archive' },
  { magic: ascii('BM'), label: 'a BMP image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], label: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], label: 'a TIFF image' },
  { magic: ascii('ftypavif'), at: 4, label: 'an AVIF image' },
  { magic: ascii('ftypheic'), at: 4, label: 'a HEIC image' },
  { magic: ascii('ftyp'), at: 4, label: 'an MP4 or QuickTime file' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], label: 'an ELF program' },
  { magic: ascii('MZ'), label: 'a Windows program' },
  { magic: [0x1f, 0x8b], label: 'a gzip archive' },
  { magic: ascii('OggS'), label: 'an Ogg audio file' },
  { magic: ascii('ID3'), label: 'an MP3 audio file' },
];

function textKind(head: Uint8Array): DetectedType {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text)) {
    return { kind: 'svg', label: 'an SVG image' };
  }
  if (text.startsWith('<?xml') && text.includes('<svg'))
    return { kind: 'svg', label: 'an SVG image' };
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.includes('<script')) {
    return { kind: 'other', label: 'HTML text' };
  }
  const printable = [...head].every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  return { kind: 'other', label: printable ? 'plain text' : 'data of an unknown type' };
}

/**
 * The type of a file from its first bytes (give at least {@link SNIFF_BYTES}
 * where the file has them).
 *
 * @example
 * detectType(await firstBytes(path)); // { kind: 'image', mime: 'image/png', label: 'a PNG image' }
 */
export function detectType(head: Uint8Array): DetectedType {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'image', mime: 'image/png', label: 'a PNG image' };
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) {
    return { kind: 'image', mime: 'image/jpeg', label: 'a JPEG image' };
  }
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) {
    return { kind: 'image', mime: 'image/gif', label: 'a GIF image' };
  }
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) {
    return { kind: 'image', mime: 'image/webp', label: 'a WebP image' };
  }
  for (const other of OTHERS) {
    if (startsWith(head, other.magic, other.at ?? 0)) return { kind: 'other', label: other.label };
  }
  if (head.length === 0) return { kind: 'other', label: 'an empty file' };
  return textKind(head);
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jfif: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

/**
 * The image type an upload claims, from its Content-Type and then its file
 * name's extension; null when it claims none we know (e.g.
 * `application/octet-stream` and no extension).
 *
 * @example
 * declaredType('image/png', 'map.png'); // 'image/png'
 */
export function declaredType(contentType: string | undefined, fileName: string): string | null {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime.startsWith('image/') || mime === 'text/html' || mime === 'application/pdf') {
    return mime === 'image/jpg' ? 'image/jpeg' : mime;
  }
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === undefined ? null : (EXTENSIONS[ext] ?? null);
}
