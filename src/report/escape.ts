/**
 * Makes untrusted text (config values, keys, file names from a pull request) inert in GitHub-flavoured
 * markdown: it renders as the same characters, but never as HTML, a link, a mention, an issue
 * reference, code, emphasis, a table cell boundary or math.
 */
import { oneLine } from './values.js';

/** An invisible character that breaks GitHub's mention, reference and autolink patterns. */
const BREAK = '&#8203;';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Characters with a meaning inline in GFM (emphasis, code, links, tables, strikethrough, math, escapes). */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~$!]/g;

export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`)
    .replace(/[&<>"]/g, (char) => HTML_ENTITIES[char])
    .replace(/#(?=\w)/g, `#${BREAK}`) // before the others: BREAK itself contains `#8203`
    .replace(/@/g, `@${BREAK}`)
    .replace(/:\/\//g, `:${BREAK}//`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${BREAK}.`);
}
