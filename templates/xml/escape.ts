/**
 * Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids.
 *
 * @param text Any text.
 */
export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/**
 * Drops the characters XML 1.0 forbids anywhere, CDATA included (C0 controls but tab, LF and CR;
 * lone surrogates; U+FFFE and U+FFFF). Loading refuses them in sources, but a body can still
 * produce them, e.g. from a character reference such as `&#1;`.
 *
 * @param text Any text.
 */
export function xmlCharacters(text: string): string {
  return text.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}

/**
 * Wraps HTML in CDATA, splitting any `]]>` so it cannot end the section early, without the
 * characters XML forbids.
 *
 * @param html HTML to embed in a feed.
 */
export function cdata(html: string): string {
  return `<![CDATA[${xmlCharacters(html).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
}
