// The summary a feed item carries: the standfirst, or else the start of the
// story's plain text, cut at a word boundary. Pure: no I/O.

const MAX_CHARS = 280;

export function summaryOf(standfirst: string, plainTextStart: string, max = MAX_CHARS): string {
  const text = (standfirst.trim() || plainTextStart).replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
