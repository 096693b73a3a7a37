import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { transportProperties } from '../lib/http/transport-settings';
import { NATIONAL_CLOUDS } from '../lib/microsoft/clouds';
import { endpointProperties, nationalCloudProperty } from '../lib/microsoft/credential-properties';

/** `{{ … }}` that picks the national cloud's host, or the endpoint that stands in for it. */
function cloudHost(host: 'authorityHost' | 'graphHost'): string {
	const byCloud = Object.entries(NATIONAL_CLOUDS)
		.map(([cloud, hosts]) => `$self["nationalCloud"] === "${cloud}" ? "${hosts[host]}" : `)
		.join('');
	return `(${byCloud}"${NATIONAL_CLOUDS.global[host]}")`;
}

/** Token requests go to the identity endpoint when one is set; scopes name the cloud's Graph. */
const IDENTITY = `($self["identityEndpoint"] || ${cloudHost('authorityHost')}).replace(/\\/+$/, "")`;
const GRAPH_SCOPE_HOST = cloudHost('graphHost');

/**
 * A person's own mailbox, with delegated permissions: they connect once with n8n's OAuth button
 * (authorization code with PKCE); n8n keeps the tokens, refreshes the access token with the
 * refresh token when Graph answers 401, and stores the new refresh token Microsoft returns each
 * time (refresh tokens rotate; n8n keeps the newest).
 */
export class MicrosoftGraphDelegatedOAuth2Api implements ICredentialType {
	name = 'microsoftGraphDelegatedOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Microsoft Graph Delegated OAuth2 API';

	icon: Icon = { light: 'file:microsoft.svg', dark: 'file:microsoft.dark.svg' };

	documentationUrl = 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'pkce' },
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: 'organizations',
			required: true,
			description:
				'Directory (tenant) ID of the app registration; "organizations" lets anyone with a work account of any tenant connect',
		},
		nationalCloudProperty,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${IDENTITY} + "/" + $self["tenantId"] + "/oauth2/v2.0/authorize" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${IDENTITY} + "/" + $self["tenantId"] + "/oauth2/v2.0/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `={{ "openid offline_access " + ["Mail.ReadWrite", "Mail.Send", "Mail.ReadWrite.Shared", "Mail.Send.Shared", "User.Read"].map((scope) => ${GRAPH_SCOPE_HOST} + "/" + scope).join(" ") }}`,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'response_mode=query',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...transportProperties,
		...endpointProperties,
	];
}
