/**
 * Child process: the OData client side, our node in n8n's engine and the fetch baseline, each
 * talking to a sandbox through its own latency proxy listener. It times; the bench prints.
 */
import '../../test/engine/environment';

import { Engine } from '../../test/engine/engine';
import { time } from '../measure';
import { serve } from '../remote/ipc';
import { fetchReturnAll } from './fetch-baseline';
import { addCredential, create, returnAll, type Prepare } from './our-node';
import { CREATES, WARM_UP_CREATES, type ODataMeasurementName, type Side } from './plan';

let operations: Record<ODataMeasurementName, Record<Side, Prepare>> | undefined;

const api = {
	/** Builds both sides of every measurement; `urls`: the proxy listener each side talks to. */
	async setup(params: { urls: Record<ODataMeasurementName, Record<Side, string>> }) {
		const { urls } = params;
		const engine = new Engine();
		await addCredential(engine, 'odata-read', urls.returnAll.ours);
		await addCredential(engine, 'odata-batch', urls.create.ours);
		await addCredential(engine, 'odata-per-row', urls.create.baseline);
		const rows = { timed: CREATES, warmUp: WARM_UP_CREATES };
		const baseline = fetchReturnAll(urls.returnAll.baseline);
		operations = {
			returnAll: { ours: returnAll(engine, 'odata-read'), baseline: () => baseline },
			create: {
				ours: create(engine, 'odata-batch', true, rows),
				baseline: create(engine, 'odata-per-row', false, rows),
			},
		};
	},

	/** One operation of one side: milliseconds, from its start to the checked result. */
	async run(params: { measurement: ODataMeasurementName; side: Side; warmUp: boolean }) {
		if (!operations) throw new Error('setup was not called');
		const operation = operations[params.measurement][params.side](params.warmUp);
		return await time(operation);
	},
};

export type ODataClientApi = typeof api;

serve(api);
