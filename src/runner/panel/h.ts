type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children; text goes in as text, never as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Readonly<Record<string, string | boolean>> = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === true) element.setAttribute(name, '');
		else if (value !== false) element.setAttribute(name, value);
	}
	for (const child of children) {
		if (child) element.append(child);
	}
	return element;
}
