import type { RegisteredApp, TenantSegment } from '../directory';
import type { MicrosoftIdentityServices } from '../services';

/** A token request that named a known app and authenticated its client. */
export interface GrantRequest {
	services: MicrosoftIdentityServices;
	/** The form, one string per parameter. */
	form: Record<string, string | undefined>;
	app: RegisteredApp;
	/** What the `{tenant}` path segment named. */
	segment: TenantSegment;
	/** How the client authenticated (`none` for a public client). */
	clientAuthentication: 'none' | 'secret' | 'certificate';
}
