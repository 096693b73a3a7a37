import { X509Certificate, createHash, type KeyObject } from 'node:crypto';
import { generate } from 'selfsigned';

/** A certificate uploaded to an app registration ("Certificates & secrets"), public part only. */
export interface RegisteredCertificate {
	pem: string;
	publicKey: KeyObject;
	/** SHA-1 of the DER encoding, upper-case hex, as the portal lists it. */
	thumbprintSha1Hex: string;
	thumbprintSha256Hex: string;
	/** The `x5t` header a client assertion names it by: base64url of the SHA-1 digest. */
	x5t: string;
	/** The `x5t#S256` header: base64url of the SHA-256 digest. */
	x5tS256: string;
	notAfter: number;
}

export function registerCertificate(pem: string): RegisteredCertificate {
	const certificate = new X509Certificate(pem);
	const der = certificate.raw;
	const sha1 = createHash('sha1').update(der).digest();
	const sha256 = createHash('sha256').update(der).digest();
	return {
		pem,
		publicKey: certificate.publicKey,
		thumbprintSha1Hex: sha1.toString('hex').toUpperCase(),
		thumbprintSha256Hex: sha256.toString('hex').toUpperCase(),
		x5t: sha1.toString('base64url'),
		x5tS256: sha256.toString('base64url'),
		notAfter: Date.parse(certificate.validTo),
	};
}

export interface TestCertificate {
	/** PKCS#8 PEM; what msal-node takes as `clientCertificate.privateKey`. */
	privateKeyPem: string;
	/** The X.509 certificate (public): what the app registration holds. */
	certificatePem: string;
	/** Upper-case hex, as the Azure portal shows it (msal's `thumbprint`). */
	thumbprintSha1Hex: string;
	/** Upper-case hex (msal's `thumbprintSha256`). */
	thumbprintSha256Hex: string;
}

/** A self-signed RSA 2048 certificate, valid for a year, as `New-SelfSignedCertificate` makes. */
export async function createTestCertificate(
	commonName = 'n8n-nodes-filemaker-graph sandbox',
): Promise<TestCertificate> {
	const pems = await generate([{ name: 'commonName', value: commonName }], {
		keyType: 'rsa',
		keySize: 2048,
		algorithm: 'sha256',
	});
	const registered = registerCertificate(pems.cert);
	return {
		privateKeyPem: pems.private,
		certificatePem: pems.cert,
		thumbprintSha1Hex: registered.thumbprintSha1Hex,
		thumbprintSha256Hex: registered.thumbprintSha256Hex,
	};
}
