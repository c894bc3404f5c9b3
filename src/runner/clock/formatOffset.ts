const UNITS = [
	{ seconds: 86_400, one: 'day', many: 'days' },
	{ seconds: 3_600, one: 'h', many: 'h' },
	{ seconds: 60, one: 'min', many: 'min' },
	{ seconds: 1, one: 's', many: 's' },
] as const;

/** How far the mock clock is ahead of real time, e.g. `+30 days 15 min`; `real time` at zero. */
export function formatOffset(seconds: number): string {
	if (!Number.isFinite(seconds) || seconds < 0) {
		throw new RangeError(`not a clock offset: ${seconds}`);
	}
	let rest = Math.floor(seconds);
	if (rest === 0) return 'real time';
	const parts: string[] = [];
	for (const unit of UNITS) {
		const count = Math.floor(rest / unit.seconds);
		rest -= count * unit.seconds;
		if (count > 0) parts.push(`${count} ${count === 1 ? unit.one : unit.many}`);
	}
	return `+${parts.join(' ')}`;
}
