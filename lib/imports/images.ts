import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkTarget, resolveAll, type Resolve } from '@/lib/webhooks/address';
import { pinnedLookup } from '@/lib/webhooks/send';

// An image of the old site: from a local copy of its uploads folder when one
// was given (wp-content/uploads, Ghost's content/images), else over HTTP.
// Downloads go through the webhooks' SSRF guard (lib/webhooks/address.ts):
// public unicast addresses only, the socket pinned to the checked address, a
// size cap read as it streams, one deadline, at most three redirects, each
// checked again. Loopback and private hosts only when the caller allows them
// (a test's own image server, a site on the same network, by an admin's choice).

export type ImageSourceOptions = {
  uploadsDir?: string | null;
  allowPrivate?: boolean;
  maxBytes: number;
  timeoutMs?: number;
  resolve?: Resolve;
};

export type FetchedImage = { ok: true; data: Buffer; fileName: string } | { ok: false; reason: string };

/** The part of an upload URL under the uploads folder, for the local copy. */
const UPLOAD_PREFIXES = ['/wp-content/uploads/', '/content/images/'];

async function fromFolder(url: URL, dir: string, maxBytes: number): Promise<Buffer | null> {
  const pathname = decodeURIComponent(url.pathname);
  const prefix = UPLOAD_PREFIXES.find((candidate) => pathname.includes(candidate));
  if (!prefix) return null;
  const root = path.resolve(dir);
  const file = path.resolve(root, pathname.slice(pathname.indexOf(prefix) + prefix.length));
  if (!file.startsWith(root + path.sep)) return null; // ../ out of the folder
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || info.size > maxBytes) return null;
  return readFile(file);
}

function get(url: URL, addresses: string[], options: ImageSourceOptions): Promise<{ status: number; location?: string; data?: Buffer; reason?: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: { status: number; location?: string; data?: Buffer; reason?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve(outcome);
    };
    const request = client.get(url, { lookup: pinnedLookup(addresses), headers: { 'user-agent': 'Sahifa-Import/1', accept: 'image/*' } }, (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) return finish({ status, location: response.headers.location });
      if (status !== 200) return finish({ status, reason: `HTTP ${status}` });
      const chunks: Buffer[] = [];
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > options.maxBytes) finish({ status, reason: 'too large' });
        else chunks.push(chunk);
      });
      response.on('end', () => finish({ status, data: Buffer.concat(chunks) }));
      response.on('error', () => finish({ status: 0, reason: 'connection' }));
    });
    const deadline = setTimeout(() => finish({ status: 0, reason: 'timeout' }), options.timeoutMs ?? 20_000);
    request.on('error', () => finish({ status: 0, reason: 'connection' }));
  });
}

export async function fetchImage(source: string, options: ImageSourceOptions): Promise<FetchedImage> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const fileName = path.basename(decodeURIComponent(url.pathname)) || 'image';
  if (options.uploadsDir) {
    const local = await fromFolder(url, options.uploadsDir, options.maxBytes).catch(() => null);
    if (local) return { ok: true, data: local, fileName };
  }
  for (let hop = 0; hop < 4; hop += 1) {
    const target = await checkTarget(url.toString(), options.allowPrivate ?? false, options.resolve ?? resolveAll);
    if (!target.ok) return { ok: false, reason: target.reason };
    const answer = await get(target.url, target.addresses, options);
    if (answer.data) return { ok: true, data: answer.data, fileName };
    if (!answer.location) return { ok: false, reason: answer.reason ?? `HTTP ${answer.status}` };
    try {
      url = new URL(answer.location, url);
    } catch {
      return { ok: false, reason: 'bad redirect' };
    }
  }
  return { ok: false, reason: 'too many redirects' };
}
