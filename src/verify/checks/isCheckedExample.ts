/** Whether an example (path relative to `examples/`) must be shown and tested: not a fixture. */
export function isCheckedExample(file: string): boolean {
	return !file.startsWith('_fixtures/');
}
