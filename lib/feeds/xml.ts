// XML text helpers for the feeds and sitemaps. Pure: no I/O.

// Characters XML 1.0 forbids anywhere (C0 controls other than tab, newline
// and carriage return; U+FFFE/U+FFFF; lone surrogates). One of them in a
// headline would make the whole document unparseable, so it is dropped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Escapes text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The same escaping, for plain text that a feed reader will read as HTML (an RSS description). */
export const escapeHtml = escapeXml;

/** A string for a sitemap or feed date: W3C datetime (ISO 8601, UTC). */
export const w3cDate = (date: Date) => date.toISOString();
