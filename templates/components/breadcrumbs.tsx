import type { LocalityModel, Strings } from '../../src/site/index.ts'

/** The way up the locality tree: Thanh Hóa › TP. Thanh Hóa › Phường Điện Biên. */
export function Breadcrumbs({ ids, localities, strings }: { ids: string[]; localities: Record<string, LocalityModel>; strings: Strings }) {
  const trail = ids.flatMap((id) => (localities[id] ? [localities[id]] : []))
  if (trail.length === 0) return null
  return (
    <nav class="kicker" aria-label={strings.breadcrumb}>
      <ol>
        {trail.map((place) => (
          <li key={place.id}>
            <a href={place.url}>{place.name}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
