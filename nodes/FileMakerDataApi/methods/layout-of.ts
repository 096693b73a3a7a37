import type { ILoadOptionsFunctions } from 'n8n-workflow';

/** The layout picked in the node, as dropdowns see it (empty until one is picked). */
export function selectedLayout(context: ILoadOptionsFunctions): string {
	const value = context.getNodeParameter('layout', '', { extractValue: true });
	return typeof value === 'string' ? value.trim() : '';
}
