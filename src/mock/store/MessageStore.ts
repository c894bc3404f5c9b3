import { nanoid } from 'nanoid';

/** A message accepted by the mock; it never leaves `Pending`, since nothing delivers it. */
export interface StoredMessage {
	id: string;
	owner: string;
	state: 'Pending';
}

/** The messages resource, so examples have something to call with their tokens. */
export class MessageStore {
	readonly #messages = new Map<string, StoredMessage>();

	/** Accepts a message for sending. */
	add(owner: string): StoredMessage {
		const message: StoredMessage = { id: nanoid(), owner, state: 'Pending' };
		this.#messages.set(message.id, message);
		return message;
	}

	/** A message, if it exists and belongs to `owner`. */
	get(id: string, owner: string): StoredMessage | undefined {
		const message = this.#messages.get(id);
		return message?.owner === owner ? message : undefined;
	}

	/** A copy of every message, oldest first. */
	snapshot(): StoredMessage[] {
		return [...this.#messages.values()].map((message) => ({ ...message }));
	}

	/** Replaces every message with copies of these. */
	restore(messages: readonly StoredMessage[]): void {
		this.clear();
		for (const message of messages) this.#messages.set(message.id, { ...message });
	}

	/** Forgets every message. */
	clear(): void {
		this.#messages.clear();
	}
}
