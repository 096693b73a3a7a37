import type { Request } from 'express';
import { aadsts } from './aadsts';
import { JWT_BEARER, verifyClientAssertion } from './client-assertion';
import type { RegisteredApp } from './directory';

/** The client credential a token request carries, wherever it carries it. */
export interface PresentedCredential {
	/** `client_secret` in the form, or the password of `Authorization: Basic` (client_secret_basic). */
	secret?: string;
	assertion?: string;
	assertionType?: string;
	/** The client id of `Authorization: Basic`, when the request used it. */
	basicClientId?: string;
}

export function presentedCredential(
	req: Request,
	form: Record<string, string | undefined>,
): PresentedCredential {
	const basic = basicCredentials(req);
	return {
		secret: form.client_secret ?? basic?.secret,
		assertion: form.client_assertion,
		assertionType: form.client_assertion_type,
		basicClientId: basic?.id,
	};
}

export interface ClientAuthentication {
	app: RegisteredApp;
	credential: PresentedCredential;
	/** Client credentials always need a credential; codes and refresh tokens for confidential apps. */
	confidentialGrant: boolean;
	nowMs: number;
	isAudience(aud: string): boolean;
}

/**
 * Authenticates the client as Entra does: a public client must present no credential, a
 * confidential one exactly one: a secret (not expired) or a certificate assertion. Throws the
 * AADSTS error; returns how the client authenticated.
 */
export function authenticateClient(check: ClientAuthentication): 'none' | 'secret' | 'certificate' {
	const { app, credential } = check;
	const presented =
		credential.secret !== undefined ||
		credential.assertion !== undefined ||
		credential.assertionType !== undefined;
	if (app.publicClient && !check.confidentialGrant) {
		if (presented) throw aadsts.publicClientWithCredential();
		return 'none';
	}
	if (!presented) throw aadsts.missingCredential();
	if (credential.secret !== undefined && credential.assertion !== undefined) {
		throw aadsts.twoCredentials();
	}
	if (credential.secret !== undefined) {
		const secret = app.secrets.find((candidate) => candidate.value === credential.secret);
		if (!secret) throw aadsts.wrongSecret(app.clientId);
		if (secret.expiresAt <= check.nowMs) throw aadsts.expiredSecret(app.clientId);
		return 'secret';
	}
	if (credential.assertionType !== JWT_BEARER) {
		throw aadsts.badAssertion(`client_assertion_type must be '${JWT_BEARER}'.`);
	}
	if (credential.assertion === undefined) throw aadsts.missingParameter('client_assertion');
	verifyClientAssertion(credential.assertion, {
		app,
		nowMs: check.nowMs,
		isAudience: check.isAudience,
	});
	return 'certificate';
}

/** `Authorization: Basic` client credentials (RFC 6749 §2.3.1, form-urlencoded parts). */
function basicCredentials(req: Request): { id: string; secret: string } | undefined {
	const encoded = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
	if (!encoded) return undefined;
	const decoded = Buffer.from(encoded, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	const unescape = (text: string) => {
		try {
			return decodeURIComponent(text.replace(/\+/g, ' '));
		} catch {
			return text;
		}
	};
	return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
}
