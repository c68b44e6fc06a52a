/**
 * A session's document in Markdown: a title, then one list item per
 * event, a roll's dice as sub-items. Every piece of user or module text
 * has its markup characters escaped (as the log's Markdown export does),
 * so a chat line cannot add links, images or HTML to the document.
 */
import { mdText } from './log-export.js';
import {
  dieText,
  rollFacts,
  timeText,
  type RollView,
  type SessionItem,
  type SessionWriter,
} from './session-items.js';

/** Longest summary of an event on one line. */
const SUMMARY_CHARS = 300;

/** Text inside a code span: no backticks, one line. */
function mdCode(value: string): string {
  return `\`${value.replace(/\s+/g, ' ').replaceAll('`', '')}\``;
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function rollLines(roll: RollView): string {
  const facts = rollFacts(roll);
  let out = `  - roll ${mdCode(roll.notation)} = **${roll.total}**`;
  out += facts.length === 0 ? '\n' : ` (${facts.join(', ')})\n`;
  for (const term of roll.terms) {
    const label = term.label === null ? '' : ` ${mdText(term.label)}`;
    const dropped = term.dropped ? ' (group dropped)' : '';
    out += `    - ${mdCode(term.notation)}${label}${dropped}: ${term.dice.map(dieText).join(', ')}\n`;
  }
  return out;
}

function itemText(item: SessionItem): string {
  const time = timeText(item.time);
  switch (item.kind) {
    case 'message': {
      const whisper =
        item.whisper.length === 0 ? '' : ` (whisper to ${mdText(item.whisper.join(', '))})`;
      const blind = item.blind ? ' (blind)' : '';
      const text = item.text === '' ? '' : ` ${mdText(item.text)}`;
      const said = `- ${time} **${mdText(item.speaker)}**${whisper}${blind}:${text}\n`;
      return item.roll === null ? said : said + rollLines(item.roll);
    }
    case 'timeline': {
      const { title, date, category, text } = item.entry;
      const what = item.updated ? 'Timeline entry updated' : 'Timeline entry';
      const parts = [date, category].filter((p) => p !== '').map(mdText);
      const when = parts.length === 0 ? '' : ` (${parts.join(', ')})`;
      const body = text === '' ? '' : `: ${mdText(text)}`;
      return `- ${time} ***${what}:*** **${mdText(title)}**${when}${body}\n`;
    }
    case 'event':
      return `- ${time} ${mdText(item.author)} ${mdCode(item.type)} ${mdText(clip(item.summary, SUMMARY_CHARS))}\n`;
  }
}

/**
 * The Markdown writer of session documents.
 *
 * @example
 * MARKDOWN_WRITER.head({ campaignName: 'Tomb', session: 2, startedAt, endedAt: null });
 * // '# Tomb: session 2\n\n2024-05-01T18:00:00.000Z to now (still running)\n\n'
 */
export const MARKDOWN_WRITER: SessionWriter = {
  head: ({ campaignName, session, startedAt, endedAt }) => {
    const end = endedAt === null ? 'now (still running)' : timeText(endedAt);
    return `# ${mdText(campaignName)}: session ${session}\n\n${timeText(startedAt)} to ${end}\n\n`;
  },
  item: itemText,
  empty: 'Nothing to show.\n',
  foot: '',
};
