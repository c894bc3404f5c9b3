import type { DisplayExchange } from '../redact/displayExchange.ts';
import type { LoggedLine } from './captureConsole.ts';

/** Everything one press of an action button produced, already redacted. */
export interface RunRecord {
	/** The scenario's key and the action pressed. */
	key: string;
	action: string;
	/** 1-based count of runs on this page since the last Reset. */
	number: number;
	ok: boolean;
	/** The returned value, or `Name: message` of what was thrown. */
	result: string;
	logs: LoggedLine[];
	exchanges: DisplayExchange[];
	/** When the run started on the mock's clock. */
	startedAt: number;
	/**
	 * When the run ended on the mock's clock, and how far that clock was then ahead of real time:
	 * read together, because an action may move the clock (an "Expire" button), and the summary
	 * must show the time the panel's clock line shows.
	 */
	endedAt: number;
	offsetSeconds: number;
	durationMs: number;
}
