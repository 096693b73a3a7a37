import type { IDataObject } from 'n8n-workflow';

/**
 * `?$filter=…&$top=…` with every value percent-encoded (a space as `%20`, never `+`, which a
 * query string may read either way), and the `$` of OData's system query options kept as it
 * is. Undefined and null values are left out.
 */
export function queryString(qs: IDataObject | undefined): string {
	const pairs = Object.entries(qs ?? {})
		.filter(([, value]) => value !== undefined && value !== null)
		.map(
			([name, value]) =>
				`${name.replace(/[^$\w.-]/g, encodeURIComponent)}=${encodeURIComponent(String(value))}`,
		);
	return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
