import type { Request, Response } from 'express';
import { FileMakerError, sendOk } from './envelope';
import type { DateFormats } from './field-values';
import { dataInfo, renderRecord } from './record-view';
import { RelatedRecords } from './related-records';
import { recordVisibility, visibleRecords, type RecordVisibility } from './record-access';
import type { PortalSelection, RequestParams, ScriptCalls } from './request-params';
import type { DatabaseSchema, LayoutSchema } from './schema';
import { ScriptPhases } from './script-phases';
import { baseUrlOf, layoutNamed, type FileMakerServices } from './services';
import type { Session } from './sessions';
import { sortRecords, type SortRule } from './sort';
import type { SandboxRecord } from './store';

/** How records are returned: through which layout, with which portals and date format. */
export interface ReadView {
	responseLayout: LayoutSchema;
	portals: PortalSelection;
	dateformats: DateFormats;
	scripts: ScriptCalls;
}

/** Takes `layout.response`, `portal` and portal ranges, `dateformats` and the script keys. */
export function takeReadView(
	params: RequestParams,
	database: DatabaseSchema,
	layout: LayoutSchema,
): ReadView {
	const responseLayoutName = params.optionalString('layout.response');
	const responseLayout =
		responseLayoutName === undefined ? layout : layoutNamed(database, responseLayoutName);
	return {
		responseLayout,
		portals: params.portals(responseLayout),
		dateformats: params.dateformats(),
		scripts: params.scripts(),
	};
}

export interface ReadRequest {
	req: Request;
	res: Response;
	services: FileMakerServices;
	database: DatabaseSchema;
	layout: LayoutSchema;
	session: Session;
	view: ReadView;
	/**
	 * Collects the found set among the records the session's account may see; runs after the
	 * pre-request script.
	 */
	select(related: RelatedRecords, visible: RecordVisibility): SandboxRecord[];
	sort: SortRule[];
	offset: number;
	limit: number;
	/**
	 * The error for a range without records: 101 "Record is missing" when getting records
	 * (what live servers answer for an empty table or an offset past the end), 401 "No
	 * records match the request" after a find.
	 */
	emptyRange: '101' | '401';
	recordId?: number;
}

/**
 * Answers a read the way FileMaker Server runs it: pre-request script, find, pre-sort
 * script, sort, the requested range, script, then `dataInfo` and `data`. A range with no
 * records is the request's `emptyRange` error.
 */
export async function respondWithRecords(request: ReadRequest): Promise<void> {
	const { services, database, layout, view } = request;
	const phases = new ScriptPhases(services, view.scripts, {
		database: database.name,
		layout: layout.name,
		recordId: request.recordId,
	});
	await phases.run('prerequest');

	const visible = recordVisibility(database, request.session.account);
	const related = new RelatedRecords(services.store, database.name, visible);
	const found = request.select(related, visible);
	await phases.run('presort');
	const sorted = sortRecords(found, request.sort);
	const page = sorted.slice(request.offset - 1, request.offset - 1 + request.limit);
	if (page.length === 0) throw new FileMakerError(request.emptyRange);
	await phases.run('after');

	const context = {
		database: database.name,
		layout: view.responseLayout,
		session: request.session,
		dateformats: view.dateformats,
		portals: view.portals,
		related,
		store: services.store,
		streams: services.streams,
		baseUrl: baseUrlOf(request.req),
	};
	// Records the account may not see count neither as found nor in the table's total (chosen:
	// Claris does not say how totalRecordCount treats record-level access).
	const responseTable = view.responseLayout.table.name;
	const total = visibleRecords(
		visible,
		responseTable,
		services.store.records(database.name, responseTable),
	).length;
	sendOk(request.res, {
		...phases.responseKeys(),
		dataInfo: dataInfo(database.name, view.responseLayout, total, found.length, page.length),
		data: page.map((record) => renderRecord(record, context)),
	});
}
