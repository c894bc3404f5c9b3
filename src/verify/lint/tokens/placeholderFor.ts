import type { Placeholder } from '../../../mock/contract/placeholders.ts';

/** The token placeholder a line is most likely talking about, judged by the words on it. */
export function placeholderFor(line: string): Placeholder {
	if (/refresh/i.test(line)) return '<REFRESH_TOKEN>';
	if (/service/i.test(line)) return '<SERVICE_TOKEN>';
	return '<ACCESS_TOKEN>';
}
