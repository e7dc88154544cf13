import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http';

// Next writes its answer straight to Node's response. To store a page (and
// take its framework scripts out) we hold what it writes instead: status,
// headers and bytes, released once Next ends the response. Nothing reaches
// the socket until the caller sends the result itself.

export type Captured = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

type Chunk = string | Buffer | Uint8Array;

function headersFromArgs(args: unknown[]): OutgoingHttpHeaders {
  const given = args.find((arg) => typeof arg === 'object' && arg !== null);
  if (!given) return {};
  if (!Array.isArray(given)) return given as OutgoingHttpHeaders;
  // A flat [name, value, name, value…] list.
  const headers: OutgoingHttpHeaders = {};
  for (let i = 0; i + 1 < given.length; i += 2) headers[String(given[i]).toLowerCase()] = given[i + 1] as string;
  return headers;
}

const toBuffer = (chunk: Chunk, encoding?: unknown) => (typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk));

/** Runs `render` with the response held; resolves with what it wrote, or null if the client went away first. */
export function captureResponse(res: ServerResponse, render: () => void): Promise<Captured | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
    let status: number | undefined;
    let passed: OutgoingHttpHeaders = {};
    const restore = () => Object.assign(res, original);
    res.once('close', () => {
      restore();
      resolve(null);
    });
    res.writeHead = ((code: number, ...rest: unknown[]) => {
      status = code;
      passed = { ...passed, ...headersFromArgs(rest) };
      return res;
    }) as typeof res.writeHead;
    res.flushHeaders = () => {};
    res.write = ((chunk: Chunk, encoding?: unknown, callback?: unknown) => {
      chunks.push(toBuffer(chunk, encoding));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      if (chunk !== undefined && typeof chunk !== 'function' && chunk !== null) chunks.push(toBuffer(chunk as Chunk, encoding));
      const headers = { ...res.getHeaders(), ...lowerCased(passed) };
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      restore();
      resolve({ status: status ?? res.statusCode, headers, body: Buffer.concat(chunks) });
      return res;
    }) as typeof res.end;
    render();
  });
}

const lowerCased = (headers: OutgoingHttpHeaders) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** Whether the client takes gzip (read before the header is taken away from Next, which would compress what we store). */
export const acceptsGzip = (headers: IncomingHttpHeaders) => /\bgzip\b/.test(String(headers['accept-encoding'] ?? ''));
