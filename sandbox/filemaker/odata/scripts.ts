import type { DatabaseSchema } from '../schema';
import { ODataError } from './errors';
import { json, type ODataContext, type ODataRequest, type ODataResponse } from './request';

/**
 * `POST /{db}/Script.{name}` with an empty body or `{"scriptParameterValue": …}` (string,
 * number or JSON) → `{"scriptResult": {"code": 0, "resultParameter": "…"}}` (Claris, "Run
 * scripts"). A script that ends with an error answers its code; an unknown script 404 with
 * 104 "Script is missing" (chosen).
 */
export async function runScript(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	name: string,
): Promise<ODataResponse> {
	const scripts = context.services.scripts;
	if (!scripts.exists(database.name, name)) {
		throw new ODataError(404, '104', `Script '${name}' is missing`);
	}
	const parameter = scriptParameter(request.body.toString('utf8'));
	const outcome = await scripts.run(name, {
		parameter,
		database: database.name,
		store: context.services.store,
	});
	const scriptResult: Record<string, unknown> = { code: Number(outcome.error) };
	if (outcome.result !== undefined) scriptResult.resultParameter = outcome.result;
	return json(request, context.settings, 200, { scriptResult });
}

function scriptParameter(text: string): string {
	if (text.trim() === '') return '';
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ODataError(400, '-1002', 'Error: the request body is not valid JSON');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ODataError(400, '-1002', 'Error: expected {"scriptParameterValue": …}');
	}
	const value = (body as Record<string, unknown>).scriptParameterValue;
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : JSON.stringify(value);
}
