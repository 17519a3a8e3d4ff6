import type { LocalityModel } from '../../src/site/index.ts'

/** Links to localities, each with how many articles it has. */
export function LocalityLinks({ ids, localities, label }: { ids: string[]; localities: Record<string, LocalityModel>; label: string }) {
  if (ids.length === 0) return null
  return (
    <ul class="locality-links">
      {ids.flatMap((id) => {
        const locality = localities[id]
        return locality
          ? [
              <li key={id}>
                <a href={locality.url}>{locality.name}</a>{' '}
                <span class="count">
                  ({locality.articleCount} {label})
                </span>
              </li>,
            ]
          : []
      })}
    </ul>
  )
}
