/**
 * The Troubleshooting page's headings, one per error of the catalogue, by status: rendered by
 * TroubleshootingTable.astro and added to the page's "On this page" by src/site/routeMiddleware.ts,
 * from this one list, so the two cannot disagree.
 */
import { ENDPOINTS } from '../../mock/contract/endpoints.ts';
import { API_ERRORS, type ApiErrorId } from '../../mock/contract/errors.ts';
import { statusText } from '../http/statusText.ts';
import { openApiPath } from '../openapi/openApiDocument.ts';

/** One error's heading. */
export interface TroubleshootingHeading {
	id: ApiErrorId;
	/** The `error` id on the wire, which is also the heading's anchor. */
	error: string;
	slug: string;
	status: number;
	statusText: string;
	/** The table-of-contents text: `401 Unauthorized: unauthorized`. */
	text: string;
	/** The endpoints that answer it, as `METHOD /path`. */
	where: string[];
}

/** Every error's heading, by status, then in catalogue order. */
export function troubleshootingHeadings(): TroubleshootingHeading[] {
	return (Object.keys(API_ERRORS) as ApiErrorId[])
		.map((id) => {
			const { error, status } = API_ERRORS[id];
			return {
				id,
				error,
				slug: error,
				status,
				statusText: statusText(status),
				text: `${status} ${error}`,
				where: ENDPOINTS.filter((endpoint) =>
					(endpoint.errors as readonly string[]).includes(id)
				).map((endpoint) => `${endpoint.method} ${openApiPath(endpoint.path)}`),
			};
		})
		.sort((a, b) => a.status - b.status);
}
