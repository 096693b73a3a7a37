import fc from 'fast-check';

import { newSealKey, seal, unseal } from '../../../../lib/filemaker/oauth/sealing';

describe('seal and unseal', () => {
	const key = newSealKey();

	it('round-trips any payload', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.string()), fc.string(), (payload, context) => {
				expect(unseal('p1', key, context, seal('p1', key, context, payload))).toEqual(payload);
			}),
		);
	});

	it('opens only with the same key, context and prefix', () => {
		const sealed = seal('p1', key, 'server|db', { token: 'secret-token' });
		expect(sealed).not.toContain('secret-token');
		expect(unseal('p1', newSealKey(), 'server|db', sealed)).toBeUndefined();
		expect(unseal('p1', key, 'other|db', sealed)).toBeUndefined();
		expect(unseal('p2', key, 'server|db', sealed.replace(/^p1/, 'p2'))).toBeUndefined();
		expect(unseal('p1', '', 'server|db', sealed)).toBeUndefined();
	});

	it('refuses a changed character anywhere after the prefix', () => {
		const sealed = seal('p1', key, 'ctx', { token: 'abc' });
		for (let index = 3; index < sealed.length; index++) {
			if (sealed[index] === '.') continue;
			const changed = `${sealed.slice(0, index)}${sealed[index] === 'A' ? 'B' : 'A'}${sealed.slice(index + 1)}`;
			expect(unseal('p1', key, 'ctx', changed)).toBeUndefined();
		}
	});

	it('is different every time (random IV)', () => {
		expect(seal('p1', key, 'ctx', { a: 1 })).not.toBe(seal('p1', key, 'ctx', { a: 1 }));
	});
});
