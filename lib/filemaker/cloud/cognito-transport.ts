import type { IDataObject } from 'n8n-workflow';

import type { TransportSettings } from '../../http/request-rules';
import { sendWithRules, viaHttpRequest } from '../../http/request-rules';
import type { HttpRequest } from '../session';

type Callback = (error: Error | null, data?: IDataObject) => void;

/** The part of amazon-cognito-identity-js's `Client` that `CognitoUser` calls. */
export interface CognitoClient {
	request(operation: string, params: IDataObject, callback: Callback): void;
	requestWithRetry(operation: string, params: IDataObject, callback: Callback): void;
	promisifyRequest(operation: string, params: IDataObject): Promise<IDataObject>;
}

/** A Cognito error as the library reports it: `code` is the `__type` (`NotAuthorizedException`). */
export class CognitoError extends Error {
	constructor(
		message: string,
		readonly code: string,
		readonly statusCode: number,
	) {
		super(message);
		this.name = code;
	}
}

function parsed(body: unknown): IDataObject {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as IDataObject;
		} catch {
			return {};
		}
	}
	return (body ?? {}) as IDataObject;
}

/**
 * Cognito's JSON protocol through n8n's HTTP helper (so n8n's proxy settings apply) under the
 * package's transport rules (timeout, no redirects, Retry-After), in place of the library's own
 * fetch. `requestWithRetry` is a single request: the library would otherwise retry a refused
 * refresh token with back-off for seconds before reporting it.
 */
export function cognitoClient(
	http: HttpRequest,
	endpoint: string,
	transport: TransportSettings,
): CognitoClient {
	const call = async (operation: string, params: IDataObject): Promise<IDataObject> => {
		const answer = await sendWithRules(
			viaHttpRequest(http),
			{
				options: {
					method: 'POST',
					url: endpoint,
					headers: {
						'Content-Type': 'application/x-amz-json-1.1',
						'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
					},
					body: JSON.stringify(params),
				},
				idempotent: false,
				serverName: `Amazon Cognito at ${new URL(endpoint).origin}`,
			},
			transport,
		);
		const data = parsed(answer.body);
		if (answer.statusCode >= 200 && answer.statusCode < 300) return data;
		const header = answer.headers['x-amzn-errortype'];
		const type = String(data.__type ?? (typeof header === 'string' ? header : 'UnknownError'));
		const code = type.split('#').pop()?.split(':')[0] ?? type;
		const message = String(data.message ?? data.Message ?? `HTTP ${answer.statusCode}`);
		throw new CognitoError(message, code, answer.statusCode);
	};
	const request = (operation: string, params: IDataObject, callback: Callback) => {
		call(operation, params).then(
			(data) => callback(null, data),
			(error: Error) => callback(error),
		);
	};
	return { request, requestWithRetry: request, promisifyRequest: call };
}
