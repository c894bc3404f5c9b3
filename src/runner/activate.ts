/**
 * The runner itself, loaded by the Run panels' bootstrap on the first press of one of their
 * buttons: msw/browser, the mock (jose, zod) and the scenarios are in this chunk, so a reader who
 * never presses Run never downloads them.
 */
import { Clock } from '../mock/clock/Clock.ts';
import { createMockApi } from '../mock/createMockApi.ts';
import { createBrowserTransport } from '../mock/transports/browser.ts';
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
const worker = serviceWorkerLocation(import.meta.env.BASE_URL);
const runtime = new Runtime({
	api,
	transport: createBrowserTransport(api, { workerUrl: worker.url, scope: worker.scope }),
	scenarios,
	baseUrl: window.location.origin,
});

/** Carries out what a panel button asks for; the bootstrap calls this for every press. */
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
			for (const other of document.querySelectorAll<HTMLElement>('[data-runner-output]')) {
				other.replaceChildren(placeholder(other.dataset['placeholder'] ?? ''));
				delete other.dataset['run'];
				delete other.dataset['outcome'];
			}
			const text =
				'Reset: the mock forgot every token and message, and the clock is back to real time.';
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
	try {
		renderRecord(output, await runtime.run(key, action));
	} finally {
		output.removeAttribute('aria-busy');
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
