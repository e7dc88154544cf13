// Feed autodiscovery: React puts a <link> rendered anywhere into <head>, so a
// page (or the layout) names its feed where it knows it, with no client code.

export function FeedLink({ href, title }: { href: string; title: string }) {
  return <link rel="alternate" type="application/rss+xml" href={href} title={title} />;
}
