import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { CognitoSandbox } from '../../sandbox/cognito';

export interface WireAnswer {
	status: number;
	headers: Headers;
	body: Record<string, unknown>;
}

type Pool = Pick<CognitoSandbox, 'url' | 'clientId' | 'userPoolId'>;

/** One call of Cognito's JSON protocol, as the AWS SDKs make it. */
export async function cognitoCall(
	cognito: Pick<CognitoSandbox, 'url'>,
	operation: string,
	body: unknown,
): Promise<WireAnswer> {
	const response = await fetch(`${cognito.url}/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
		},
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
	};
}

/** `{ status, type, message, headerType }` of an error answer. */
export function cognitoErrorOf(answer: WireAnswer) {
	return {
		status: answer.status,
		type: answer.body.__type,
		message: answer.body.message,
		headerType: answer.headers.get('x-amzn-errortype'),
	};
}

export function refreshCall(cognito: Pool, refreshToken: string, flow = 'REFRESH_TOKEN_AUTH') {
	return cognitoCall(cognito, 'InitiateAuth', {
		AuthFlow: flow,
		ClientId: cognito.clientId,
		AuthParameters: { REFRESH_TOKEN: refreshToken },
	});
}

// The client half of SRP, written here from RFC 5054 and the library's AuthenticationHelper
// (not from the sandbox), so that raw tests can send what the library never would.
const N = BigInt(
	'0x' +
		'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22' +
		'514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6' +
		'F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
		'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB' +
		'9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E8603' +
		'9B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
		'15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7D' +
		'B3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864' +
		'D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
		'43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

function pad(value: bigint): string {
	const hex = value.toString(16);
	const even = hex.length % 2 ? `0${hex}` : hex;
	return /^[89a-f]/.test(even) ? `00${even}` : even;
}

function sha(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}

function power(base: bigint, exponent: bigint): bigint {
	let result = 1n;
	let square = ((base % N) + N) % N;
	for (let rest = exponent; rest > 0n; rest >>= 1n) {
		if (rest & 1n) result = (result * square) % N;
		square = (square * square) % N;
	}
	return result;
}

export interface SrpChallengeParameters {
	SALT: string;
	SRP_B: string;
	SECRET_BLOCK: string;
	USER_ID_FOR_SRP: string;
	USERNAME: string;
}

/** A hand-driven USER_SRP_AUTH sign-in. */
export class WireSrpClient {
	private readonly a = BigInt(`0x${randomBytes(128).toString('hex')}`);
	private readonly A = power(g, this.a);

	constructor(private readonly cognito: Pool) {}

	start(username: string): Promise<WireAnswer> {
		return cognitoCall(this.cognito, 'InitiateAuth', {
			AuthFlow: 'USER_SRP_AUTH',
			ClientId: this.cognito.clientId,
			AuthParameters: { USERNAME: username, SRP_A: this.A.toString(16) },
		});
	}

	/** The PASSWORD_VERIFIER answer, signed for `password` at `timestamp`. */
	answer(
		parameters: SrpChallengeParameters,
		password: string,
		timestamp: string,
	): Promise<WireAnswer> {
		const poolName = this.cognito.userPoolId.split('_')[1];
		const userId = parameters.USER_ID_FOR_SRP;
		const B = BigInt(`0x${parameters.SRP_B}`);
		const k = BigInt(`0x${sha(Buffer.from(pad(N) + pad(g), 'hex'))}`);
		const u = BigInt(`0x${sha(Buffer.from(pad(this.A) + pad(B), 'hex'))}`);
		const identity = sha(`${poolName}${userId}:${password}`);
		const salt = pad(BigInt(`0x${parameters.SALT}`));
		const x = BigInt(`0x${sha(Buffer.from(salt + identity, 'hex'))}`);
		const S = power(B - k * power(g, x), this.a + u * x);
		const prk = createHmac('sha256', Buffer.from(pad(u), 'hex'))
			.update(Buffer.from(pad(S), 'hex'))
			.digest();
		const key = createHmac('sha256', prk)
			.update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])]))
			.digest()
			.subarray(0, 16);
		const signature = createHmac('sha256', key)
			.update(poolName)
			.update(userId)
			.update(Buffer.from(parameters.SECRET_BLOCK, 'base64'))
			.update(timestamp)
			.digest('base64');
		return cognitoCall(this.cognito, 'RespondToAuthChallenge', {
			ChallengeName: 'PASSWORD_VERIFIER',
			ClientId: this.cognito.clientId,
			ChallengeResponses: {
				USERNAME: userId,
				PASSWORD_CLAIM_SECRET_BLOCK: parameters.SECRET_BLOCK,
				PASSWORD_CLAIM_SIGNATURE: signature,
				TIMESTAMP: timestamp,
			},
		});
	}
}
