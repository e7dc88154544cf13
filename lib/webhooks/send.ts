import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIPv6, type LookupFunction } from 'node:net';
import { checkTarget, resolveAll, type Resolve, type TargetRefusal } from './address';
import { SIGNATURE_HEADER, signatureHeader } from './signature';

// One delivery attempt over HTTP: the target checked (lib/webhooks/address.ts)
// and the socket pinned to the checked addresses, the body signed with the
// current time, one deadline for the whole exchange, no redirect followed
// (a 3xx is a failed attempt: following it could lead anywhere), and at most
// a few kilobytes of the answer read before the connection is dropped.

export type AttemptError = TargetRefusal | 'timeout' | 'connection' | 'redirect' | 'http_status';
export type Attempt = { statusCode: number | null; durationMs: number; error: AttemptError | null };
export type Outgoing = { url: string; allowPrivate: boolean; secret: string; body: string; headers: Record<string, string> };
export type SendOptions = { timeoutMs: number; resolve?: Resolve; maxResponseBytes?: number };

const USER_AGENT = 'Sahifa-Webhooks/1';
const MAX_RESPONSE_BYTES = 64 * 1024;

/** A lookup that answers only with addresses already checked, whatever DNS says now. */
export function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIPv6(address) ? 6 : 4 }));
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, entries);
    else callback(null, entries[0]!.address, entries[0]!.family);
  }) as unknown as LookupFunction;
}

export async function sendSigned(outgoing: Outgoing, options: SendOptions): Promise<Attempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = await checkTarget(outgoing.url, outgoing.allowPrivate, options.resolve ?? resolveAll);
  if (!target.ok) return { statusCode: null, durationMs: elapsed(), error: target.reason };
  const signature = signatureHeader(outgoing.secret, outgoing.body, Math.floor(Date.now() / 1000));
  const limit = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const client = target.url.protocol === 'https:' ? https : http;

  return new Promise<Attempt>((resolve) => {
    let settled = false;
    // Once the status line is in, it decides the attempt, even if the body then stalls or runs long.
    let answered: { status: number; error: AttemptError | null } | null = null;
    const finish = (statusCode: number | null, error: AttemptError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve({ statusCode, durationMs: elapsed(), error });
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinnedLookup(target.addresses),
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, 'content-length': Buffer.byteLength(outgoing.body), [SIGNATURE_HEADER]: signature, ...outgoing.headers },
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        const error: AttemptError | null = status >= 200 && status < 300 ? null : status >= 300 && status < 400 ? 'redirect' : 'http_status';
        answered = { status, error };
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > limit) finish(status, error);
        });
        response.on('end', () => finish(status, error));
        response.on('error', () => finish(status, error));
      },
    );
    const deadline = setTimeout(() => (answered ? finish(answered.status, answered.error) : finish(null, 'timeout')), options.timeoutMs);
    request.on('error', () => finish(null, 'connection'));
    request.end(outgoing.body);
  });
}
