/**
 * Why a test failed, in one line: CI keeps only the log's tail, where the
 * reporters' full errors are long gone. Colours out, the first line with
 * text, then up to two more that say what was expected and received.
 */
export function briefError(message: string | undefined): string {
  const lines = (message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  const detail = lines.slice(1).filter((line) => /^(Expected|Received|Timeout)/.test(line)).slice(0, 2);
  const brief = [lines[0], ...detail].filter(Boolean).join(' | ');
  return brief.length > 400 ? `${brief.slice(0, 399)}…` : brief;
}
