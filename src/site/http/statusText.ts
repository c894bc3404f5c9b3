import { REASON_PHRASES } from '../../mock/contract/reasonPhrases.ts';

const REASONS: Readonly<Record<number, string>> = REASON_PHRASES;

/** `201 Created`, or just the number for a status without a known phrase. */
export function statusText(status: number): string {
	const reason = REASONS[status];
	return reason ? `${status} ${reason}` : String(status);
}
