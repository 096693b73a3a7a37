import { FileMakerError, sendOk } from '../envelope';
import { RecordWriter, takeWriteOptions } from '../record-writes';
import { RequestParams } from '../request-params';
import { ScriptPhases } from '../script-phases';
import { layoutCall, recordIdFrom, recordInView } from '../services';
import type { RouteKit } from './route-kit';

const RECORDS = '/databases/:database/layouts/:layout/records';

/** Create, edit, delete and duplicate records. */
export function recordWriteRoutes({ router, services, endpoint, jsonBody }: RouteKit): void {
	const { store } = services;

	router.post(RECORDS, ...endpoint('createRecord'), ...jsonBody, async (req, res) => {
		const { session, database, layout } = layoutCall(req, services);
		const params = RequestParams.fromBody(req.body);
		const fieldData = params.take('fieldData');
		const portalData = params.take('portalData');
		const writer = new RecordWriter(store, database.name, layout, takeWriteOptions(params));
		const phases = new ScriptPhases(services, params.scripts(), {
			database: database.name,
			layout: layout.name,
		});
		params.rejectUnknown();

		await phases.run('prerequest');
		const changes = writer.fieldChanges(fieldData, false);
		writer.checkNewRecord(changes.values);
		const portalWrites = writer.portalWrites(portalData);
		writer.checkPortalWrites(undefined, portalWrites);

		const record = store.insert(database.name, layout.table.name, changes.values);
		writer.applyPortalWrites(record, portalWrites);
		for (const [name, value] of changes.globals) session.globals.set(name, value);
		phases.setRecordId(record.recordId);
		await phases.runAfterRequest();

		sendOk(res, {
			...phases.responseKeys(),
			recordId: String(record.recordId),
			modId: String(record.modId),
		});
	});

	router.patch(`${RECORDS}/:recordId`, ...endpoint('editRecord'), ...jsonBody, async (req, res) => {
		const { session, database, layout } = layoutCall(req, services);
		const recordId = recordIdFrom(req.params.recordId);
		const params = RequestParams.fromBody(req.body);
		const fieldData = params.take('fieldData');
		const portalData = params.take('portalData');
		const expectedModId = params.take('modId');
		const writer = new RecordWriter(store, database.name, layout, takeWriteOptions(params));
		const phases = new ScriptPhases(services, params.scripts(), {
			database: database.name,
			layout: layout.name,
			recordId,
		});
		params.rejectUnknown();

		await phases.run('prerequest');
		const record = recordInView(services, session, database, layout.table.name, recordId);
		if (expectedModId !== undefined && String(expectedModId) !== String(record.modId)) {
			throw new FileMakerError('306');
		}
		const changes = writer.fieldChanges(fieldData, true);
		writer.checkChanges(layout.table, changes, recordId);
		const portalWrites = writer.portalWrites(portalData);
		writer.checkPortalWrites(record, portalWrites);
		const deletions = writer.relatedDeletions(record, changes.deleteRelated);

		if (changes.fields.length > 0)
			store.update(database.name, layout.table.name, recordId, changes.values);
		const newPortalRecordInfo = writer.applyPortalWrites(record, portalWrites);
		writer.applyDeletions(deletions);
		for (const [name, value] of changes.globals) session.globals.set(name, value);
		await phases.runAfterRequest();

		sendOk(res, {
			...phases.responseKeys(),
			...(newPortalRecordInfo.length > 0 ? { newPortalRecordInfo } : {}),
			modId: String(record.modId),
		});
	});

	router.delete(`${RECORDS}/:recordId`, ...endpoint('deleteRecord'), async (req, res) => {
		const { session, database, layout } = layoutCall(req, services);
		const recordId = recordIdFrom(req.params.recordId);
		const params = RequestParams.fromQuery(req.query);
		const phases = new ScriptPhases(services, params.scripts(), {
			database: database.name,
			layout: layout.name,
			recordId,
		});
		params.rejectUnknown();

		await phases.run('prerequest');
		recordInView(services, session, database, layout.table.name, recordId);
		if (!store.delete(database.name, layout.table.name, recordId)) throw new FileMakerError('101');
		await phases.runAfterRequest();
		sendOk(res, phases.responseKeys());
	});

	router.post(
		`${RECORDS}/:recordId`,
		...endpoint('duplicateRecord'),
		...jsonBody,
		async (req, res) => {
			const { session, database, layout } = layoutCall(req, services);
			const recordId = recordIdFrom(req.params.recordId);
			const params = RequestParams.fromBody(req.body);
			const phases = new ScriptPhases(services, params.scripts(), {
				database: database.name,
				layout: layout.name,
				recordId,
			});
			params.rejectUnknown();

			await phases.run('prerequest');
			recordInView(services, session, database, layout.table.name, recordId);
			const copy = store.duplicate(database.name, layout.table.name, recordId);
			phases.setRecordId(copy.recordId);
			await phases.runAfterRequest();
			sendOk(res, {
				...phases.responseKeys(),
				recordId: String(copy.recordId),
				modId: String(copy.modId),
			});
		},
	);
}
