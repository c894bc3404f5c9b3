import type { Fence } from './Fence.ts';

/** Fence languages the sample tests execute, and the shell each runs in. */
export const RUNNABLE_SHELLS: Readonly<Record<string, string>> = {
	sh: '/bin/sh',
	shell: '/bin/sh',
	bash: '/bin/bash',
};

/**
 * Shell-like languages whose fences cannot be executed as written (prompts, other shells); a curl
 * in one of them would go unverified, so it is an error.
 */
export const UNRUNNABLE_SHELLS: ReadonlySet<string> = new Set([
	'console',
	'shellsession',
	'zsh',
	'fish',
	'powershell',
	'ps1',
	'pwsh',
	'bat',
	'cmd',
	'nu',
]);

/** Whether a fence runs curl as a command (not just mentions the word in a comment). */
export function callsCurl(fence: Fence): boolean {
	return fence.code
		.split('\n')
		.some((line) => !/^\s*#/.test(line) && /(?:^|[\s;|&(`$])curl(?=[\s\\]|$)/.test(line));
}
