import { readerLabels } from '@/lib/i18n/reader-labels';

/** Plain share links: no scripts, no trackers, just each network's own share URL. */
export async function ShareLinks({ url, title }: { url: string; title: string }) {
  const t = readerLabels('article');
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const targets = [
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
  ];
  return (
    <nav aria-label={t('share')} className="no-print mt-8">
      <h2 className="mb-2 text-sm font-bold text-muted">{t('share')}</h2>
      <ul className="flex flex-wrap gap-2">
        {targets.map((target) => (
          <li key={target.name}>
            <a href={target.href} rel="noopener noreferrer" target="_blank" className="inline-block rounded-full border border-rule px-3 py-1 text-sm no-underline hover:bg-black/5" dir="ltr">
              {target.name}
              <span className="sr-only"> {t('opensNewWindow')}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
