import type { SharedWork } from '../../mock/crossTab/SharedMock.ts';
import type { MockApi } from '../../mock/createMockApi.ts';
import type { Exchange } from '../../mock/log/ExchangeLog.ts';
import { withDateNow } from '../clock/withDateNow.ts';
import { displayExchange, type DisplayExchange } from '../redact/displayExchange.ts';
import { redact } from '../redact/redact.ts';
import { TokenNames, type TokenNamesSnapshot } from '../redact/TokenNames.ts';
import { type Scenario, type ScenarioEnvironment, stateKeyOf } from '../scenarios/Scenario.ts';
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
	 * Wraps every clock move and reset (`kind` says which), one at a time. The default just runs
	 * it. This is the seam for sharing one mock between tabs: take a Web Lock, restore the mock
	 * from the shared snapshot, do the work, save and broadcast the new snapshot.
	 *
	 * Runs are not wrapped: the transport wraps each request a run makes instead. Holding the
	 * lock for a whole run would deadlock on the run's first request, and would keep two tabs'
	 * examples from ever meeting, which is what the multi-tab examples are about.
	 */
	exclusive?: <T>(work: () => Promise<T>, kind: SharedWork) => Promise<T>;
	/** Brings a shared mock up to date before each run, so `Date.now` reads the shared clock. */
	sync?: () => Promise<void>;
	/** Shows a state's status line (`ScenarioEnvironment.report`); key: `stateKeyOf(scenario)`. */
	onStatus?: (stateKey: string, text: string) => void;
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
	readonly #environment: Omit<ScenarioEnvironment, 'report'>;
	/** By `stateKeyOf(scenario)`, with the scenario that made each (to dispose of it). */
	readonly #states = new Map<string, { scenario: Scenario; value: unknown }>();
	readonly #exclusive: <T>(work: () => Promise<T>, kind: SharedWork) => Promise<T>;
	readonly #sync: () => Promise<void>;
	readonly #onStatus: (stateKey: string, text: string) => void;
	#names = new TokenNames();
	#queue: Promise<unknown> = Promise.resolve();
	#runs = 0;

	constructor(options: RuntimeOptions) {
		this.#api = options.api;
		this.#transport = options.transport;
		this.#scenarios = options.scenarios;
		this.#exclusive = options.exclusive ?? ((work) => work());
		this.#sync = options.sync ?? (async () => undefined);
		this.#onStatus = options.onStatus ?? (() => undefined);
		const account = options.api.accounts[0];
		if (!account) throw new Error('the mock has no account to sign in with');
		this.#environment = {
			baseUrl: options.baseUrl,
			credentials: { username: account.username, password: account.password },
		};
		// Names are handed out as the mock issues tokens, so they count in order of issue. A session
		// response's refresh token is only in its Set-Cookie.
		this.#api.log.subscribe((exchange) => {
			this.#names.learn(exchange.response.body ?? '');
			this.#names.learn(exchange.response.headers['set-cookie'] ?? '');
		});
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
		return this.#enqueue(() => this.#advance(seconds));
	}

	/** Forgets every token, exchange, name and scenario state, and puts the clock back. */
	reset(): Promise<void> {
		return this.#enqueue(() =>
			this.#exclusive(async () => {
				this.#api.reset();
				this.#forget();
			}, 'reset')
		);
	}

	/**
	 * Forgets this page's names, scenario states and run count, but not the mock: for when
	 * another tab reset the mock this page shares.
	 */
	forget(): Promise<void> {
		return this.#enqueue(async () => this.#forget());
	}

	/**
	 * The token names as plain JSON, and their restore: what travels with a shared mock's state
	 * (as its `extra`), so every tab names a token the same, by the order the mock issued it.
	 */
	readonly sharedNames = {
		snapshot: (): TokenNamesSnapshot => this.#names.snapshot(),
		restore: (value: unknown): void => this.#names.restore(value),
	};

	/** Redacts a text with the current token names (for messages outside a run). */
	redact(text: string): string {
		return redact(text, this.#names);
	}

	#enqueue<T>(work: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(work);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	#advance(seconds: number): Promise<void> {
		return this.#exclusive(async () => this.#api.clock.advance(seconds), 'clock');
	}

	#forget(): void {
		for (const { scenario, value } of this.#states.values()) scenario.dispose?.(value);
		this.#names = new TokenNames();
		this.#states.clear();
		this.#runs = 0;
	}

	async #run(key: string, actionId: string): Promise<RunRecord> {
		const scenario = this.#scenarios.get(key);
		const action = scenario?.actions[actionId];
		if (!scenario || !action) throw new Error(`no action "${actionId}" for ${key}`);
		await this.#transport.start();
		await this.#sync();

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
							report: this.#reporter(scenario),
							state: this.#state(scenario),
							advanceClock: (seconds) => this.#advance(seconds),
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
			endedAt: this.now(),
			offsetSeconds: this.offsetSeconds,
			durationMs: Math.round(performance.now() - started),
		};
	}

	#state(scenario: Scenario): unknown {
		const stateKey = stateKeyOf(scenario);
		let state = this.#states.get(stateKey);
		if (!state) {
			const value = scenario.state({ ...this.#environment, report: this.#reporter(scenario) });
			state = { scenario, value };
			this.#states.set(stateKey, state);
		}
		return state.value;
	}

	#reporter(scenario: Scenario): (text: string) => void {
		const stateKey = stateKeyOf(scenario);
		return (text) => this.#onStatus(stateKey, this.redact(text));
	}
}
