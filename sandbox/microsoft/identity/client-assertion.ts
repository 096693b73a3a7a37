import { constants, verify } from 'node:crypto';
import { aadsts } from './aadsts';
import type { RegisteredApp } from './directory';
import { aadDateTime } from './wire';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The clock skew Entra tolerates on `exp` and `nbf` (five minutes). */
const SKEW_MS = 5 * 60 * 1000;

export interface AssertionCheck {
	app: RegisteredApp;
	nowMs: number;
	/** Whether `aud` names this token endpoint. */
	isAudience(aud: string): boolean;
}

type Json = Record<string, unknown>;

function decode(segment: string | undefined): Json | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Json)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * Checks a certificate credential (https://learn.microsoft.com/entra/identity-platform/certificate-credentials):
 * RS256 with `x5t` (SHA-1 thumbprint) or PS256 with `x5t#S256` (SHA-256), signed by the key of
 * a certificate registered on the app; `aud` the token endpoint; `iss` = `sub` = the client id;
 * `exp` not passed; a `jti`. A `jti` may come again: msal-node reuses one assertion for up to
 * ten minutes. Throws the AADSTS error Entra answers.
 */
export function verifyClientAssertion(assertion: string, check: AssertionCheck): void {
	const { app } = check;
	const parts = assertion.split('.');
	const header = decode(parts[0]);
	const claims = decode(parts[1]);
	if (parts.length !== 3 || !header || !claims) {
		throw aadsts.badAssertion('The client assertion is not a well-formed JWT.');
	}
	const alg = header.alg;
	if (alg !== 'RS256' && alg !== 'PS256') {
		throw aadsts.badAssertion(`The signing algorithm '${String(alg)}' is not supported.`);
	}
	const sha256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
	const sha1 = typeof header.x5t === 'string' ? header.x5t : undefined;
	if (sha256 === undefined && sha1 === undefined) {
		throw aadsts.badAssertion('No certificate thumbprint specified in token header.');
	}
	const certificate = app.certificates.find((cert) =>
		sha256 !== undefined ? cert.x5tS256 === sha256 : cert.x5t === sha1,
	);
	if (!certificate) {
		const hex = Buffer.from(sha256 ?? sha1 ?? '', 'base64url')
			.toString('hex')
			.toUpperCase();
		throw aadsts.unknownAssertionKey(hex, app.clientId);
	}
	const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
	const signature = Buffer.from(parts[2], 'base64url');
	const key =
		alg === 'PS256'
			? {
					key: certificate.publicKey,
					padding: constants.RSA_PKCS1_PSS_PADDING,
					saltLength: constants.RSA_PSS_SALTLEN_AUTO,
				}
			: certificate.publicKey;
	if (!verify('sha256', signed, key, signature)) {
		throw aadsts.assertionSignature(certificate.thumbprintSha1Hex);
	}
	checkClaims(claims, check);
}

function checkClaims(claims: Json, check: AssertionCheck): void {
	const { app, nowMs } = check;
	const { iss, sub, aud, exp, nbf, jti } = claims;
	if (typeof iss !== 'string' || iss.toLowerCase() !== app.clientId) {
		throw aadsts.badAssertion(`The 'iss' claim must be the client id '${app.clientId}'.`);
	}
	if (sub !== iss) {
		throw aadsts.badAssertion(`Subject mismatches Issuer claim in the client assertion.`);
	}
	const audiences = Array.isArray(aud) ? aud : [aud];
	if (!audiences.some((value) => typeof value === 'string' && check.isAudience(value))) {
		throw aadsts.badAssertion(
			`The 'aud' claim '${String(aud)}' does not name this token endpoint.`,
		);
	}
	if (typeof exp !== 'number' || typeof jti !== 'string' || jti === '') {
		throw aadsts.badAssertion("The client assertion must carry the 'exp' and 'jti' claims.");
	}
	const from = typeof nbf === 'number' ? nbf * 1000 : undefined;
	if (exp * 1000 + SKEW_MS <= nowMs || (from !== undefined && from - SKEW_MS > nowMs)) {
		throw aadsts.assertionTimeRange(
			aadDateTime(nowMs),
			from === undefined ? '(none)' : aadDateTime(from),
			aadDateTime(exp * 1000),
		);
	}
}
