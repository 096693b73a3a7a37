import type { ContainerStreams } from './containers';
import { formatFieldOutput, type DateFormats } from './field-values';
import type { FieldValue, FixtureField } from './fixture-types';
import type { RelatedRecords } from './related-records';
import type { PortalSelection } from './request-params';
import type { LayoutSchema, TableSchema } from './schema';
import type { Session } from './sessions';
import type { SandboxRecord, SandboxStore } from './store';

/** FileMaker returns at most 50 rows per portal unless `limit.<portal>` says otherwise. */
export const DEFAULT_PORTAL_LIMIT = 50;

export interface RecordViewContext {
	database: string;
	layout: LayoutSchema;
	session: Session;
	dateformats: DateFormats;
	portals: PortalSelection;
	related: RelatedRecords;
	store: SandboxStore;
	streams: ContainerStreams;
	/** Scheme and host as the client addressed the server, for container URLs. */
	baseUrl: string;
}

type PortalRow = Record<string, FieldValue>;

interface PortalDataInfo {
	portalObjectName: string;
	database: string;
	table: string;
	foundCount: number;
	returnedCount: number;
}

/** A record as `data[]` entries carry it: fieldData, portalData, recordId, modId, portalDataInfo. */
export function renderRecord(
	record: SandboxRecord,
	context: RecordViewContext,
): Record<string, unknown> {
	const { layout } = context;
	const fieldData: Record<string, FieldValue> = {};
	for (const field of layout.fields) {
		fieldData[field.name] = fieldValue(layout.table, field, record, context);
	}

	const portalData: Record<string, PortalRow[]> = {};
	const portalDataInfo: PortalDataInfo[] = [];
	for (const portal of layout.portals) {
		if (context.portals.names && !context.portals.names.has(portal.name)) continue;
		const { relationship } = portal;
		const related = context.related.of(relationship, record);
		const range = context.portals.ranges.get(portal.name);
		const offset = range?.offset ?? 1;
		const rows = related.slice(offset - 1, offset - 1 + (range?.limit ?? DEFAULT_PORTAL_LIMIT));
		portalData[portal.name] = rows.map((row) => {
			const rendered: PortalRow = { recordId: String(row.recordId) };
			for (const field of portal.fields) {
				rendered[`${relationship.name}::${field.name}`] = fieldValue(
					relationship.table,
					field,
					row,
					context,
				);
			}
			rendered.modId = String(row.modId);
			return rendered;
		});
		portalDataInfo.push({
			portalObjectName: portal.name,
			database: context.database,
			table: relationship.name,
			foundCount: related.length,
			returnedCount: rows.length,
		});
	}

	const entry: Record<string, unknown> = {
		fieldData,
		portalData,
		recordId: String(record.recordId),
		modId: String(record.modId),
	};
	if (portalDataInfo.length > 0) entry.portalDataInfo = portalDataInfo;
	return entry;
}

function fieldValue(
	table: TableSchema,
	field: FixtureField,
	record: SandboxRecord,
	context: RecordViewContext,
): FieldValue {
	if (field.global) {
		return formatFieldOutput(
			field.type,
			globalValue(table, field, context.session),
			context.dateformats,
		);
	}
	const value = record.fields[field.name] ?? '';
	if (field.type !== 'container' || value === '') {
		return formatFieldOutput(field.type, value, context.dateformats);
	}
	const ref = {
		database: context.database,
		table: table.name,
		recordId: record.recordId,
		field: field.name,
		repetition: 1,
	};
	const container = context.store.container(
		ref.database,
		ref.table,
		ref.recordId,
		ref.field,
		ref.repetition,
	);
	return container ? context.streams.url(context.baseUrl, ref, container) : '';
}

/** A global field's value in this session, or the file's value when the session set none. */
export function globalValue(table: TableSchema, field: FixtureField, session: Session): FieldValue {
	return session.globals.get(`${table.name}::${field.name}`) ?? field.globalValue ?? '';
}

export function dataInfo(
	database: string,
	layout: LayoutSchema,
	totalRecordCount: number,
	foundCount: number,
	returnedCount: number,
) {
	return {
		database,
		layout: layout.name,
		table: layout.table.name,
		totalRecordCount,
		foundCount,
		returnedCount,
	};
}
