import { FileMakerError } from '../envelope';
import { canonicalDate } from '../field-values';
import { compileFindQuery, runFind } from '../find-requests';
import { respondWithRecords, takeReadView } from '../read-records';
import { recordVisibility, visibleRecords } from '../record-access';
import { RequestParams } from '../request-params';
import { layoutCall, recordIdFrom } from '../services';
import { parseSortRules } from '../sort';
import type { RouteKit } from './route-kit';

const DEFAULT_LIMIT = 100;
const LAYOUT = '/databases/:database/layouts/:layout';

/** Get a range of records, get one record, and find records. */
export function recordReadRoutes({ router, services, endpoint, jsonBody }: RouteKit): void {
	const { store } = services;

	router.get(`${LAYOUT}/records`, ...endpoint('getRecords'), async (req, res) => {
		const { session, database, layout } = layoutCall(req, services);
		const params = RequestParams.fromQuery(req.query);
		const offset = params.positiveInteger('_offset') ?? 1;
		const limit = params.positiveInteger('_limit') ?? DEFAULT_LIMIT;
		const sortRules = params.json('_sort');
		const sort = sortRules === undefined ? [] : parseSortRules(sortRules, layout);
		const view = takeReadView(params, database, layout);
		params.rejectUnknown();

		await respondWithRecords({
			req,
			res,
			services,
			database,
			layout,
			session,
			view,
			sort,
			offset,
			limit,
			// Live servers answer 101 on an empty table; an _offset past the end gets the same.
			emptyRange: '101',
			select: (_related, visible) =>
				visibleRecords(visible, layout.table.name, store.records(database.name, layout.table.name)),
		});
	});

	router.get(`${LAYOUT}/records/:recordId`, ...endpoint('getRecord'), async (req, res) => {
		const { session, database, layout } = layoutCall(req, services);
		const recordId = recordIdFrom(req.params.recordId);
		const params = RequestParams.fromQuery(req.query);
		const view = takeReadView(params, database, layout);
		params.rejectUnknown();

		await respondWithRecords({
			req,
			res,
			services,
			database,
			layout,
			session,
			view,
			sort: [],
			offset: 1,
			limit: 1,
			emptyRange: '101',
			recordId,
			select: (_related, visible) => {
				const record = store.record(database.name, layout.table.name, recordId);
				if (!record || !visible(layout.table.name, record)) throw new FileMakerError('101');
				return [record];
			},
		});
	});

	router.post(`${LAYOUT}/_find`, ...endpoint('find'), ...jsonBody, async (req, res) => {
		const { session, database, layout } = layoutCall(req, services);
		const params = RequestParams.fromBody(req.body);
		const visible = recordVisibility(database, session.account);
		const requests = compileFindQuery(
			params.take('query'),
			layout,
			canonicalDate(services.clock.now()),
			(table, field) =>
				visibleRecords(visible, table, store.records(database.name, table)).map(
					(r) => r.fields[field] ?? '',
				),
		);
		const sortRules = params.take('sort');
		const sort = sortRules === undefined ? [] : parseSortRules(sortRules, layout);
		const offset = params.positiveInteger('offset') ?? 1;
		const limit = params.positiveInteger('limit') ?? DEFAULT_LIMIT;
		const view = takeReadView(params, database, layout);
		params.rejectUnknown();

		await respondWithRecords({
			req,
			res,
			services,
			database,
			layout,
			session,
			view,
			sort,
			offset,
			limit,
			// Not confirmed for an offset past the end of a non-empty found set (see README).
			emptyRange: '401',
			select: (related) => {
				const table = layout.table.name;
				const found = runFind(
					requests,
					visibleRecords(visible, table, store.records(database.name, table)),
					related,
				);
				if (found.length === 0) throw new FileMakerError('401');
				return found;
			},
		});
	});
}
