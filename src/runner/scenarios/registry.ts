import { scenarioKey, type Scenario } from './Scenario.ts';

// Every `<topic>/<name>.ts` here exports `scenarios`; the glob means a new file needs no
// registration, and the registry test fails for a scenario no page uses.
const modules = import.meta.glob<readonly Scenario[]>('./*/*.ts', {
	import: 'scenarios',
	eager: true,
});

/** Every scenario, keyed by `scenarioKey(file, region)`. */
export const scenarios: ReadonlyMap<string, Scenario> = collect(modules);

/** Builds the registry, refusing two scenarios for one region. */
export function collect(
	byModule: Readonly<Record<string, readonly Scenario[] | undefined>>
): Map<string, Scenario> {
	const registry = new Map<string, Scenario>();
	for (const [path, list] of Object.entries(byModule)) {
		if (!Array.isArray(list)) throw new TypeError(`${path} does not export "scenarios"`);
		for (const scenario of list) {
			// One file per example file, at the same relative path, so a scenario is easy to find.
			if (path !== `./${scenario.file}`) {
				throw new Error(
					`the scenario for ${scenario.file} belongs in ./${scenario.file}, not ${path}`
				);
			}
			const key = scenarioKey(scenario.file, scenario.region);
			if (registry.has(key)) throw new Error(`two scenarios for ${key} (one in ${path})`);
			registry.set(key, scenario);
		}
	}
	return registry;
}
