/**
 * The names of samples whose committed text (`src/samples/<name>.json`) does not hold the same
 * JSON as a fresh recording, including samples only one side has. Formatting is not drift.
 */
export function findDriftedSamples(
	committed: ReadonlyMap<string, string>,
	fresh: ReadonlyMap<string, unknown>
): string[] {
	const names = [...new Set([...committed.keys(), ...fresh.keys()])].sort();
	return names.filter((name) => {
		const text = committed.get(name);
		if (text === undefined || !fresh.has(name)) return true;
		try {
			return JSON.stringify(JSON.parse(text)) !== JSON.stringify(fresh.get(name));
		} catch {
			return true;
		}
	});
}
