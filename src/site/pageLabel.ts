/**
 * Name the page an `<Example>` is rendered on: its source file when Starlight's route data is
 * available, else the URL path. `readFilePath` may throw (Starlight's getter does off its routes).
 */
export function pageLabel(readFilePath: () => string | undefined, pathname: string): string {
	try {
		const filePath = readFilePath();
		if (filePath) return filePath;
	} catch {
		// Not a Starlight route: the URL is the best name there is.
	}
	return pathname;
}
