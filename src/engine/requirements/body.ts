const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
/** Lines a PR template leaves for the author to replace; they are not content. */
const PLACEHOLDER =
  /^(?:[-*+]\s*)?(?:todo|tbd|n\/a|none|-|\.\.\.|…|\[[^\]]*\]|<[^>]*>|\{[^}]*\}|[_*](?:describe|explain|add|write|how|what|link)[^_*]*[_*])\.?$/i;

const stripComments = (body: string) => body.replace(/<!--[\s\S]*?(?:-->|$)/g, '');

/** The text under a heading, up to the next heading of the same or a higher level, or null when there is no such heading. */
export function sectionText(body: string, title: string): string | null {
  const lines = stripComments(body).split(/\r?\n/);
  let level = 0;
  let inFence = false;
  const content: string[] = [];
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading && level && heading[1].length <= level) break;
    if (level) content.push(line);
    else if (heading && heading[2].trim().toLowerCase() === title.trim().toLowerCase())
      level = heading[1].length;
  }
  return level ? content.join('\n') : null;
}

export function hasContent(section: string): boolean {
  return section
    .split('\n')
    .map((line) => line.trim())
    .some((line) => line !== '' && !PLACEHOLDER.test(line) && !HEADING.test(line));
}
