import { articleImageSizes } from '../../src/images/index.ts'
import type { FigureImage } from '../../src/markdown/index.ts'

/**
 * A responsive picture: AVIF and WebP sources and a JPEG (or PNG) fallback, with its size so
 * nothing shifts. The same markup the Markdown figures get.
 *
 * @param sizes The `sizes` of where it is shown. @default articleImageSizes
 */
export function Picture({ image, lead = false, sizes = articleImageSizes }: { image: FigureImage; lead?: boolean; sizes?: string }) {
  return (
    <picture>
      {image.set.sources.map((source) => (
        <source key={source.type} type={source.type} srcset={source.srcset} sizes={sizes} />
      ))}
      <img
        src={image.url}
        srcset={image.set.fallback.srcset}
        sizes={sizes}
        alt={image.alt}
        width={image.width}
        height={image.height}
        {...(lead ? { fetchpriority: 'high' } : { loading: 'lazy' })}
        decoding="async"
      />
    </picture>
  )
}

/** A picture with its caption and credit. */
export function Figure({ image, lead = false }: { image: FigureImage; lead?: boolean }) {
  return (
    <figure class={lead ? 'lead-figure' : undefined}>
      <Picture image={image} lead={lead} />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption}
          {image.caption && image.credit ? ' ' : ''}
          {image.credit ? <span class="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  )
}
