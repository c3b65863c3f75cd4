// Escaping for the Markdown the action writes (job summary, pull request comment).

/** Plain text in Markdown (and table cells): no HTML, no cell breaks. */
export const esc = (s: string) =>
  s
    .replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'");
/** A code span that survives any path: entities are not decoded in code, but GFM tables honour `\|`. */
export const code = (s: string) => {
  const body = s.replace(/\|/g, '\\|');
  return body.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
};
