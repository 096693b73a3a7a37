import type { IDataObject, Workflow } from 'n8n-workflow';

/** n8n's isWorkflowIdValid (packages/cli/src/utils.ts): static data of other ids is never saved. */
export const isWorkflowIdValid = (id: string) => id.length > 0 && id.length <= 21;

/**
 * The `staticData` column of n8n's workflow_entity table: JSON, so a Date comes back a string and
 * ObservableObject's hidden `__dataChanged` flag is not stored.
 */
export class StaticDataTable {
	private readonly rows = new Map<string, string>();

	/** A copy of what the database holds for the workflow; undefined for a workflow never saved. */
	saved(workflowId: string): IDataObject | undefined {
		const row = this.rows.get(workflowId);
		return row === undefined ? undefined : (JSON.parse(row) as IDataObject);
	}

	/** WorkflowStaticDataService.saveStaticDataById. */
	save(workflowId: string, staticData: IDataObject): void {
		this.rows.set(workflowId, JSON.stringify(staticData));
	}

	/**
	 * WorkflowStaticDataService.saveStaticData: only data marked changed, for a valid id; the flag
	 * is cleared once it is written (n8n writes asynchronously, the harness at once).
	 */
	saveIfChanged(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true || !isWorkflowIdValid(workflow.id)) return;
		this.save(workflow.id, workflow.staticData);
		workflow.staticData.__dataChanged = false;
	}
}
