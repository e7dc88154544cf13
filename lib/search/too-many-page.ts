import messages from '@/messages/ar.json';

// The 429 answer to a reader who searched too often: a small self-contained
// page, since proxy.ts answers before any layout renders.
export function renderTooManySearchesPage(): string {
  const t = messages.search;
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.tooManyTitle}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.8"><main><h1>${t.tooManyTitle}</h1><p>${t.tooManyBody}</p><p><a href="/">${messages.notFound.backHome}</a></p></main></body></html>`;
}
