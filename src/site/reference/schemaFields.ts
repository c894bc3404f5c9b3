import { z } from 'zod';

/** One row of a body table in the API reference. */
export interface SchemaField {
	/** Dotted path, `[]` for array items: `textMessage.text`, `keys[].kid`. */
	name: string;
	type: string;
	required: boolean;
	description: string;
}

interface JsonSchema {
	type?: string;
	const?: unknown;
	enum?: unknown[];
	format?: string;
	minimum?: number;
	minItems?: number;
	minLength?: number;
	maxLength?: number;
	description?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	additionalProperties?: boolean | JsonSchema;
}

/**
 * Flattens a contract schema into the rows the API reference shows, through zod's own JSON Schema
 * export, so the reference describes exactly what the mock validates.
 */
export function schemaFields(schema: z.ZodType): SchemaField[] {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
	return walk(json, '', true);
}

function walk(node: JsonSchema, prefix: string, required: boolean): SchemaField[] {
	if (node.type === 'object' && node.properties) {
		const rows: SchemaField[] = [];
		for (const [key, child] of Object.entries(node.properties)) {
			const name = prefix ? `${prefix}.${key}` : key;
			const childRequired = (node.required ?? []).includes(key);
			rows.push({
				name,
				type: typeName(child),
				required: childRequired,
				description: describe(child),
			});
			const nested = child.type === 'array' ? child.items : child;
			if (nested?.type === 'object' && nested.properties) {
				rows.push(...walk(nested, child.type === 'array' ? `${name}[]` : name, childRequired));
			}
		}
		return rows;
	}
	if (prefix) return [];
	const body = { name: '(body)', type: typeName(node), required, description: describe(node) };
	// A list's item fields matter more than the list: `[].id`, `[].name`, …
	return node.type === 'array' && node.items?.type === 'object' && node.items.properties
		? [body, ...walk(node.items, '[]', true)]
		: [body];
}

function typeName(node: JsonSchema): string {
	if (node.const !== undefined) return JSON.stringify(node.const);
	if (node.type === 'array') return `${node.items ? typeName(node.items) : 'any'}[]`;
	if (node.enum) return 'string';
	if (node.format === 'date-time') return 'string (RFC 3339 UTC)';
	return node.type ?? 'any';
}

function describe(node: JsonSchema): string {
	const notes: string[] = [];
	if (node.description) notes.push(node.description);
	const items = node.type === 'array' ? node.items : undefined;
	if (node.minItems) notes.push(`At least ${node.minItems} item${node.minItems > 1 ? 's' : ''}.`);
	const values = node.enum ?? items?.enum;
	if (values) notes.push(`One of: ${values.map((value) => `\`${String(value)}\``).join(', ')}.`);
	if (node.minLength && node.minLength === node.maxLength)
		notes.push(`${node.minLength} characters.`);
	else if (node.minLength) notes.push('Not empty.');
	if (node.type === 'integer' && node.minimum === 0) notes.push('Not negative.');
	return notes.join(' ');
}
