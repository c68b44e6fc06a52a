/**
 * The activity log as a download: JSON (one array), CSV (RFC 4180) or
 * Markdown, written as text chunks while the projected events stream in,
 * so a long log is never held whole.
 */
import type { ViewEvent } from '@vtt/core';
import { categoryOf } from './log-categories.js';
import { summaryOf } from './log-summary.js';
import type { ProjectedEntry } from './projected-history.js';

/** The export formats, with the content type and file extension of each. */
export const EXPORT_FORMATS = {
  json: { contentType: 'application/json; charset=utf-8', ext: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', ext: 'csv' },
  md: { contentType: 'text/markdown; charset=utf-8', ext: 'md' },
} as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** What an export is of. */
export interface ExportOptions {
  readonly format: ExportFormat;
  /** The campaign's name, for the Markdown heading. */
  readonly campaignName: string;
}

/** Text gathered before it is handed on as one chunk. */
const CHUNK_CHARS = 16_384;
/** Longest summary on a Markdown line. */
const MD_SUMMARY_CHARS = 300;

/** The CSV columns, in order. */
const CSV_HEADER = ['seq', 'time', 'type', 'category', 'author', 'summary', 'payload-json'];

/**
 * A CSV field (RFC 4180): quoted, with its quotes doubled, when it holds a
 * comma, quote, CR or LF; as it is otherwise. A field that a spreadsheet
 * would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a CR:
 * a player's chat line `=HYPERLINK(...)` in the GM's spreadsheet) gets a
 * leading `'`, so it is shown as text.
 *
 * @example
 * csvField('say "hi", then go'); // '"say ""hi"", then go"'
 * csvField('=1+1'); // "'=1+1"
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Text for one Markdown line: whitespace runs as one space, markup characters escaped (the session export's too). */
export function mdText(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~#]/g, '\\$&');
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The author's display name at the time, else their id (`core` for core's own notices). */
function authorOf({ event, context }: ProjectedEntry): string {
  return context.memberName(event.author) ?? event.author;
}

function csvRow(entry: ProjectedEntry): string {
  const e: ViewEvent = entry.event;
  return (
    [
      String(e.seq),
      new Date(e.time).toISOString(),
      e.type,
      categoryOf(e),
      authorOf(entry),
      summaryOf(e),
      JSON.stringify(e.payload),
    ]
      .map(csvField)
      .join(',') + '\r\n'
  );
}

function mdLine(entry: ProjectedEntry): string {
  const e = entry.event;
  const summary = mdText(clip(summaryOf(e), MD_SUMMARY_CHARS));
  const type = e.type.replaceAll('`', '');
  return `- ${new Date(e.time).toISOString()} **${mdText(authorOf(entry))}** \`${type}\` ${summary}\n`;
}

/**
 * The export's text, in chunks of about 16 KiB, as `entries` arrive
 * (oldest first). For a Node `Readable` (`Readable.from`), so a slow
 * download holds the reading back.
 *
 * @example
 * const entries = projectedForward(db, id, userId, logFilter({}));
 * reply.send(Readable.from(exportLog(entries, { format: 'csv', campaignName: 'Tomb' })));
 */
export async function* exportLog(
  entries: AsyncIterable<ProjectedEntry>,
  options: ExportOptions,
): AsyncGenerator<string, void, undefined> {
  let chunk =
    options.format === 'csv'
      ? `${CSV_HEADER.join(',')}\r\n`
      : options.format === 'md'
        ? `# Activity log of ${mdText(options.campaignName)}\n\n`
        : '[';
  let first = true;
  for await (const entry of entries) {
    if (options.format === 'json') {
      chunk += `${first ? '\n' : ',\n'}${JSON.stringify(entry.event)}`;
    } else {
      chunk += options.format === 'csv' ? csvRow(entry) : mdLine(entry);
    }
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (options.format === 'json') chunk += first ? ']\n' : '\n]\n';
  if (options.format === 'md' && first) chunk += 'Nothing to show.\n';
  yield chunk;
}

/**
 * The download's file name: the campaign's name reduced to letters,
 * digits, `.`, `_` and `-` (other runs become one `-`), then `-log.<ext>`.
 *
 * @example
 * exportFileName('Tomb of Horrors!', 'csv'); // 'Tomb-of-Horrors-log.csv'
 */
export function exportFileName(campaignName: string, format: ExportFormat): string {
  const base = campaignName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 60)
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${base === '' ? 'campaign' : base}-log.${EXPORT_FORMATS[format].ext}`;
}
