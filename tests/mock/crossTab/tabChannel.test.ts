import { afterEach, describe, expect, test } from 'vitest';
import {
	announceChange,
	listenForChanges,
	type ChangeMessage,
} from '../../../src/mock/crossTab/tabChannel.ts';

const channels: BroadcastChannel[] = [];
const open = (name: string) => {
	const channel = new BroadcastChannel(name);
	channels.push(channel);
	return channel;
};
afterEach(() => {
	for (const channel of channels.splice(0)) channel.close();
});

describe('the change protocol', () => {
	test('a change one tab announces reaches the others; anything malformed is ignored', async () => {
		const name = `tab-channel-${crypto.randomUUID()}`;
		const sender = open(name);
		const heard: ChangeMessage[] = [];
		const done = new Promise<void>((resolve) => {
			listenForChanges(open(name), (message) => {
				heard.push(message);
				if (message.rev === 'last') resolve();
			});
		});
		sender.postMessage({ rev: 'r1', offsetSeconds: '900', reset: false });
		sender.postMessage('reset');
		sender.postMessage({ rev: 'r2', offsetSeconds: 900 });
		announceChange(sender, { rev: 'last', offsetSeconds: 900, reset: true });
		await done;
		expect(heard).toEqual([{ rev: 'last', offsetSeconds: 900, reset: true }]);
	});
});
