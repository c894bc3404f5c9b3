/**
 * The catalogue's message templates (`scope required: {scope}`): the one reader of their `{name}`
 * slots. The mock fills them to answer, the facts and the reference show them with `<name>`
 * placeholders, and the fact checker matches typed text against them.
 */

/** A template read once: its literal parts around the slots, and the slots' names in order. */
export interface MessageTemplate {
	/** `parts.length === slots.length + 1`: text, slot, text, slot, …, text. */
	parts: readonly string[];
	slots: readonly string[];
}

const SLOT = /\{(\w+)\}/g;

export function parseTemplate(message: string): MessageTemplate {
	const parts: string[] = [];
	const slots: string[] = [];
	let last = 0;
	for (const match of message.matchAll(SLOT)) {
		parts.push(message.slice(last, match.index));
		slots.push(match[1] ?? '');
		last = match.index + match[0].length;
	}
	parts.push(message.slice(last));
	return { parts, slots };
}

/** The template with each slot replaced by `fill(name)`. */
export function fillTemplate(message: string, fill: (slot: string) => string): string {
	const { parts, slots } = parseTemplate(message);
	return parts
		.map((part, index) => part + (index < slots.length ? fill(slots[index] ?? '') : ''))
		.join('');
}

/** The template as a reader is shown it: `scope required: <scope>`. */
export function templateWithPlaceholders(message: string): string {
	return fillTemplate(message, (slot) => `<${slot}>`);
}

/**
 * The slot values that make the template read `text`, or `undefined` when it cannot: a typed
 * `scope required: tokens:refresh` gives `{ scope: 'tokens:refresh' }`. Each slot holds at least
 * one character.
 */
export function matchTemplate(
	message: string,
	text: string
): Readonly<Record<string, string>> | undefined {
	const { parts, slots } = parseTemplate(message);
	const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`^${parts.map(escape).join('(.+)')}$`);
	const values = pattern.exec(text)?.slice(1);
	if (!values) return undefined;
	return Object.fromEntries(slots.map((slot, index) => [slot, values[index] ?? '']));
}
