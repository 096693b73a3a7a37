import { readReturnQuery, returnUrlFor } from '../../../../lib/filemaker/oauth/return-query';
import { providerUrl } from '../../../../lib/filemaker/oauth/sign-in-request';
import { providersOf } from '../../../../lib/filemaker/oauth/providers';
import { FileMakerError } from '../../../../lib/filemaker/errors';

const RESUME = 'https://n8n.example.com/webhook-waiting/123?signature=abc%2Bdef';

describe('returnUrlFor', () => {
	it('puts the suffix into the path and keeps n8n\'s signature as it was', () => {
		expect(returnUrlFor(RESUME, 'filemaker-sign-in')).toBe(
			'https://n8n.example.com/webhook-waiting/123/filemaker-sign-in?signature=abc%2Bdef&fmEnd=',
		);
		expect(returnUrlFor('http://localhost:5678/webhook-waiting/9/', 'x')).toBe(
			'http://localhost:5678/webhook-waiting/9/x?fmEnd=',
		);
	});
});

describe('readReturnQuery', () => {
	const base = returnUrlFor(RESUME, 'filemaker-sign-in');
	const added = 'trackingID=t1&identifier=id%2B1&error=0';

	it.each([
		['appended with &', `${base}&${added}`],
		['appended with ? although the URL has a query', `${base}?${added}`],
	])('reads the parameters FileMaker Server %s', (_, url) => {
		const path = url.slice(url.indexOf('/webhook-waiting'));
		expect(readReturnQuery(path)).toEqual({ identifier: 'id+1', trackingId: 't1', error: '0' });
		// n8n's own parser still sees the signature intact.
		expect(new URL(url).searchParams.get('signature')).toBe('abc+def');
	});

	it('reads an error without an identifier', () => {
		expect(readReturnQuery('/x?error=1&trackingID=t')).toEqual({
			identifier: undefined,
			trackingId: 't',
			error: '1',
		});
		expect(readReturnQuery('/x')).toEqual({});
	});
});

describe('providerUrl', () => {
	it('encodes the raw spaces of the scope as +', () => {
		expect(
			providerUrl(' https://idp.example.com/authorize?scope=openid email profile&state=s\n'),
		).toBe('https://idp.example.com/authorize?scope=openid+email+profile&state=s');
	});

	it.each(['', '{}', 'javascript:alert(1)', 'ftp://idp.example.com/'])(
		'refuses %j as an address to send a browser to',
		(body) => {
			expect(() => providerUrl(body)).toThrow(FileMakerError);
		},
	);
});

describe('providersOf', () => {
	it('reads the names and nothing else', () => {
		expect(
			providersOf({
				data: { Provider: [{ Name: 'Google', ClientID: 'x' }, { Name: '' }, {}, { Name: 'Okta' }] },
			}),
		).toEqual([{ name: 'Google' }, { name: 'Okta' }]);
		expect(providersOf({})).toBeUndefined();
		expect(providersOf('html')).toBeUndefined();
	});
});
