import { GraphError } from './errors';

/**
 * The `@odata.nextLink` of a page, used exactly as Graph gave it, but only on the Graph origin
 * the credential's token belongs to: a link elsewhere is refused before anything is sent.
 */
export function nextLinkOf(body: unknown, graphOrigin: string): string | undefined {
	const link = (body as { '@odata.nextLink'?: unknown } | undefined)?.['@odata.nextLink'];
	if (typeof link !== 'string' || link === '') return undefined;
	if (!URL.canParse(link) || new URL(link).origin !== new URL(graphOrigin).origin) {
		throw new GraphError(
			`Microsoft Graph gave a next-page link on another host (${URL.canParse(link) ? new URL(link).origin : 'not a URL'}); it was not followed`,
			undefined,
			undefined,
			'Paging links are followed only on the Graph host of the credential.',
		);
	}
	return link;
}
