import { nextLinkOf } from '../../../lib/microsoft/graph/paging';

const GRAPH = 'https://graph.microsoft.com';

describe('nextLinkOf', () => {
	it('gives the link exactly as Graph wrote it, on the Graph origin', () => {
		const link = `${GRAPH}/v1.0/users/a%40b.com/messages?%24top=1000&%24skip=1000&%24filter=x%20eq%20'y'`;
		expect(nextLinkOf({ value: [], '@odata.nextLink': link }, GRAPH)).toBe(link);
		expect(nextLinkOf({ '@odata.nextLink': 'https://GRAPH.microsoft.com:443/v1.0/x' }, GRAPH)).toBe(
			'https://GRAPH.microsoft.com:443/v1.0/x',
		);
	});

	it('has none on the last page', () => {
		expect(nextLinkOf({ value: [] }, GRAPH)).toBeUndefined();
		expect(nextLinkOf({ '@odata.nextLink': '' }, GRAPH)).toBeUndefined();
		expect(nextLinkOf(undefined, GRAPH)).toBeUndefined();
	});

	it.each([
		['another host', 'https://graph.evil.example/v1.0/x', 'https://graph.evil.example'],
		['http instead of https', 'http://graph.microsoft.com/v1.0/x', 'http://graph.microsoft.com'],
		['another port', 'https://graph.microsoft.com:8443/v1.0/x', 'https://graph.microsoft.com:8443'],
		[
			'a look-alike host',
			'https://graph.microsoft.com.evil.example/v1.0',
			'https://graph.microsoft.com.evil.example',
		],
		['user info', 'https://graph.microsoft.com@evil.example/v1.0', 'https://evil.example'],
		['a relative link', '/v1.0/users/x/messages?$skip=10', 'not a URL'],
	])('refuses a link to %s, naming where it pointed', (_label, link, origin) => {
		expect(() => nextLinkOf({ '@odata.nextLink': link }, GRAPH)).toThrow(
			expect.objectContaining({
				name: 'GraphError',
				message: `Microsoft Graph gave a next-page link on another host (${origin}); it was not followed`,
				hint: 'Paging links are followed only on the Graph host of the credential.',
			}),
		);
	});
});
