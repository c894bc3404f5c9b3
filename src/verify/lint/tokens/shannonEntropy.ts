/** Shannon entropy of a string's character distribution, in bits per character. */
export function shannonEntropy(text: string): number {
	const counts = new Map<string, number>();
	for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
	let entropy = 0;
	for (const count of counts.values()) {
		const share = count / text.length;
		entropy -= share * Math.log2(share);
	}
	return entropy;
}
