import type { IDataObject, IHttpRequestHelper, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	FileMakerError,
	fileMakerErrorFromAnswer,
	hintFor,
} from '../../nodes/shared/filemaker/errors';
import { connectionError } from '../../nodes/shared/filemaker/connection-error';
import type { FileMakerServerSettings } from './filemaker-server-settings';
import { dataApiBaseUrl } from './filemaker-server-settings';

type HttpRequest = IHttpRequestHelper['helpers']['httpRequest'];

/**
 * Opens a Data API session with a FileMaker account (`Authorization: Basic`) and returns its
 * token. The token comes in the `X-FM-Data-Access-Token` header (and `response.token`).
 * Errors name FileMaker's code and never contain the password.
 */
export async function logInWithAccount(
	httpRequest: HttpRequest,
	settings: FileMakerServerSettings,
): Promise<string> {
	const basic = Buffer.from(`${settings.account}:${settings.password}`, 'utf8').toString('base64');
	let answer: IN8nHttpFullResponse;
	try {
		answer = (await httpRequest({
			method: 'POST',
			url: `${dataApiBaseUrl(settings)}/databases/${encodeURIComponent(settings.database)}/sessions`,
			headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/json' },
			body: {},
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: settings.allowSelfSigned,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw connectionError(error, settings.serverUrl);
	}

	const token = sessionTokenOf(answer);
	if (answer.statusCode === 200 && token) return token;

	const loginFailed = `FileMaker Server refused the login of account "${settings.account}" to database "${settings.database}"`;
	throw (
		fileMakerErrorFromAnswer(answer.body, answer.statusCode, undefined, loginFailed) ??
		new FileMakerError(
			`${loginFailed}: HTTP ${answer.statusCode} without a FileMaker answer. Is ${settings.serverUrl} a FileMaker Server with the Data API enabled?`,
			undefined,
			undefined,
			answer.statusCode,
			hintFor('953'),
		)
	);
}

function sessionTokenOf(answer: IN8nHttpFullResponse): string | undefined {
	const header = answer.headers['x-fm-data-access-token'];
	if (typeof header === 'string' && header) return header;
	const body = answer.body as { response?: IDataObject } | undefined;
	const token = body?.response?.token;
	return typeof token === 'string' && token ? token : undefined;
}

/**
 * Whether FileMaker still accepts a session token (`GET /validateSession`, FileMaker Server
 * 19.1 and later). Any other answer, older servers' 404 included, counts as "no".
 */
export async function isSessionValid(
	httpRequest: HttpRequest,
	settings: FileMakerServerSettings,
	token: string,
): Promise<boolean> {
	try {
		const answer = (await httpRequest({
			method: 'GET',
			url: `${dataApiBaseUrl(settings)}/validateSession`,
			headers: { Authorization: `Bearer ${token}` },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: settings.allowSelfSigned,
		})) as IN8nHttpFullResponse;
		return answer.statusCode === 200;
	} catch {
		return false;
	}
}
