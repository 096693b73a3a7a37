import { FileMakerError, sendOk } from '../envelope';
import { parseFieldInput } from '../field-values';
import { RequestParams } from '../request-params';
import { databaseNamed, sessionOf } from '../services';
import type { RouteKit } from './route-kit';

/** `PATCH /databases/{db}/globals`: global field values that last for the session. */
export function globalRoutes({ router, services, endpoint, jsonBody }: RouteKit): void {
	router.patch(
		'/databases/:database/globals',
		...endpoint('setGlobals'),
		...jsonBody,
		(req, res) => {
			const session = sessionOf(req, services, req.params.database);
			const database = databaseNamed(services, req.params.database);
			const params = RequestParams.fromBody(req.body);
			const globalFields = params.take('globalFields');
			params.rejectUnknown();
			if (globalFields === undefined) throw new FileMakerError('958');
			if (
				typeof globalFields !== 'object' ||
				globalFields === null ||
				Array.isArray(globalFields)
			) {
				throw new FileMakerError('960');
			}

			// Names are fully qualified, `Table::Field`; check them all before setting any.
			const values = Object.entries(globalFields).map(([name, value]) => {
				const [tableName, fieldName] = name.split('::');
				const field = database.tables.get(tableName)?.fields.get(fieldName ?? '');
				if (!field?.global) throw new FileMakerError('102');
				return [`${tableName}::${fieldName}`, parseFieldInput(field, value, 0)] as const;
			});
			for (const [name, value] of values) session.globals.set(name, value);
			sendOk(res);
		},
	);
}
