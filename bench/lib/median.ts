/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new RangeError('the median of nothing');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
