import { z } from 'zod';

/** The parts of a `BroadcastChannel` a shared mock uses. */
export type SharedChannel = Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'close'>;

const changeMessageSchema = z.object({
	/** The `rev` of the state the tab saved. */
	rev: z.string(),
	/** Its clock's offset after the change, so the others know whether the clock moved. */
	offsetSeconds: z.number(),
	reset: z.boolean(),
});

/** What a tab posts on the channel after changing the shared state. */
export type ChangeMessage = z.infer<typeof changeMessageSchema>;

/** Tells the other tabs about a change (a tab without a channel tells no one). */
export function announceChange(channel: SharedChannel | undefined, message: ChangeMessage): void {
	channel?.postMessage(message);
}

/** Calls `listener` with every well-formed change message; anything else on the channel is ignored. */
export function listenForChanges(
	channel: SharedChannel | undefined,
	listener: (message: ChangeMessage) => void
): void {
	channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
		const parsed = changeMessageSchema.safeParse(event.data);
		if (parsed.success) listener(parsed.data);
	});
}
