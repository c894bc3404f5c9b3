/** Example source texts keyed by path relative to `examples/`, e.g. `refresh/token-manager.ts`. */
export type ExampleSources = Readonly<Record<string, string>>;
