import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS } from '../../../src/verify/chromiumFlags.ts';

/** One Chromium for the calling test file (playwright gives it a fresh profile). */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await chromium.launch({
			executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
			args: CHROMIUM_FLAGS,
		});
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('the browser is not running');
		return browser;
	};
}

/** What a test may change of a fresh profile besides its colour scheme. */
export type ContextOptions = Pick<BrowserContextOptions, 'javaScriptEnabled'>;

/** A fresh profile (no service worker, no storage) showing the site in one colour scheme. */
export function newContext(
	browser: Browser,
	colorScheme: 'light' | 'dark' = 'light',
	options: ContextOptions = {}
) {
	return browser.newContext({ ...options, colorScheme, viewport: { width: 1280, height: 900 } });
}

/** Everything a page complained about: console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
	list(): string[];
}

/** Where the mock API answers (see src/mock/contract/endpoints.ts). */
const API_PATH = /^\/(?:3rdparty|auth)\//;

/**
 * Starts recording a page's problems; call before navigating.
 *
 * With `mockApiErrors`, a 4xx/5xx that the mock answered through the service worker on an API
 * path is not a problem, and neither is the "Failed to load resource" line Chromium prints for
 * it: the Run panels provoke 401s on purpose, and the tests compare every exchange's status with
 * the scenario's documented outcome instead.
 */
export function watchProblems(page: Page, options: { mockApiErrors?: boolean } = {}): PageProblems {
	const consoleErrors: { text: string; url: string }[] = [];
	const uncaught: string[] = [];
	const failed: string[] = [];
	const badResponses: { status: number; url: string; fromMock: boolean }[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') {
			consoleErrors.push({ text: message.text(), url: message.location().url });
		}
	});
	page.on('pageerror', (error) => uncaught.push(`uncaught: ${error.message}`));
	page.on('requestfailed', (request) =>
		failed.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`)
	);
	page.on('response', (response) => {
		if (response.status() < 400) return;
		const url = response.url();
		const fromMock = response.fromServiceWorker() && API_PATH.test(new URL(url).pathname);
		badResponses.push({ status: response.status(), url, fromMock });
	});
	return {
		list() {
			const allowed = new Set(
				badResponses
					.filter((response) => options.mockApiErrors && response.fromMock)
					.map((response) => response.url)
			);
			return [
				...consoleErrors
					.filter(
						({ text, url }) => !(text.startsWith('Failed to load resource') && allowed.has(url))
					)
					.map(({ text, url }) => `console error: ${text}${url ? ` (${url})` : ''}`),
				...uncaught,
				...failed,
				...badResponses
					.filter((response) => !allowed.has(response.url))
					.map(({ status, url }) => `HTTP ${status}: ${url}`),
			];
		},
	};
}

/** Closes a context even when the test failed half-way. */
export async function withContext<T>(
	browser: Browser,
	colorScheme: 'light' | 'dark',
	work: (context: BrowserContext) => Promise<T>,
	options: ContextOptions = {}
): Promise<T> {
	const context = await newContext(browser, colorScheme, options);
	try {
		return await work(context);
	} finally {
		await context.close();
	}
}
