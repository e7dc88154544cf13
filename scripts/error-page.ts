import type { IncomingMessage, ServerResponse } from 'node:http';
import messages from '@/messages/ar.json';

// Reader pages carry no client code, so they have no error.tsx boundary (it
// would ship one); a server error would otherwise show Next's own English
// page. Our server swaps any 5xx HTML answer on a reader path for this static
// Arabic page with the site's navigation. It reads nothing: the database may
// be the very thing that failed.

const STAFF_OR_FRAMEWORK = /^\/(newsroom|login|api|_next)(\/|$)/;

const t = messages.serverError;
export const errorPageHtml = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.8"><header><p style="font-size:1.6rem;font-weight:bold;margin:0"><a href="/" style="color:#9b1c1c;text-decoration:none">${messages.site.name}</a></p><nav aria-label="${messages.site.mainNav}"><a href="/">${messages.site.home}</a></nav></header><main style="margin-top:2rem"><h1>${t.title}</h1><p>${t.body}</p><p><a href="/">${messages.notFound.backHome}</a></p></main></body></html>`;

/** Wraps a response so that a 5xx HTML answer to a reader GET becomes the Arabic error page. */
export function arabicErrorPages(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' || STAFF_OR_FRAMEWORK.test(req.url ?? '/')) return;
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let replaced = false;
  // Node's implicit headers go through writeHead too, so this sees every status that is sent.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    // The type is either set already or passed along with the status.
    const passed = rest.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
    const type = String(res.getHeader('content-type') ?? Object.entries(passed ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '');
    if (status >= 500 && (type === '' || type.startsWith('text/html'))) {
      replaced = true;
      // The security headers stay; what described Next's body goes with it.
      for (const name of ['content-length', 'content-encoding', 'transfer-encoding', 'etag', 'vary', 'x-nextjs-cache', 'x-nextjs-prerender']) res.removeHeader(name);
      writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(errorPageHtml) });
      end(errorPageHtml);
      return res;
    }
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
  res.write = ((...args: Parameters<typeof write>) => (replaced ? true : write(...args))) as typeof res.write;
  res.end = ((...args: Parameters<typeof end>) => (replaced ? res : end(...args))) as typeof res.end;
}
