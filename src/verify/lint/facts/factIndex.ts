/**
 * Every rendering of every fact: each fact in each of its `as` formats, as `factText` writes it
 * (an error message with `<slot>` placeholders). Typed words that are exactly a rendering say
 * which `<Fact as>` reproduces them, without guessing from their shape.
 */
import { FACTS, type FactName, factFormats, factText } from '../../../site/facts.ts';

export interface Rendering {
	name: FactName;
	as: string;
}

const INDEX = new Map<string, Rendering[]>();
for (const name of Object.keys(FACTS) as FactName[]) {
	for (const as of factFormats(name)) {
		const text = factText(name, as);
		INDEX.set(text, [...(INDEX.get(text) ?? []), { name, as }]);
	}
}

/** The facts and formats that render exactly `text`. */
export function renderingsOf(text: string): readonly Rendering[] {
	return INDEX.get(text) ?? [];
}

/**
 * The `as` that renders `name` as `typed`, when one does; else `shaped`, the format the typed
 * words' shape suggests (a wrong value is no rendering of its fact).
 */
export function formatOf(name: FactName, typed: string, shaped: string): string {
	const exact = renderingsOf(typed).filter((rendering) => rendering.name === name);
	if (exact.length === 0 || exact.some((rendering) => rendering.as === shaped)) return shaped;
	return exact[0]?.as ?? shaped;
}
