import { RequestCounters } from '../shared/counters';

/** The Data API calls the sandbox tells apart, for counters and fault switches. */
export const ENDPOINT_NAMES = [
	'productInfo',
	'databases',
	'login',
	'logout',
	'validateSession',
	'layouts',
	'layoutMetadata',
	'scripts',
	'getRecords',
	'getRecord',
	'find',
	'createRecord',
	'editRecord',
	'deleteRecord',
	'duplicateRecord',
	'runScript',
	'uploadContainer',
	'downloadContainer',
	'setGlobals',
	// OData v4 (`/fmi/odata/v4`): reads, writes, $batch, scripts, $metadata.
	'odataRead',
	'odataWrite',
	'odataBatch',
	'odataScript',
	'odataMetadata',
	// FileMaker Server's OAuth sign-in: the provider list, getoauthurl, and the redirect the
	// identity provider sends the browser to.
	'oauthProviderInfo',
	'oauthGetUrl',
	'oauthRedirect',
] as const;

export type EndpointName = (typeof ENDPOINT_NAMES)[number];

export function isEndpointName(name: string): name is EndpointName {
	return (ENDPOINT_NAMES as readonly string[]).includes(name);
}

/**
 * Request counts per endpoint, plus successful and failed logins and logouts. The OAuth events
 * show in a snapshot once they happened: of the Data API logins, those made with an OAuth
 * identifier (`oauthLogins`); OData OAuth logins (`odataOAuthLogins`); identifiers handed out
 * at the end of a sign-in (`oauthIdentifiers`).
 */
export class FileMakerCounters extends RequestCounters<EndpointName> {
	constructor() {
		super(['logins', 'failedLogins', 'logouts']);
	}

	get oauthLogins(): number {
		return this.event('oauthLogins');
	}

	get odataOAuthLogins(): number {
		return this.event('odataOAuthLogins');
	}

	get oauthIdentifiers(): number {
		return this.event('oauthIdentifiers');
	}

	get logins(): number {
		return this.event('logins');
	}

	get failedLogins(): number {
		return this.event('failedLogins');
	}

	get logouts(): number {
		return this.event('logouts');
	}
}
