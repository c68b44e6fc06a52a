/**
 * A session's document as one self-contained HTML page: inline CSS, no
 * scripts, no external resources, every piece of user or module text
 * HTML-escaped (a chat line `<img src=x onerror=...>` shows as text). The
 * route also sends {@link SESSION_HTML_CSP}, so even a mistake here could
 * run nothing.
 */
import {
  dieText,
  rollFacts,
  timeText,
  type DieView,
  type RollView,
  type SessionItem,
  type SessionWriter,
} from './session-items.js';

/** The page's Content-Security-Policy: its inline style only. */
export const SESSION_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Longest summary of an event on one line. */
const SUMMARY_CHARS = 300;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for HTML content and attribute values.
 *
 * @example
 * escapeHtml('<img src=x>'); // '&lt;img src=x&gt;'
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
.range { color: #666; margin-top: 0; }
ol.events { list-style: none; padding: 0; }
ol.events > li { padding: 0.35rem 0; border-bottom: 1px solid #eee; }
time { color: #888; font-size: 0.8rem; margin-right: 0.5rem; }
.text { white-space: pre-wrap; }
.whisper, .blind { color: #7a4fa0; font-size: 0.85rem; }
.event { color: #555; }
.event code { font-size: 0.8rem; }
.timeline { background: #f4f1e6; padding-left: 0.5rem; }
.roll ul { margin: 0.2rem 0; }
.die { display: inline-block; border: 1px solid #bbb; border-radius: 3px; padding: 0 0.3rem; margin: 0 0.1rem; }
.die.dropped, .die.rerolled { color: #999; text-decoration: line-through; }
.die.exploded { border-color: #c60; }
`.trim();

function dieHtml(die: DieView): string {
  const classes = ['die', die.standing, ...(die.marks.includes('exploded') ? ['exploded'] : [])];
  const title = escapeHtml(`d${die.sides}`);
  return `<span class="${classes.join(' ')}" title="${title}">${escapeHtml(dieText(die))}</span>`;
}

function rollHtml(roll: RollView): string {
  const facts = rollFacts(roll);
  const extra = facts.length === 0 ? '' : ` (${escapeHtml(facts.join(', '))})`;
  const terms = roll.terms
    .map((term) => {
      const label = term.label === null ? '' : ` ${escapeHtml(term.label)}`;
      const dropped = term.dropped ? ' (group dropped)' : '';
      const dice = term.dice.map(dieHtml).join(', ');
      return `<li><code>${escapeHtml(term.notation)}</code>${label}${dropped}: ${dice}</li>`;
    })
    .join('');
  return `<div class="roll">roll <code>${escapeHtml(roll.notation)}</code> = <b>${roll.total}</b>${extra}<ul>${terms}</ul></div>`;
}

function timeHtml(time: number): string {
  const at = timeText(time);
  return `<time datetime="${at}">${at}</time>`;
}

function itemHtml(item: SessionItem): string {
  switch (item.kind) {
    case 'message': {
      const whisper =
        item.whisper.length === 0
          ? ''
          : ` <span class="whisper">(whisper to ${escapeHtml(item.whisper.join(', '))})</span>`;
      const blind = item.blind ? ' <span class="blind">(blind)</span>' : '';
      const text = item.text === '' ? '' : ` <span class="text">${escapeHtml(item.text)}</span>`;
      const roll = item.roll === null ? '' : rollHtml(item.roll);
      return `<li class="message">${timeHtml(item.time)}<b>${escapeHtml(item.speaker)}</b>${whisper}${blind}:${text}${roll}</li>\n`;
    }
    case 'timeline': {
      const { title, date, category, text } = item.entry;
      const what = item.updated ? 'Timeline entry updated' : 'Timeline entry';
      const parts = [date, category].filter((p) => p !== '');
      const when = parts.length === 0 ? '' : ` (${escapeHtml(parts.join(', '))})`;
      const body = text === '' ? '' : `: <span class="text">${escapeHtml(text)}</span>`;
      return `<li class="timeline">${timeHtml(item.time)}<i>${what}:</i> <b>${escapeHtml(title)}</b>${when}${body}</li>\n`;
    }
    case 'event': {
      const summary =
        item.summary.length <= SUMMARY_CHARS
          ? item.summary
          : `${item.summary.slice(0, SUMMARY_CHARS - 1)}…`;
      return `<li class="event">${timeHtml(item.time)}${escapeHtml(item.author)} <code>${escapeHtml(item.type)}</code> ${escapeHtml(summary)}</li>\n`;
    }
  }
}

/**
 * The HTML writer of session documents.
 *
 * @example
 * HTML_WRITER.head({ campaignName: 'Tomb', session: 2, startedAt, endedAt });
 * // '<!doctype html>\n<html lang="en"><head>...<h1>Tomb: session 2</h1>...<ol class="events">\n'
 */
export const HTML_WRITER: SessionWriter = {
  head: ({ campaignName, session, startedAt, endedAt }) => {
    const title = escapeHtml(`${campaignName}: session ${session}`);
    const end = endedAt === null ? 'now (still running)' : timeHtml(endedAt);
    return (
      '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<title>${title}</title><style>${STYLE}</style></head>\n<body>\n` +
      `<h1>${title}</h1>\n<p class="range">${timeHtml(startedAt)} to ${end}</p>\n<ol class="events">\n`
    );
  },
  item: itemHtml,
  empty: '<li>Nothing to show.</li>\n',
  foot: '</ol>\n</body></html>\n',
};
