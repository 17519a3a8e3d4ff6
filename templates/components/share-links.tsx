import type { Strings } from '../../src/site/index.ts'

/**
 * Share links as plain links, no third-party script. Zalo publishes no share URL outside its SDK;
 * `zalo.me/share?url=` is the address its share button opens.
 */
export function ShareLinks({ url, title, strings }: { url: string; title: string; strings: Strings }) {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  const links = [
    { name: strings.shareFacebook, href: `https://www.facebook.com/sharer/sharer.php?u=${u}`, className: 'facebook' },
    { name: strings.shareZalo, href: `https://zalo.me/share?url=${u}`, className: 'zalo' },
    { name: strings.shareX, href: `https://x.com/intent/post?url=${u}&text=${t}`, className: 'x' },
    { name: strings.shareEmail, href: `mailto:?subject=${t}&body=${u}`, className: 'email' },
  ]
  return (
    <nav class="share" aria-label={strings.share} data-share-label={strings.shareNative} data-copied={strings.linkCopied}>
      <h2 class="share__title">{strings.share}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.className}>
            <a class={`share__link share__link--${link.className}`} href={link.href} rel="noopener" target="_blank">
              {link.name}
            </a>
          </li>
        ))}
        <li>
          <a class="share__link share__link--copy" href={url} data-copy-link="">
            {strings.copyLink}
          </a>
        </li>
      </ul>
    </nav>
  )
}
