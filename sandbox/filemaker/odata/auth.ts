import { accountFor, parseBasicAuth } from '../accounts';
import { cloudIdentity } from '../cloud-login';
import { FileMakerError } from '../envelope';
import type { FileMakerServices } from '../services';
import type { DatabaseSchema } from '../schema';
import { unauthorized } from './errors';

/**
 * OData has no session: every request carries `Authorization: Basic` (an account of the
 * file) or, on FileMaker Cloud, `Authorization: FMID <Claris ID token>`, checked as the Data
 * API login checks it. Anything else answers 401.
 */
export function authenticate(
	services: FileMakerServices,
	authorization: string | undefined,
	database: DatabaseSchema,
): string {
	if (services.cloud) {
		try {
			return cloudIdentity(services.cloud, authorization ?? '', services.clock.now()).account;
		} catch (error) {
			if (error instanceof FileMakerError) throw unauthorized();
			throw error;
		}
	}
	const credentials = parseBasicAuth(authorization);
	const account = credentials && accountFor(database, credentials);
	if (!account) throw unauthorized();
	return account;
}
