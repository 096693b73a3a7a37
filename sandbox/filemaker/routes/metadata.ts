import { sendOk } from '../envelope';
import { folderListing, layoutMetaData } from '../layout-metadata';
import { RequestParams } from '../request-params';
import { databaseNamed, layoutCall, sessionOf } from '../services';
import type { RouteKit } from './route-kit';

/** Layout and script catalogs, and layout metadata. */
export function metadataRoutes({ router, services, endpoint }: RouteKit): void {
	router.get('/databases/:database/layouts', ...endpoint('layouts'), (req, res) => {
		sessionOf(req, services, req.params.database);
		const database = databaseNamed(services, req.params.database);
		const layouts = folderListing(
			[...database.layouts.values()],
			(layout) => ({ name: layout.name, table: layout.table.name }),
			'folderLayoutNames',
		);
		sendOk(res, { layouts });
	});

	router.get('/databases/:database/layouts/:layout', ...endpoint('layoutMetadata'), (req, res) => {
		const { database, layout } = layoutCall(req, services);
		const params = RequestParams.fromQuery(req.query);
		params.positiveInteger('recordId');
		params.rejectUnknown();
		sendOk(res, layoutMetaData(database, layout));
	});

	router.get('/databases/:database/scripts', ...endpoint('scripts'), (req, res) => {
		sessionOf(req, services, req.params.database);
		const database = databaseNamed(services, req.params.database);
		const cataloged = new Set(database.scriptCatalog.map((script) => script.name));
		const registeredOnly = services.scripts
			.registeredNames(database.name)
			.filter((name) => !cataloged.has(name))
			.map((name) => ({ name }));
		const scripts = folderListing(
			[...database.scriptCatalog, ...registeredOnly],
			(script) => ({ name: script.name, isFolder: false }),
			'folderScriptNames',
		);
		sendOk(res, { scripts });
	});
}
