/**
 * The only runner code a page loads before a Run panel is used (a few hundred bytes): it waits
 * for a press of a panel button and then loads the runner (msw/browser, the mock, the scenarios).
 * Pointing at or focusing a button starts the download early, so the press itself waits less.
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

function panelButton(target: EventTarget | null): HTMLButtonElement | undefined {
	const button = target instanceof Element ? target.closest('[data-runner] button') : null;
	return button instanceof HTMLButtonElement && button.dataset['runnerAction'] ? button : undefined;
}

/** Listens (once per page) for presses of any Run panel's buttons. */
export function bootRunner(): void {
	document.addEventListener('click', (event) => {
		const button = panelButton(event.target);
		if (!button) return;
		const output = button.closest('[data-runner]')?.querySelector('[data-runner-output]');
		if (!loaded && output && button.dataset['runnerAction'] === 'run') {
			output.textContent = 'Loading the runner…';
		}
		load().then(
			(runner) => runner.handle(button),
			(error: unknown) => {
				if (output) output.textContent = `Could not load the runner: ${String(error)}`;
			}
		);
	});
	const warm = (event: Event) => {
		if (panelButton(event.target)) load().catch(() => undefined);
	};
	document.addEventListener('pointerover', warm, { passive: true });
	document.addEventListener('focusin', warm);
}
