import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { readLimitedBody } from '../../../../src/mock/transports/http/readLimitedBody.ts';

/** A stream of `count` chunks of `size` bytes that counts how many chunks were pulled. */
function counted(count: number, size: number) {
	const state = { pulled: 0 };
	const stream = new Readable({
		highWaterMark: size,
		read() {
			if (state.pulled === count) {
				this.push(null);
				return;
			}
			state.pulled++;
			this.push(new Uint8Array(size).fill(0x61));
		},
	});
	return { stream, state };
}

describe('readLimitedBody', () => {
	test('a body of exactly the cap is read whole', async () => {
		const { stream } = counted(4, 256);
		const result = await readLimitedBody(stream, undefined, 1024);
		expect(result.kind).toBe('complete');
		expect(result.kind === 'complete' && result.bytes.byteLength).toBe(1024);
	});

	test('one byte over the cap is too large', async () => {
		const { stream } = counted(1, 1025);
		expect(await readLimitedBody(stream, undefined, 1024)).toEqual({ kind: 'tooLarge' });
	});

	test('stops pulling from an endless stream as soon as the cap is passed', async () => {
		const { stream, state } = counted(1_000_000, 1024);
		expect(await readLimitedBody(stream, undefined, 4096)).toEqual({ kind: 'tooLarge' });
		await new Promise((wait) => setTimeout(wait, 20));
		// 5 chunks pass the cap; a couple more may sit in the stream's own read-ahead buffer.
		expect(state.pulled).toBeLessThan(10);
		expect(stream.isPaused()).toBe(true);
	});

	test('a declared Content-Length over the cap is refused without reading', async () => {
		const { stream, state } = counted(1, 10);
		expect(await readLimitedBody(stream, '1025', 1024)).toEqual({ kind: 'tooLarge' });
		expect(state.pulled).toBe(0);
	});

	test('a stream that errors mid-body is aborted', async () => {
		const stream = new Readable({ read() {} });
		const pending = readLimitedBody(stream, undefined, 1024);
		stream.push('{"sc');
		stream.destroy(new Error('ECONNRESET'));
		expect(await pending).toEqual({ kind: 'aborted' });
	});

	test('an empty body is complete and empty', async () => {
		expect(await readLimitedBody(Readable.from([]), '0', 1024)).toEqual({
			kind: 'complete',
			bytes: new Uint8Array(0),
		});
	});
});
