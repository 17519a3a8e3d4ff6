/**
 * Appends a value to the list under a key, creating the list.
 *
 * @param map Lists by key.
 * @param key The key.
 * @param value The value to append.
 */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
