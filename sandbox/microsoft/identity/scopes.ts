import type { RegisteredApp } from './directory';

/** Microsoft Graph's application id: `00000003-…/.default` names Graph as well as its URL. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The OpenID Connect scopes; every app may ask for them. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;
type OidcScope = (typeof OIDC_SCOPES)[number];

/** What a person granted an app at sign-in: Graph permissions and OpenID Connect scopes. */
export interface GrantedScopes {
	/** Graph delegated permissions, spelled as in the app registration. */
	graph: string[];
	oidc: OidcScope[];
}

export function splitScopes(raw: string | undefined): string[] {
	return (raw ?? '').split(/\s+/).filter((scope) => scope !== '');
}

/**
 * The resource a `<resource>/.default` (or `<resource>/<permission>`) scope names, and the part
 * after it; a bare name (`Mail.Read`) is a Graph permission, as Entra reads it.
 */
export function splitResourceScope(scope: string): { resource?: string; name: string } {
	const slash = scope.lastIndexOf('/');
	if (slash === -1) return { name: scope };
	return { resource: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

/** Whether `resource` names Microsoft Graph (its URL with or without a slash, or its app id). */
export function isGraphResource(resource: string, graphResource: string): boolean {
	const key = resource.toLowerCase().replace(/\/+$/, '');
	return key === graphResource.toLowerCase().replace(/\/+$/, '') || key === GRAPH_APP_ID;
}

/**
 * Reads the `scope` of a delegated request against what the tenant consented for the app
 * (`delegatedScopes`): `.default` means all of them. Scopes outside are `notConsented`.
 */
export function readDelegatedScopes(
	raw: string | undefined,
	app: RegisteredApp,
	graphResource: string,
): { granted: GrantedScopes; notConsented: string[] } {
	const granted: GrantedScopes = { graph: [], oidc: [] };
	const notConsented: string[] = [];
	const grant = (name: string) => {
		if (!granted.graph.includes(name)) granted.graph.push(name);
	};
	for (const scope of splitScopes(raw)) {
		const oidc = OIDC_SCOPES.find((name) => name === scope.toLowerCase());
		if (oidc) {
			if (!granted.oidc.includes(oidc)) granted.oidc.push(oidc);
			continue;
		}
		const { resource, name } = splitResourceScope(scope);
		if (resource !== undefined && !isGraphResource(resource, graphResource)) {
			notConsented.push(scope);
		} else if (name === '.default') {
			app.delegatedScopes.filter((s) => !isOidc(s)).forEach(grant);
		} else {
			const registered = app.delegatedScopes.find((s) => s.toLowerCase() === name.toLowerCase());
			if (registered && !isOidc(registered)) grant(registered);
			else notConsented.push(scope);
		}
	}
	return { granted, notConsented };
}

function isOidc(scope: string): boolean {
	return (OIDC_SCOPES as readonly string[]).includes(scope.toLowerCase());
}

/** The `scope` of a token answer: Graph permissions by name, then the OpenID scopes. */
export function scopeParameter(granted: GrantedScopes): string {
	const oidc = (['openid', 'profile', 'email'] as const).filter((s) => granted.oidc.includes(s));
	return [...granted.graph, ...oidc].join(' ');
}

/** The `scp` claim of a delegated Graph token. */
export function scpClaim(granted: GrantedScopes): string {
	const oidc = (['profile', 'openid', 'email'] as const).filter((s) => granted.oidc.includes(s));
	return [...granted.graph, ...oidc].join(' ');
}

/**
 * The scopes of a token redeemed from a grant (a code, a refresh token) whose sign-in gave
 * `base`, when the request's own `scope` reads as `requested`: the Graph permissions it names
 * (any the tenant consented to: a refresh token serves all of them), or those of the sign-in
 * when it names none; the OpenID scopes of both.
 */
export function redeemedScopes(base: GrantedScopes, requested: GrantedScopes): GrantedScopes {
	const oidc = [...base.oidc];
	for (const scope of requested.oidc) if (!oidc.includes(scope)) oidc.push(scope);
	return { graph: requested.graph.length === 0 ? [...base.graph] : [...requested.graph], oidc };
}
