// Reader pages have no client component, so Next's runtime, its flight data
// (self.__next_f) and the preloads of its chunks only cost bytes and time:
// nothing would hydrate. They are taken out of the HTML; the JSON-LD stays.
// The HTML is React's own output, where text is escaped, so a "<script" in a
// story can never look like a tag here. Pure: no I/O.

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;
const JSON_LD = /\btype=["']?application\/ld\+json["']?/i;
const SCRIPT_PRELOAD = /\brel=["']?modulepreload\b|\bas=["']?script\b/i;

export function stripFrameworkScripts(html: string): string {
  return html.replace(SCRIPT, (tag, attributes: string) => (JSON_LD.test(attributes) ? tag : '')).replace(LINK, (tag) => (SCRIPT_PRELOAD.test(tag) ? '' : tag));
}
