import type { MockApi } from '../../mock/createMockApi.ts';
import type { Exchange } from '../../mock/log/ExchangeLog.ts';
import { withDateNow } from '../clock/withDateNow.ts';
import { displayExchange, type DisplayExchange } from '../redact/displayExchange.ts';
import { redact } from '../redact/redact.ts';
import { TokenNames } from '../redact/TokenNames.ts';
import type { Scenario, ScenarioEnvironment } from '../scenarios/Scenario.ts';
import { captureConsole, formatArgument, type LoggedLine } from './captureConsole.ts';
import type { RunRecord } from './RunRecord.ts';

/** How requests reach the mock: MSW's service worker in a page, `msw/node` in unit tests. */
export interface Transport {
	start(): Promise<void>;
}

/** What a runtime is made of. */
export interface RuntimeOptions {
	/** The mock; its clock must read the real time (not `Date.now`, which runs patch). */
	api: MockApi;
	transport: Transport;
	scenarios: ReadonlyMap<string, Scenario>;
	/** Where examples send requests, e.g. `location.origin`. */
	baseUrl: string;
	/**
	 * Wraps every run, clock move and reset, one at a time. The default just runs it. This is the
	 * seam for sharing one mock between tabs: take a Web Lock, restore the mock from the shared
	 * snapshot, do the work, save and broadcast the new snapshot.
	 */
	exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * One page's runner: one mock, one clock and one set of token names shared by every Run panel on
 * the page. Runs, clock moves and resets are queued, so a run's exchanges are its own and
 * `Date.now` is patched for one run at a time.
 */
export class Runtime {
	readonly #api: MockApi;
	readonly #transport: Transport;
	readonly #scenarios: ReadonlyMap<string, Scenario>;
	readonly #environment: ScenarioEnvironment;
	readonly #states = new Map<string, unknown>();
	readonly #exclusive: <T>(work: () => Promise<T>) => Promise<T>;
	#names = new TokenNames();
	#queue: Promise<unknown> = Promise.resolve();
	#runs = 0;

	constructor(options: RuntimeOptions) {
		this.#api = options.api;
		this.#transport = options.transport;
		this.#scenarios = options.scenarios;
		this.#exclusive = options.exclusive ?? ((work) => work());
		const account = options.api.accounts[0];
		if (!account) throw new Error('the mock has no account to sign in with');
		this.#environment = {
			baseUrl: options.baseUrl,
			credentials: { username: account.username, password: account.password },
		};
		// Names are handed out as the mock issues tokens, so they count in order of issue.
		this.#api.log.subscribe((exchange) => this.#names.learn(exchange.response.body ?? ''));
	}

	/** The mock clock's lead over real time, in seconds. */
	get offsetSeconds(): number {
		return this.#api.clock.offsetSeconds;
	}

	/** The mock clock's time (ms since the epoch). */
	now(): number {
		return this.#api.clock.now();
	}

	/** Presses one action button of one scenario; never rejects for the example's own errors. */
	run(key: string, actionId: string): Promise<RunRecord> {
		return this.#enqueue(() => this.#run(key, actionId));
	}

	/** Moves the mock clock (and what `Date.now` answers during runs) forward. */
	advance(seconds: number): Promise<void> {
		return this.#enqueue(async () => this.#api.clock.advance(seconds));
	}

	/** Forgets every token, exchange, name and scenario state, and puts the clock back. */
	reset(): Promise<void> {
		return this.#enqueue(async () => {
			this.#api.reset();
			this.#names = new TokenNames();
			this.#states.clear();
			this.#runs = 0;
		});
	}

	/** Redacts a text with the current token names (for messages outside a run). */
	redact(text: string): string {
		return redact(text, this.#names);
	}

	#enqueue<T>(work: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(() => this.#exclusive(work));
		this.#queue = next.catch(() => undefined);
		return next;
	}

	async #run(key: string, actionId: string): Promise<RunRecord> {
		const scenario = this.#scenarios.get(key);
		const action = scenario?.actions[actionId];
		if (!scenario || !action) throw new Error(`no action "${actionId}" for ${key}`);
		await this.#transport.start();

		const logs: LoggedLine[] = [];
		const logged: { exchange: Exchange; setup: boolean }[] = [];
		let setupDepth = 0;
		const unsubscribe = this.#api.log.subscribe((exchange) => {
			logged.push({ exchange, setup: setupDepth > 0 });
		});
		const startedAt = this.now();
		const started = performance.now();
		let ok = true;
		let value: unknown;
		try {
			value = await withDateNow(
				() => this.#api.clock.now(),
				() =>
					captureConsole(logs, () =>
						action.run({
							...this.#environment,
							state: this.#state(key, scenario),
							async setup(work) {
								setupDepth++;
								try {
									return await work();
								} finally {
									setupDepth--;
								}
							},
						})
					)
			);
		} catch (error) {
			ok = false;
			value = error;
		} finally {
			unsubscribe();
		}
		const exchanges: DisplayExchange[] = logged.map(({ exchange, setup }) =>
			displayExchange(exchange, this.#names, setup)
		);
		return {
			key,
			action: actionId,
			number: ++this.#runs,
			ok,
			result: this.redact(value === undefined && ok ? '(no value)' : formatArgument(value)),
			logs: logs.map((line) => ({ ...line, text: this.redact(line.text) })),
			exchanges,
			startedAt,
			offsetSeconds: this.offsetSeconds,
			durationMs: Math.round(performance.now() - started),
		};
	}

	#state(key: string, scenario: Scenario): unknown {
		if (!this.#states.has(key)) this.#states.set(key, scenario.state(this.#environment));
		return this.#states.get(key);
	}
}
