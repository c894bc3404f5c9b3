import { formatOffset } from '../clock/formatOffset.ts';
import {
	exchangeLine,
	type DisplayExchange,
	type DisplayMessage,
} from '../redact/displayExchange.ts';
import type { RunRecord } from '../runtime/RunRecord.ts';
import { h } from './h.ts';

/**
 * Fills a panel's output area with one run: a summary line, what the example logged, what it
 * returned or threw, and every HTTP exchange it caused. The data attributes are what the
 * end-to-end tests read.
 */
export function renderRecord(output: HTMLElement, record: RunRecord): void {
	const requests = record.exchanges.length;
	const summary = runSummary(record);

	output.replaceChildren(
		h('p', { class: `runner-summary ${record.ok ? 'is-ok' : 'is-error'}` }, summary),
		section(
			'Console',
			record.logs.length === 0
				? h('p', { class: 'runner-empty' }, 'Nothing logged.')
				: h(
						'ol',
						{ class: 'runner-logs' },
						...record.logs.map((line) =>
							h(
								'li',
								{ 'data-log': line.level },
								line.level === 'log' ? '' : `${line.level}: `,
								line.text
							)
						)
					)
		),
		section(
			record.ok ? 'Returned' : 'Threw',
			h('pre', { 'data-result': record.ok ? 'value' : 'error' }, record.result)
		),
		section(
			'HTTP exchange',
			requests === 0
				? h('p', { class: 'runner-empty' }, 'No request: the example answered from what it kept.')
				: h('ol', { class: 'runner-exchanges' }, ...record.exchanges.map(renderExchange))
		)
	);
	output.dataset['run'] = String(record.number);
	output.dataset['outcome'] = record.ok ? 'ok' : 'error';
}

/**
 * The summary line of a run: `Run 2 · returned · 1 request · clock +15 min (22:55 UTC)`. The clock
 * is where the run left it, offset and time read at the same moment, so it matches the panel's
 * clock line even when the run itself moved the clock.
 */
export function runSummary(
	record: Pick<RunRecord, 'number' | 'ok' | 'exchanges' | 'endedAt' | 'offsetSeconds'>
): string {
	const requests = record.exchanges.length;
	return [
		`Run ${record.number}`,
		record.ok ? 'returned' : 'threw',
		`${requests} ${requests === 1 ? 'request' : 'requests'}`,
		`clock ${formatOffset(record.offsetSeconds)} (${mockTime(record.endedAt)})`,
	].join(' · ');
}

/** Replaces a panel's output with what went wrong when the runner itself failed. */
export function renderFailure(output: HTMLElement, text: string): void {
	output.replaceChildren(h('p', { class: 'runner-failure' }, text));
}

/** The mock's time, as the API's `Date` header would show it. */
export function mockTime(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function section(title: string, content: Node): HTMLElement {
	return h('div', { class: 'runner-section' }, h('p', { class: 'runner-label' }, title), content);
}

function renderExchange(exchange: DisplayExchange): HTMLElement {
	return h(
		'li',
		{ 'data-exchange': exchangeLine(exchange), class: exchange.setup ? 'is-setup' : false },
		h(
			'details',
			{ open: true },
			h(
				'summary',
				{},
				exchange.setup ? h('span', { class: 'runner-tag' }, 'setup') : null,
				h('code', {}, `${exchange.method} ${exchange.path}`),
				' → ',
				h(
					'span',
					{ class: exchange.status >= 400 ? 'runner-status is-error' : 'runner-status is-ok' },
					exchange.statusText
				)
			),
			message('Request', exchange.request),
			message('Response', exchange.response)
		)
	);
}

function message(title: string, { headers, body }: DisplayMessage): HTMLElement {
	const lines = headers.map(([name, value]) => `${name}: ${value}`);
	if (body !== null && body !== '') lines.push('', body);
	return h(
		'div',
		{ class: 'runner-message' },
		h('p', { class: 'runner-label' }, title),
		h('pre', {}, lines.length === 0 ? '(no headers shown, no body)' : lines.join('\n'))
	);
}
