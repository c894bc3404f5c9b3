/**
 * The runner itself, loaded by a `<run-panel>` (RunPanelElement) on the first press of one of its
 * buttons: msw/browser, the mock (jose, zod, tough-cookie) and the scenarios are in this chunk, so
 * a reader who never presses Run never downloads them.
 */
import { Clock } from '../mock/clock/Clock.ts';
import { createMockApi } from '../mock/createMockApi.ts';
import { createBrowserTransport } from '../mock/transports/browser.ts';
import { type SharedChange, SharedMock } from '../mock/crossTab/SharedMock.ts';
import { browserSharing } from './browserSharing.ts';
import { clockStep } from './clock/clockSteps.ts';
import { formatOffset } from './clock/formatOffset.ts';
import { mockTime, renderFailure, renderRecord } from './panel/renderRecord.ts';
import { Runtime } from './runtime/Runtime.ts';
import { scenarios } from './scenarios/registry.ts';
import { serviceWorkerLocation } from './serviceWorkerLocation.ts';

// Bound now, before any run patches Date.now: the mock's clock must read real time plus its own
// offset, never the patched Date.now (which reads the mock's clock).
const realNow = Date.now.bind(Date);
const api = createMockApi({ clock: new Clock(realNow) });
// Every tab of the site that uses a Run panel takes turns with one mock (see SharedMock).
const shared: SharedMock = new SharedMock({
	api,
	origin: window.location.origin,
	...browserSharing(),
	// Bound late: only used once the runtime below exists (inside requests, moves and resets).
	extra: {
		snapshot: (): unknown => runtime.sharedNames.snapshot(),
		restore: (value: unknown): void => runtime.sharedNames.restore(value),
	},
});
const worker = serviceWorkerLocation(import.meta.env.BASE_URL);
const runtime: Runtime = new Runtime({
	api,
	transport: createBrowserTransport(shared, { workerUrl: worker.url, scope: worker.scope }),
	scenarios,
	baseUrl: window.location.origin,
	exclusive: (work, kind) => shared.exclusive(work, kind),
	sync: () => shared.sync(),
	onStatus: showStatus,
});
shared.subscribe(onSharedChange);
showScope();
// Catch up with the other tabs now, so the clock line shows the shared clock before a run.
void shared.sync().then(
	() => runtime.offsetSeconds !== 0 && updateClocks(),
	() => undefined
);

/** Carries out what a panel button asks for; each panel calls this for every press. */
export async function handle(button: HTMLButtonElement): Promise<void> {
	const panel = button.closest<HTMLElement>('[data-runner]');
	const output = panel?.querySelector<HTMLElement>('[data-runner-output]');
	if (!panel || !output) return;
	const { runnerAction, action = 'run', seconds } = button.dataset;
	try {
		if (runnerAction === 'run') {
			await run(panel, output, action);
		} else if (runnerAction === 'advance') {
			await runtime.advance(Number(seconds));
			updateClocks();
			const label = clockStep(Number(seconds))?.label ?? `+${seconds} s`;
			// The last run stays in the output for comparison; the clock line shows the change.
			announce(
				panel,
				`Clock moved ${label}; it now reads ${clockText()}. Run again to see what changed.`
			);
		} else if (runnerAction === 'reset') {
			await runtime.reset();
			updateClocks();
			clearPanels();
			const text = shared.shared
				? 'Reset: the mock forgot every token, message and cookie, in every tab, and the clock is back to real time.'
				: 'Reset: the mock forgot every token, message and cookie, and the clock is back to real time.';
			output.replaceChildren(placeholder(text));
			announce(panel, text);
		}
	} catch (error) {
		renderFailure(output, `The runner failed: ${runtime.redact(String(error))}`);
		output.dataset['outcome'] = 'runner-error';
	} finally {
		// Counts handled presses, so tests (and scripts) can wait for one to finish.
		panel.dataset['runnerDone'] = String(Number(panel.dataset['runnerDone'] ?? 0) + 1);
	}
}

