/**
 * The `<run-panel>` custom element: the only runner code a page loads before a Run panel is used
 * (a few hundred bytes). Each panel waits for a press of one of its buttons and then loads the
 * runner (msw/browser, the mock, the scenarios), once per page. Pointing at or focusing a button
 * starts the download early, so the press itself waits less.
 */
type Runner = typeof import('./activate.ts');

let loading: Promise<Runner> | undefined;
let loaded = false;

function load(): Promise<Runner> {
	loading ??= import('./activate.ts').then(
		(runner) => {
			loaded = true;
			return runner;
		},
		(error: unknown) => {
			// A later press may succeed (e.g. after a network hiccup); do not cache the failure.
			loading = undefined;
			throw error;
		}
	);
	return loading;
}

/** One Run panel: its buttons, clock controls and output, as `RunPanel.astro` renders them. */
export class RunPanelElement extends HTMLElement {
	connectedCallback(): void {
		this.addEventListener('click', (event) => this.#press(event));
		const warm = (event: Event) => {
			if (this.#button(event.target)) load().catch(() => undefined);
		};
		this.addEventListener('pointerover', warm, { passive: true });
		this.addEventListener('focusin', warm);
	}

	#button(target: EventTarget | null): HTMLButtonElement | undefined {
		const button = target instanceof Element ? target.closest('button') : null;
		return button instanceof HTMLButtonElement && button.dataset['runnerAction']
			? button
			: undefined;
	}

	#press(event: Event): void {
		const button = this.#button(event.target);
		if (!button) return;
		const output = this.querySelector('[data-runner-output]');
		if (!loaded && output && button.dataset['runnerAction'] === 'run') {
			output.textContent = 'Loading the runner…';
		}
		load().then(
			(runner) => runner.handle(button),
			(error: unknown) => {
				if (output) output.textContent = `Could not load the runner: ${String(error)}`;
			}
		);
	}
}
