/**
 * Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids.
 *
 * @param text Any text.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/**
 * Wraps HTML in CDATA, splitting any `]]>` so it cannot end the section early.
 *
 * @param html HTML to embed in a feed.
 */
export function cdata(html: string): string {
  return `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
}
