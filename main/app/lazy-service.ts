/**
 * A service whose module is loaded on its first call: the parsers behind import, export and entity
 * extraction take most of a second to load, which a `gloss list` or the first paint should not pay.
 * Every method of T must return a promise (as every operation of the contract does).
 */
export function lazyService<T extends object>(load: () => Promise<T>): T {
  let loading: Promise<T> | null = null;
  return new Proxy({} as T, {
    get(_target, name) {
      return (...args: unknown[]) =>
        (loading ??= load()).then((service) => (service[name as keyof T] as (...a: unknown[]) => unknown)(...args));
    },
  });
}