async function run(panel: HTMLElement, output: HTMLElement, action: string): Promise<void> {
	const key = panel.dataset['runner'] ?? '';
	output.setAttribute('aria-busy', 'true');
	// The first run on a page also registers the service worker, which takes a moment.
	if (output.dataset['run'] === undefined) {
		output.replaceChildren(placeholder('Running (the first run also starts the mock)…'));
	}
	const offset = runtime.offsetSeconds;
	try {
		renderRecord(output, await runtime.run(key, action));
	} finally {
		output.removeAttribute('aria-busy');
		// An action may move the clock, and a run catches up with other tabs' clock moves.
		if (runtime.offsetSeconds !== offset) updateClocks();
	}
}

/** Empties every output and forgets what the panels showed (after a Reset, here or elsewhere). */
function clearPanels(): void {
	for (const output of document.querySelectorAll<HTMLElement>('[data-runner-output]')) {
		output.replaceChildren(placeholder(output.dataset['placeholder'] ?? ''));
		delete output.dataset['run'];
		delete output.dataset['outcome'];
	}
	for (const panel of document.querySelectorAll<HTMLElement>('[data-runner]')) {
		const status = panel.querySelector<HTMLElement>('[data-runner-status]');
		if (status) status.textContent = status.dataset['initial'] ?? '';
	}
}

/** Another tab moved the shared clock or reset the mock, or this tab stopped sharing. */
function onSharedChange(change: SharedChange): void {
	if (change.type === 'unshared') {
		showScope();
		return;
	}
	updateClocks();
	if (!change.reset) return;
	void runtime.forget().then(() => {
		clearPanels();
		for (const output of document.querySelectorAll<HTMLElement>('[data-runner-output]')) {
			output.replaceChildren(
				placeholder(
					'Another tab pressed Reset: the mock forgot every token, message and cookie, and the clock is back to real time.'
				)
			);
		}
	});
}

/**
 * Says in every panel when this tab keeps a mock of its own. Sharing is the common case, which
 * the panels' help text describes; the note appears only when it does not hold.
 */
function showScope(): void {
	if (shared.shared) return;
	const reason = shared.unsharedReason ?? 'it cannot be shared here';
	for (const note of document.querySelectorAll<HTMLElement>('[data-runner-scope]')) {
		note.textContent = `This tab uses a mock of its own, which your other tabs do not see: ${reason}.`;
		note.hidden = false;
	}
}

/** Shows a scenario state's status on the status line of every panel that shares that state. */
function showStatus(stateKey: string, text: string): void {
	for (const panel of document.querySelectorAll<HTMLElement>('[data-runner-state]')) {
		if (panel.dataset['runnerState'] !== stateKey) continue;
		const status = panel.querySelector<HTMLElement>('[data-runner-status]');
		if (status) status.textContent = text;
	}
}

function placeholder(text: string): HTMLElement {
	const paragraph = document.createElement('p');
	paragraph.className = 'runner-placeholder';
	paragraph.textContent = text;
	return paragraph;
}

/** Says something to screen readers from the panel that was used (only that one speaks). */
function announce(panel: HTMLElement, text: string): void {
	const status = panel.querySelector('[data-runner-announce]');
	if (status) status.textContent = text;
}

function clockText(): string {
	const offset = runtime.offsetSeconds;
	return offset === 0 ? 'real time' : `${formatOffset(offset)}, ${mockTime(runtime.now())}`;
}

function updateClocks(): void {
	for (const status of document.querySelectorAll<HTMLElement>('[data-runner-clock]')) {
		status.textContent = clockText();
		status.dataset['offset'] = String(runtime.offsetSeconds);
		// Restart the highlight: a colour change only, nothing moves.
		status.classList.remove('is-changed');
		void status.offsetWidth;
		status.classList.add('is-changed');
	}
}
