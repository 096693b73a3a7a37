import { createHash } from 'node:crypto';
import { registerCertificate, type RegisteredCertificate } from './certificates';

/** A Microsoft Entra tenant (directory). */
export interface TenantSpec {
	/** The directory (tenant) id, a GUID. */
	tenantId: string;
	/** Its initial domain, e.g. `contoso.onmicrosoft.com`; the token endpoint accepts it too. */
	domain?: string;
	/** Shown in error messages ("not found in the directory '…'"); default: the domain. */
	displayName?: string;
}

export interface SecretSpec {
	value: string;
	/** When the secret lapses, ms since the epoch on the sandbox clock. */
	expiresAt: number;
}

export interface CertificateSpec {
	/** The X.509 certificate (public part), PEM. */
	pem: string;
}

/** An app registration with its service principal in its home tenant (single tenant). */
export interface AppSpec {
	tenantId: string;
	/** Application (client) id, a GUID. */
	clientId: string;
	displayName: string;
	secrets?: SecretSpec[];
	certificates?: CertificateSpec[];
	/** Exact redirect URIs (compared as strings, as Entra does). */
	redirectUris?: string[];
	/** Graph application permissions the admin granted (`roles` of app-only tokens). */
	applicationPermissions?: string[];
	/** Graph delegated permissions consented for the tenant; plus openid, profile, email, offline_access. */
	delegatedScopes?: string[];
	/**
	 * A public client (desktop, mobile, "Allow public client flows") redeems codes and refresh
	 * tokens without a credential and is refused one. Default: true when the app has neither a
	 * secret nor a certificate.
	 */
	publicClient?: boolean;
	/** The service principal's object id (`oid` of app-only tokens); derived when left out. */
	servicePrincipalId?: string;
}

export interface UserSpec {
	tenantId: string;
	/** The user's object id, a GUID. */
	id: string;
	userPrincipalName: string;
	password: string;
	displayName: string;
}

export interface Tenant {
	tenantId: string;
	domain?: string;
	displayName: string;
}

export interface RegisteredSecret extends SecretSpec {
	/** Position in the registration's list, for the admin API. */
	index: number;
}

export interface RegisteredApp {
	tenantId: string;
	clientId: string;
	displayName: string;
	secrets: RegisteredSecret[];
	certificates: RegisteredCertificate[];
	redirectUris: string[];
	applicationPermissions: string[];
	delegatedScopes: string[];
	publicClient: boolean;
	servicePrincipalId: string;
}

export type DirectoryUser = UserSpec;

/** What the `{tenant}` path segment names. */
export type TenantSegment =
	| { kind: 'tenant'; tenant: Tenant }
	| { kind: 'common' | 'organizations' | 'consumers' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(text: string): boolean {
	return GUID.test(text);
}

function requireGuid(value: string, what: string): string {
	if (!isGuid(value)) throw new RangeError(`${what} must be a GUID, got ${JSON.stringify(value)}`);
	return value.toLowerCase();
}

/** A stable GUID derived from `seed` (service principal ids, pairwise subjects). */
export function derivedGuid(seed: string): string {
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The tenants, their app registrations and users. */
export class Directory {
	private readonly tenants = new Map<string, Tenant>();
	private readonly domains = new Map<string, Tenant>();
	private readonly apps = new Map<string, RegisteredApp>();
	private readonly users = new Map<string, DirectoryUser>();
	private readonly userNames = new Map<string, DirectoryUser>();

	addTenant(spec: TenantSpec): Tenant {
		const tenantId = requireGuid(spec.tenantId, 'tenantId');
		const tenant: Tenant = {
			tenantId,
			domain: spec.domain,
			displayName: spec.displayName ?? spec.domain ?? tenantId,
		};
		this.tenants.set(tenantId, tenant);
		if (spec.domain) this.domains.set(spec.domain.toLowerCase(), tenant);
		return tenant;
	}

	addApp(spec: AppSpec): RegisteredApp {
		const tenantId = this.existingTenant(spec.tenantId).tenantId;
		const clientId = requireGuid(spec.clientId, 'clientId');
		const secrets = (spec.secrets ?? []).map((secret, index) => ({ ...secret, index }));
		const certificates = (spec.certificates ?? []).map((cert) => registerCertificate(cert.pem));
		const app: RegisteredApp = {
			tenantId,
			clientId,
			displayName: spec.displayName,
			secrets,
			certificates,
			redirectUris: [...(spec.redirectUris ?? [])],
			applicationPermissions: [...(spec.applicationPermissions ?? [])],
			delegatedScopes: [...(spec.delegatedScopes ?? [])],
			publicClient: spec.publicClient ?? (secrets.length === 0 && certificates.length === 0),
			servicePrincipalId: requireGuid(
				spec.servicePrincipalId ?? derivedGuid(`sp:${tenantId}:${clientId}`),
				'servicePrincipalId',
			),
		};
		this.apps.set(clientId, app);
		return app;
	}

	addUser(spec: UserSpec): DirectoryUser {
		const tenantId = this.existingTenant(spec.tenantId).tenantId;
		const user: DirectoryUser = {
			...spec,
			tenantId,
			id: requireGuid(spec.id, 'user id'),
		};
		this.users.set(user.id, user);
		this.userNames.set(spec.userPrincipalName.toLowerCase(), user);
		return user;
	}

	/** What a `{tenant}` path segment names: a tenant by id or domain, or a multi-tenant alias. */
	resolveTenant(segment: string): TenantSegment | undefined {
		const key = segment.toLowerCase();
		if (key === 'common' || key === 'organizations' || key === 'consumers') return { kind: key };
		const tenant = this.tenants.get(key) ?? this.domains.get(key);
		return tenant && { kind: 'tenant', tenant };
	}

	tenant(tenantId: string): Tenant | undefined {
		return this.tenants.get(tenantId.toLowerCase());
	}

	app(clientId: string): RegisteredApp | undefined {
		return this.apps.get(clientId.toLowerCase());
	}

	/** By object id or user principal name, case-insensitively. */
	user(idOrName: string): DirectoryUser | undefined {
		const key = idOrName.toLowerCase();
		return this.users.get(key) ?? this.userNames.get(key);
	}

	listTenants(): Tenant[] {
		return [...this.tenants.values()];
	}

	listApps(): RegisteredApp[] {
		return [...this.apps.values()];
	}

	listUsers(): DirectoryUser[] {
		return [...this.users.values()];
	}

	existingApp(clientId: string): RegisteredApp {
		const app = this.app(clientId);
		if (!app) throw new RangeError(`no app registration ${clientId}`);
		return app;
	}

	existingUser(idOrName: string): DirectoryUser {
		const user = this.user(idOrName);
		if (!user) throw new RangeError(`no user ${idOrName}`);
		return user;
	}

	private existingTenant(tenantId: string): Tenant {
		const tenant = this.tenant(tenantId);
		if (!tenant) throw new RangeError(`no tenant ${tenantId}; list it in "tenants" first`);
		return tenant;
	}
}
