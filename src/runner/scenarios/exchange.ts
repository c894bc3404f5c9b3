import { endpoint, type EndpointId } from '../../mock/contract/endpoints.ts';
import { type ApiErrorId, errorStatus } from '../../mock/contract/errors.ts';

/**
 * An exchange as a story expects it, `POST /3rdparty/v1/auth/token 201`, built from the contract:
 * the endpoint's success status, or the status of the catalogue error it answers instead. A path
 * parameter reads `*`, which matches any one segment.
 */
export function exchange(id: EndpointId, error?: ApiErrorId): string {
	const { method, path, success } = endpoint(id);
	return `${method} ${path.replace(/:\w+/g, '*')} ${error ? errorStatus(error) : success.status}`;
}
