import type { FileMakerSandbox } from '../../sandbox/filemaker';

export const DATABASE = 'Contacts';
export const ACCOUNT = 'admin';
export const PASSWORD = 'sandbox-admin-password';

type FieldValue = string | number;
type PortalRow = Record<string, FieldValue>;

export interface RecordEntry {
	fieldData: Record<string, FieldValue>;
	portalData: Record<string, PortalRow[]>;
	recordId: string;
	modId: string;
	portalDataInfo?: Array<Record<string, string | number>>;
}

/** The `response` of the calls the tests make; each call fills in some of these. */
export interface DataApiResponse {
	token?: string;
	dataInfo?: Record<string, string | number>;
	data?: RecordEntry[];
	recordId?: string;
	modId?: string;
	newPortalRecordInfo?: Array<Record<string, string>>;
	scriptResult?: string;
	scriptError?: string;
	[key: string]: unknown;
}

export interface Envelope {
	response: DataApiResponse;
	messages: Array<{ code: string; message: string }>;
}

export interface Answer {
	status: number;
	headers: Headers;
	body: Envelope;
}

export function basicAuth(account = ACCOUNT, password = PASSWORD): string {
	return `Basic ${Buffer.from(`${account}:${password}`).toString('base64')}`;
}

/** A minimal Data API client for protocol tests: plain fetch, no retries, no magic. */
export class DataApi {
	token = '';

	constructor(
		private readonly fm: Pick<FileMakerSandbox, 'url'>,
		readonly database = DATABASE,
		readonly version = 'vLatest',
	) {}

	url(path: string): string {
		return `${this.fm.url}/fmi/data/${this.version}${path}`;
	}

	layoutPath(layout: string, rest = ''): string {
		return `/databases/${encodeURIComponent(this.database)}/layouts/${encodeURIComponent(layout)}${rest}`;
	}

	async login(authorization = basicAuth()): Promise<Answer> {
		const answer = await this.call(
			'POST',
			`/databases/${this.database}/sessions`,
			{},
			{ Authorization: authorization },
		);
		this.token = answer.headers.get('x-fm-data-access-token') ?? '';
		return answer;
	}

	/** A JSON call with the session's bearer token (unless `headers` brings its own). */
	async call(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<Answer> {
		const response = await fetch(this.url(path), {
			method,
			headers: {
				...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		return {
			status: response.status,
			headers: response.headers,
			body: (await response.json()) as Envelope,
		};
	}

	get(path: string, query: Record<string, string> = {}): Promise<Answer> {
		const search = new URLSearchParams(query).toString();
		return this.call('GET', search ? `${path}?${search}` : path);
	}

	find(layout: string, body: unknown): Promise<Answer> {
		return this.call('POST', this.layoutPath(layout, '/_find'), body);
	}
}

export const OK = [{ code: '0', message: 'OK' }];

export function errorOf(answer: Answer): { status: number; code: string; message: string } {
	return {
		status: answer.status,
		code: answer.body.messages[0].code,
		message: answer.body.messages[0].message,
	};
}
