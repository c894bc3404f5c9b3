import path from 'node:path';

/**
 * Whether a rule scoped with `include` globs (relative to the working directory, where
 * markdownlint-cli2 runs) applies to the file `name`. No `include` means every file.
 */
export function appliesTo(name: string, include: readonly string[] | undefined): boolean {
	if (include === undefined) return true;
	const relative = path.isAbsolute(name) ? path.relative(process.cwd(), name) : name;
	const posix = relative.split(path.sep).join('/');
	return include.some((glob) => path.matchesGlob(posix, glob));
}
