/** What FileMaker Server adds to the return URL when it sends the person's browser back. */
export interface ReturnQuery {
	identifier?: string;
	trackingId?: string;
	/** `"0"` or absent on success. */
	error?: string;
}

/**
 * Reads the query of the URL the browser came back on. FileMaker Server appends its parameters
 * with `?` even when the return URL already has a query (n8n's resume URL carries
 * `?signature=…`), so every `?` after the first is read as `&`: both ways of appending give the
 * same parameters.
 */
export function readReturnQuery(requestUrl: string): ReturnQuery {
	const start = requestUrl.indexOf('?');
	const query = start === -1 ? '' : requestUrl.slice(start + 1).replace(/\?/g, '&');
	const params = new URLSearchParams(query);
	const value = (name: string) => {
		const found = params.getAll(name).filter((candidate) => candidate !== '');
		return found.length > 0 ? found[found.length - 1] : undefined;
	};
	return {
		identifier: value('identifier'),
		trackingId: value('trackingID') ?? value('trackingId'),
		error: value('error'),
	};
}

/**
 * The return URL for a resume URL: the node's path suffix goes into the path, and the query
 * ends with an empty parameter, so that whatever FileMaker Server appends (`?identifier=…` or
 * `&identifier=…`) cannot spoil n8n's `signature`.
 */
export function returnUrlFor(resumeUrl: string, suffix: string): string {
	const queryAt = resumeUrl.indexOf('?');
	const path = (queryAt === -1 ? resumeUrl : resumeUrl.slice(0, queryAt)).replace(/\/+$/, '');
	const query = queryAt === -1 ? '' : `${resumeUrl.slice(queryAt + 1)}&`;
	return `${path}/${suffix}?${query}fmEnd=`;
}
