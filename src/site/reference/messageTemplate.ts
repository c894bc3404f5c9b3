/** Shows a catalogue message's parameters as placeholders: `scope required: {scope}` → `scope required: <scope>`. */
export function messageTemplate(message: string): string {
	return message.replace(/\{(\w+)\}/g, '<$1>');
}
