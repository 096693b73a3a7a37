import type { IDataObject } from 'n8n-workflow';

import { FileMakerError } from '../../../lib/filemaker/errors';
import type { FileMakerContext } from '../transport';
import type { LayoutMetadata } from './layout-metadata';
import { getLayoutMetadata } from './layout-metadata';

/** The field and portal names a request sent, as the builder wrote them. */
export interface SentNames {
	fields: string[];
	portals?: string[];
}

/** FileMaker code 102, "Field is missing": a sent field or portal is not on the layout. */
function isFieldMissing(error: unknown): error is FileMakerError {
	return error instanceof FileMakerError && error.fileMakerCode === '102';
}

// FileMaker field names are unique regardless of case, so a name differing only in case is
// not reported: the error must never blame a field that is on the layout.
const fold = (name: string) => name.toLocaleLowerCase('en');

/** `notes(2)` is repetition 2 of `notes`, which the layout lists once. */
const withoutRepetition = (name: string) => name.replace(/\(\d+\)$/, '');

/** What the builder sent that the layout lacks, each once, in the order sent. */
export function notOnLayout(sent: SentNames, metadata: LayoutMetadata): string[] {
	const portalFields = Object.values(metadata.portalMetaData).flat();
	const fields = new Set(
		[...metadata.fieldMetaData, ...portalFields].map((field) => fold(field.name)),
	);
	// A portal is named by its object name or, without one, by its table occurrence.
	const portals = new Set([
		...Object.keys(metadata.portalMetaData).map(fold),
		...portalFields.map((field) => fold(field.name.split('::')[0])),
	]);
	const missing = [
		...sent.fields
			.filter((name) => !fields.has(fold(withoutRepetition(name))))
			.map((name) => `"${name}"`),
		...(sent.portals ?? [])
			.filter((name) => !portals.has(fold(name)))
			.map((name) => `portal "${name}"`),
	];
	return [...new Set(missing)];
}

async function explained(
	context: FileMakerContext,
	layout: string,
	sent: SentNames,
	error: FileMakerError,
): Promise<FileMakerError> {
	const metadata = await getLayoutMetadata(context, layout).catch(() => undefined);
	const missing = metadata ? notOnLayout(sent, metadata) : [];
	if (missing.length === 0) return error;
	return new FileMakerError(
		`${error.message}: not on the layout: ${missing.join(', ')}`,
		error.fileMakerCode,
		error.fileMakerMessage,
		error.httpStatus,
		error.hint,
	);
}

/**
 * Waits for `pending`. If it fails with "Field is missing" (102), reads the layout's fields and
 * adds to the error which of the sent names the layout lacks; any other failure stays as it is.
 */
export async function explainMissingFields<T>(
	context: FileMakerContext,
	layout: string,
	sent: SentNames,
	pending: Promise<T>,
): Promise<T> {
	return await pending.then(
		(value) => value,
		async (error: unknown) => {
			throw isFieldMissing(error) ? await explained(context, layout, sent, error) : error;
		},
	);
}

/** The names in a write body: fieldData keys, and the portals and `TO::Field` keys of portalData. */
export function namesInWrite(body: IDataObject): SentNames {
	const fields = Object.keys((body.fieldData as IDataObject | undefined) ?? {}).filter(
		(name) => name !== 'deleteRelated',
	);
	const portalData = (body.portalData as Record<string, IDataObject[]> | undefined) ?? {};
	for (const rows of Object.values(portalData)) {
		for (const row of rows) {
			fields.push(...Object.keys(row).filter((key) => key !== 'recordId' && key !== 'modId'));
		}
	}
	return { fields, portals: Object.keys(portalData) };
}

/** The names in a find: the fields of every request, and the sort fields. */
export function namesInFind(query: IDataObject[], sort: Array<{ fieldName: string }>): SentNames {
	return {
		fields: [
			...query.flatMap((request) => Object.keys(request).filter((key) => key !== 'omit')),
			...sort.map((rule) => rule.fieldName),
		],
	};
}
