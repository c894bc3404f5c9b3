// markdownlint-cli2 0.24 ships JavaScript with JSDoc only: the part of its API used in process
// (the drift tests, check:example).
declare module 'markdownlint-cli2' {
	export function main(params: {
		directory?: string;
		argv?: string[];
		noGlobs?: boolean;
		fileContents?: Record<string, string>;
		nonFileContents?: Record<string, string>;
		logMessage?: (message: string) => void;
		logError?: (message: string) => void;
	}): Promise<number>;
}
