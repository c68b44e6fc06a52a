/**
 * A session's document as a download, Markdown or HTML: written in text
 * chunks while the projected events of the session stream in, so a long
 * session is never held whole.
 */
import { exportFileName } from './log-export.js';
import type { ProjectedEntry } from './projected-history.js';
import { HTML_WRITER } from './session-html.js';
import { sessionItem, type SessionHeading, type SessionWriter } from './session-items.js';
import { MARKDOWN_WRITER } from './session-markdown.js';

/** The formats of a session's document, with the content type and file extension of each. */
export const SESSION_FORMATS = {
  md: { contentType: 'text/markdown; charset=utf-8', ext: 'md' },
  html: { contentType: 'text/html; charset=utf-8', ext: 'html' },
} as const;
/** One of {@link SESSION_FORMATS}. */
export type SessionFormat = keyof typeof SESSION_FORMATS;

const WRITERS: Readonly<Record<SessionFormat, SessionWriter>> = {
  md: MARKDOWN_WRITER,
  html: HTML_WRITER,
};

/** Text gathered before it is handed on as one chunk. */
const CHUNK_CHARS = 16_384;

/**
 * The document's text, in chunks of about 16 KiB, as `entries` (the
 * session's projected events, oldest first) arrive. For a Node `Readable`
 * (`Readable.from`), so a slow download holds the reading back.
 *
 * @example
 * const entries = projectedForward(db, id, userId, keep, { from: span.fromSeq, to: span.toSeq });
 * reply.send(Readable.from(exportSession(entries, 'html', heading)));
 */
export async function* exportSession(
  entries: AsyncIterable<ProjectedEntry>,
  format: SessionFormat,
  heading: SessionHeading,
): AsyncGenerator<string, void, undefined> {
  const writer = WRITERS[format];
  let chunk = writer.head(heading);
  let first = true;
  for await (const entry of entries) {
    chunk += writer.item(sessionItem(entry));
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + (first ? writer.empty : '') + writer.foot;
}

/** The suffix {@link exportFileName} puts after the campaign's name for JSON. */
const LOG_SUFFIX = '-log.json';

/**
 * The download's file name: the campaign's name reduced as the log
 * export's is (letters, digits, `.`, `_` and `-`), then `-session-<n>.<ext>`.
 *
 * @example
 * sessionFileName('Tomb of Horrors!', 2, 'html'); // 'Tomb-of-Horrors-session-2.html'
 */
export function sessionFileName(
  campaignName: string,
  session: number,
  format: SessionFormat,
): string {
  const base = exportFileName(campaignName, 'json').slice(0, -LOG_SUFFIX.length);
  return `${base}-session-${session}.${SESSION_FORMATS[format].ext}`;
}
