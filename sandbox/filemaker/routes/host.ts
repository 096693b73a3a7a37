import { accountFor, parseBasicAuth } from '../accounts';
import { FileMakerError, sendOk } from '../envelope';
import type { RouteKit } from './route-kit';

/** `GET /productInfo` and `GET /databases`: what any client may ask a host. */
export function hostRoutes({ router, services, endpoint }: RouteKit): void {
	router.get('/productInfo', ...endpoint('productInfo'), (_req, res) => {
		sendOk(res, { productInfo: services.productInfo });
	});

	// Without credentials the host lists every file; with them, the files the account opens.
	router.get('/databases', ...endpoint('databases'), (req, res) => {
		const header = req.get('authorization');
		const credentials = parseBasicAuth(header);
		if (header !== undefined && !credentials) throw new FileMakerError('212');
		const databases = [...services.databases.values()].filter(
			(database) => !credentials || accountFor(database, credentials) !== undefined,
		);
		if (credentials && databases.length === 0) throw new FileMakerError('212');
		sendOk(res, { databases: databases.map(({ name }) => ({ name })) });
	});
}
