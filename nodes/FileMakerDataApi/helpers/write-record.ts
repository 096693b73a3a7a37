import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fileMakerRequest, onLayout } from '../transport';
import type { FieldValue } from './field-data';
import { portalDataInput } from './field-data';
import { explainMissingFields, namesInWrite } from './missing-fields';
import type { RecordsResponse } from './records';
import { simplifyRecord } from './records';
import type { ScriptOptions } from './scripts';
import { scriptOutcome, scriptParameters } from './scripts';

export interface WriteOptions extends ScriptOptions {
	portalData?: string | IDataObject;
	entryMode?: 'script' | 'user';
	prohibitMode?: 'script' | 'user';
	returnRecord?: boolean;
	modId?: string;
	deletePortalRows?: string;
	dateFormat?: 'default' | '0' | '1' | '2';
}

interface WriteResponse extends IDataObject {
	recordId?: string;
	modId: string;
}

function writeBody(fieldData: Record<string, FieldValue>, options: WriteOptions): IDataObject {
	const body: IDataObject = { fieldData: { ...fieldData }, ...scriptParameters(options) };
	const portalData = portalDataInput(options.portalData);
	if (portalData) body.portalData = portalData;
	const modes: IDataObject = {};
	if (options.entryMode && options.entryMode !== 'script') modes.entrymode = options.entryMode;
	if (options.prohibitMode && options.prohibitMode !== 'script')
		modes.prohibitmode = options.prohibitMode;
	if (Object.keys(modes).length > 0) body.options = modes;
	if (options.modId?.trim()) body.modId = options.modId.trim();
	if (options.dateFormat && options.dateFormat !== 'default') {
		body.dateformats = Number(options.dateFormat);
	}
	const deleteRelated = (options.deletePortalRows ?? '')
		.split(',')
		.map((row) => row.trim())
		.filter(Boolean);
	if (deleteRelated.length > 0) {
		(body.fieldData as IDataObject).deleteRelated =
			deleteRelated.length === 1 ? deleteRelated[0] : deleteRelated;
	}
	return body;
}

/** What a write outputs: recordId and modId, or the whole record read back, and script results. */
async function writeOutput(
	context: IExecuteFunctions,
	layout: string,
	recordId: string,
	response: WriteResponse,
	options: WriteOptions,
): Promise<IDataObject> {
	const scripts = scriptOutcome(response, options);
	if (!options.returnRecord) return { recordId, modId: response.modId, ...scripts };
	const { response: read } = await fileMakerRequest<RecordsResponse>(context, {
		method: 'GET',
		...onLayout(layout, 'records', recordId),
	});
	return { ...simplifyRecord(read.data[0]), ...scripts };
}

export async function createRecord(
	context: IExecuteFunctions,
	layout: string,
	fieldData: Record<string, FieldValue>,
	options: WriteOptions,
): Promise<IDataObject> {
	const body = writeBody(fieldData, options);
	const { response } = await explainMissingFields(
		context,
		layout,
		namesInWrite(body),
		fileMakerRequest<WriteResponse>(context, {
			method: 'POST',
			...onLayout(layout, 'records'),
			body,
		}),
	);
	return await writeOutput(context, layout, String(response.recordId), response, options);
}

export async function updateRecord(
	context: IExecuteFunctions,
	layout: string,
	recordId: string,
	fieldData: Record<string, FieldValue>,
	options: WriteOptions,
): Promise<IDataObject> {
	const body = writeBody(fieldData, options);
	const { response } = await explainMissingFields(
		context,
		layout,
		namesInWrite(body),
		fileMakerRequest<WriteResponse>(context, {
			method: 'PATCH',
			...onLayout(layout, 'records', recordId),
			body,
		}),
	);
	return await writeOutput(context, layout, recordId, response, options);
}
