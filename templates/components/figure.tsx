import type { FigureImage } from '../../src/markdown/index.ts'

/** A picture with its caption and credit, the same markup the Markdown figures get. */
export function Figure({ image, lead = false }: { image: FigureImage; lead?: boolean }) {
  return (
    <figure class={lead ? 'lead-figure' : undefined}>
      <img
        src={image.url}
        alt={image.alt}
        width={image.width}
        height={image.height}
        decoding="async"
        {...(lead ? { fetchpriority: 'high' } : { loading: 'lazy' })}
      />
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
