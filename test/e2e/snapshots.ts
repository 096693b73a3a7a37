import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData, IRun } from 'n8n-workflow';

/** An execution as `n8n execute-batch --snapshot` saved it. */
export class Snapshot {
	constructor(readonly run: IRun) {}

	static read(folder: string, workflowId: string): Snapshot {
		return new Snapshot(
			JSON.parse(readFileSync(join(folder, `${workflowId}-snapshot.json`), 'utf8')) as IRun,
		);
	}

	/** Output items of a node, first run, first output. */
	output(nodeName: string): INodeExecutionData[] {
		const runs = this.run.data.resultData.runData[nodeName];
		if (!runs) throw new Error(`Node "${nodeName}" did not run`);
		return runs[0].data?.main?.[0] ?? [];
	}

	json(nodeName: string) {
		return this.output(nodeName).map((item) => item.json);
	}
}
