import { sendOk } from '../envelope';
import { RequestParams } from '../request-params';
import { ScriptPhases } from '../script-phases';
import { layoutCall } from '../services';
import type { RouteKit } from './route-kit';

/** `GET …/layouts/{layout}/script/{script}?script.param=…`: run a script on its own. */
export function scriptRoutes({ router, services, endpoint }: RouteKit): void {
	router.get(
		'/databases/:database/layouts/:layout/script/:script',
		...endpoint('runScript'),
		async (req, res) => {
			const { database, layout } = layoutCall(req, services);
			const params = RequestParams.fromQuery(req.query);
			const parameter = params.optionalString('script.param') ?? '';
			params.rejectUnknown();

			const phases = new ScriptPhases(
				services,
				{ after: { name: req.params.script, parameter } },
				{ database: database.name, layout: layout.name },
			);
			await phases.run('after');
			sendOk(res, phases.responseKeys());
		},
	);
}
