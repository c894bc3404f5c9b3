/** The demo account a scenario signs in with (the mock's first account). */
export interface DemoAccount {
	username: string;
	password: string;
}

/** What a scenario's state is built from when a panel first runs (and after each Reset). */
export interface ScenarioEnvironment {
	/** Where the examples send requests: the page's origin, which the worker relays to the mock. */
	baseUrl: string;
	credentials: DemoAccount;
	/**
	 * Shows `text` on the status line of the panels that share this state (see
	 * {@link Scenario.status}), at once, even between runs: a session another tab ended, say.
	 */
	report(text: string): void;
}

/** What an action receives each time its button is pressed. */
export interface RunContext<S> extends ScenarioEnvironment {
	/** Kept between runs of this scenario on this page until the reader presses Reset. */
	state: S;
	/**
	 * Runs preparation that is not the example's own doing (issuing a token it needs, revoking
	 * one to provoke a 401); the panel labels the exchanges it causes as setup.
	 */
	setup<T>(work: () => Promise<T>): Promise<T>;
	/** Moves the mock clock forward, as the panel's clock buttons do (for every tab sharing it). */
	advanceClock(seconds: number): Promise<void>;
}

/** A button of a Run panel and what it calls. */
export interface ScenarioAction<S> {
	/** Button text. */
	label: string;
	/** Calls the example's exports; the value it returns is shown (redacted) as the result. */
	run(context: RunContext<S>): Promise<unknown>;
}

/** What one press of an action button must show. */
export interface Outcome {
	/** Whether the action returned (true) or threw (false). */
	ok: boolean;
	/**
	 * Every exchange, in order, as `[setup ]METHOD /path STATUS`; a `*` in the path stands for one
	 * path segment (an id the mock makes up).
	 */
	exchanges: readonly string[];
	/** Text the (redacted) result or error message contains. */
	result?: string;
	/** Text each logged line contains, in order; omitted means nothing may be logged. */
	logs?: readonly string[];
}

/** One step of a story: press an action, move the clock, or start over. */
export type Step = { action: string; expect: Outcome } | { advance: number } | { reset: true };

/** A sequence of presses whose outcome the page documents; the panel lists it, e2e replays it. */
export interface Story {
	/** What the reader will see, in one or two sentences. */
	says: string;
	/** Replayed from a fresh mock (Reset) with the clock at real time. */
	steps: readonly Step[];
}

/**
 * What to call, and with what, when the Run button under one region of an example is pressed.
 * Scenarios live in `src/runner/scenarios/<topic>/<name>.ts`, next to nothing in `examples/`:
 * the example files stay plain modules with no test hooks.
 */
export interface Scenario<S = unknown> {
	/** Path relative to `examples/`, as in `<Example file>`. */
	file: string;
	/** The region whose Run button this is, as in `<Example region>`. */
	region: string;
	/** One sentence under the buttons: what a run does. */
	summary: string;
	/**
	 * Fresh state, made on the first press and after every Reset. Scenarios with the same
	 * {@link stateKey} share one state on a page, made by whichever of them runs first.
	 */
	state(environment: ScenarioEnvironment): S;
	/**
	 * Names the state this scenario shares with others (say, one session client for every panel
	 * of a page); without it, each scenario has its own. Sharing scenarios need the same `state`.
	 */
	stateKey?: string;
	/** Lets go of a state that Reset discards: timers, channels, listeners. */
	dispose?(state: S): void;
	/** A line under the buttons that the state keeps current through `report`. */
	status?: { label: string; initial: string };
	/** The panel's buttons, `run` first. */
	actions: { run: ScenarioAction<S> } & Readonly<Record<string, ScenarioAction<S>>>;
	/** At least one story; the first one starts with a plain Run. */
	stories: readonly [Story, ...Story[]];
}

/** Identity function that infers a scenario's state type from its `state` factory. */
export function defineScenario<S>(scenario: Scenario<S>): Scenario<S> {
	return scenario;
}

/** The key under which a page keeps a scenario's state: its `stateKey`, or its own key. */
export function stateKeyOf(scenario: Scenario): string {
	return scenario.stateKey ?? scenarioKey(scenario.file, scenario.region);
}

/** The registry key of a region: `topic/name.ts#region`. */
export function scenarioKey(file: string, region: string): string {
	return `${file}#${region}`;
}
