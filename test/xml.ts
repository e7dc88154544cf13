import { xml2js, type Element } from 'xml-js';

// A strict XML parse for unit tests: sax in strict mode, through xml-js, the
// writer `feed` already brings (no dependency just for tests). It throws on
// anything that is not well-formed. The e2e suite parses the live documents
// with Chromium's DOMParser as well.

export type XmlNode = Element;

export function parseXml(xml: string): XmlNode {
  return xml2js(xml, { compact: false, captureSpacesBetweenElements: false }) as XmlNode;
}

/** Every element of that (qualified) name, in document order. */
export function elementsNamed(node: XmlNode, name: string): XmlNode[] {
  const own = node.type === 'element' && node.name === name ? [node] : [];
  return [...own, ...(node.elements ?? []).flatMap((child) => elementsNamed(child, name))];
}

/** The text of an element: its text and CDATA, entities decoded. */
export function textOf(node: XmlNode): string {
  if (node.type === 'text') return String(node.text ?? '');
  if (node.type === 'cdata') return node.cdata ?? '';
  return (node.elements ?? []).map(textOf).join('');
}

export const textsOf = (node: XmlNode, name: string) => elementsNamed(node, name).map(textOf);
