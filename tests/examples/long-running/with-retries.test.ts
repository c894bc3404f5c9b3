import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { behaviour } from '../../support/behaviour.ts';
import {
	backoff,
	CredentialsRejected,
	isTransient,
	MIN_DELAY_MS,
	withRetries,
} from '../../../examples/long-running/with-retries.ts';
import { ApiError } from '../../../examples/service-tokens/create-service-token.ts';
import { BASE_URL, useMockApi } from '../../support/useMockApi.ts';

useMockApi();

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

const timeout = () => Object.assign(new Error('timed out'), { name: 'TimeoutError' });
const aborted = () => Object.assign(new Error('aborted'), { name: 'AbortError' });

describe('isTransient', () => {
	test.each([
		['a 500', new ApiError(500, {}), true],
		['a 503', new ApiError(503, {}), true],
		['a 429 (a rate limit)', new ApiError(429, {}), true],
		['a body that is not JSON (SyntaxError)', new SyntaxError('Unexpected token <'), true],
		['a network failure (fetch rejects with a TypeError)', new TypeError('fetch failed'), true],
		['a timeout', timeout(), true],
		['a 401 on the login', new CredentialsRejected(401, {}), false],
		['a 400', new ApiError(400, {}), false],
		['a 403', new ApiError(403, {}), false],
		['our own abort', aborted(), false],
		['something thrown that is not an Error', 'oops', false],
	])('%s: %s', (_, error, expected) => {
		expect(isTransient(error)).toBe(expected);
	});
});

describe('CredentialsRejected.from', () => {
	test('a 401 on Basic authentication is CredentialsRejected, with a message that says what to fix', async () => {
		const response = await fetch(`${BASE_URL}/3rdparty/v1/auth/token`, {
			method: 'POST',
			headers: { Authorization: `Basic ${btoa('demo:wrong')}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ scopes: ['messages:send'] }),
		});
		const error = await CredentialsRejected.from(response);
		expect(error).toBeInstanceOf(CredentialsRejected);
		expect(error.status).toBe(401);
		expect(error.message).toMatch(/check the username and password/);
	});

	test('any other refusal stays a plain ApiError', async () => {
		const error = await CredentialsRejected.from(
			Response.json({ message: 'scope required: tokens:manage' }, { status: 403 })
		);
		expect(error).not.toBeInstanceOf(CredentialsRejected);
		expect(error).toMatchObject({ status: 403, message: '403 scope required: tokens:manage' });
	});
});

describe('withRetries', () => {
	behaviour('retry.transient', async () => {
		const operation = vi
			.fn<() => Promise<string>>()
			.mockRejectedValueOnce(new ApiError(503, {}))
			.mockRejectedValueOnce(new TypeError('fetch failed'))
			.mockResolvedValue('done');
		const retried: unknown[] = [];
		const result = withRetries(operation, {
			baseDelayMs: 1_000,
			onRetry: (error) => retried.push(error),
		});
		await vi.advanceTimersByTimeAsync(749);
		expect(operation).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1); // 750 ms: half fixed, half jitter of 1 s
		expect(operation).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(1_500); // then of 2 s
		expect(await result).toBe('done');
		expect(retried).toHaveLength(2);
	});

	test('gives up after `attempts` and throws the last failure', async () => {
		const operation = vi.fn(() => Promise.reject(new ApiError(502, {})));
		const result = withRetries(operation, { attempts: 3 }).catch((error: unknown) => error);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(await result).toMatchObject({ status: 502 });
		expect(operation).toHaveBeenCalledTimes(3);
	});

	behaviour('retry.final', async () => {
		for (const failure of [
			new CredentialsRejected(401, {}),
			new ApiError(400, {}),
			new ApiError(403, {}),
		]) {
			const operation = vi.fn(() => Promise.reject(failure));
			await expect(withRetries(operation, { attempts: 5 })).rejects.toBe(failure);
			expect(operation).toHaveBeenCalledTimes(1);
		}
	});

	behaviour('retry.429', async () => {
		const limited = (seconds: number) => new ApiError(429, {}, seconds * 1000);
		const operation = vi
			.fn<() => Promise<string>>()
			.mockRejectedValueOnce(limited(20))
			.mockRejectedValueOnce(limited(3_600)) // asks for an hour: capped at maxDelayMs
			.mockResolvedValue('done');
		const result = withRetries(operation, { attempts: 3, maxDelayMs: 30_000 });
		await vi.advanceTimersByTimeAsync(19_999);
		expect(operation).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(operation).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(30_000);
		expect(await result).toBe('done');
	});

	behaviour('retry.unreadable', async () => {
		const operation = vi
			.fn<() => Promise<string>>()
			.mockImplementationOnce(async () => (await new Response('<html>').json()) as string)
			.mockResolvedValue('done');
		const result = withRetries(operation);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(await result).toBe('done');
		expect(operation).toHaveBeenCalledTimes(2);
	});

	behaviour('retry.floor', async () => {
		// Delays configured to zero, as an expiry already past or a skewed clock would compute.
		const operation = vi.fn(() => Promise.reject(new TypeError('fetch failed')));
		const result = withRetries(operation, { attempts: 1_000, baseDelayMs: 0, maxDelayMs: 0 });
		result.catch(() => {});
		await vi.advanceTimersByTimeAsync(1_000);
		expect(operation.mock.calls.length).toBeLessThanOrEqual(1 + 1_000 / MIN_DELAY_MS);
		expect(MIN_DELAY_MS).toBeGreaterThanOrEqual(100); // a floor, not a formality
	});

	test('an abort during the wait ends it at once, with no further attempt', async () => {
		const controller = new AbortController();
		const operation = vi.fn(() => Promise.reject(new TypeError('fetch failed')));
		const result = withRetries(operation, { signal: controller.signal }).catch(
			(error: unknown) => error
		);
		await vi.advanceTimersByTimeAsync(10);
		controller.abort();
		expect(await result).toMatchObject({ name: 'AbortError' });
		expect(operation).toHaveBeenCalledTimes(1);
	});
});

describe('backoff', () => {
	test('doubles up to the ceiling, jittered within its upper half', () => {
		vi.spyOn(Math, 'random').mockReturnValue(0);
		expect([0, 1, 2, 3, 10].map((attempt) => backoff(attempt, 1000, 8000))).toEqual([
			500, 1000, 2000, 4000, 4000,
		]);
		vi.spyOn(Math, 'random').mockReturnValue(0.999999);
		expect(backoff(2, 1000, 8000)).toBe(4000);
	});
});
