import { aadsts } from '../aadsts';
import { isGraphResource, splitResourceScope, splitScopes } from '../scopes';
import { appTokenResponse, type AppTokenResponse } from '../token-responses';
import type { GrantRequest } from './grant-request';

/**
 * `grant_type=client_credentials`: one scope, `<resource>/.default`, for Microsoft Graph; the
 * token carries the application permissions the admin granted as `roles`.
 */
export function clientCredentialsGrant(request: GrantRequest): AppTokenResponse {
	const { services, form, app, segment } = request;
	if (form.scope === undefined || form.scope.trim() === '') throw aadsts.missingParameter('scope');
	const scopes = splitScopes(form.scope);
	const notDefault = scopes.find((scope) => splitResourceScope(scope).name !== '.default');
	if (notDefault !== undefined) throw aadsts.scopeNotDefault(form.scope.trim());
	const tenantName = segment.kind === 'tenant' ? segment.tenant.displayName : segment.kind;
	for (const scope of scopes) {
		const resource = splitResourceScope(scope).resource ?? '';
		if (!isGraphResource(resource, services.graphResource)) {
			throw aadsts.unknownResource(resource, tenantName);
		}
	}
	return appTokenResponse(services, app);
}
