import type { RequestHandler, Router } from 'express';
import type { EndpointName } from '../endpoints';
import type { FileMakerServices } from '../services';

/** Path parameters of the Data API routes: all plain segments. */
export type PathParams = Record<string, string>;

export type DataApiHandler = RequestHandler<PathParams>;

/** What every route module gets: the shared services and the per-endpoint middleware. */
export interface RouteKit {
	router: Router;
	services: FileMakerServices;
	/** Counts the request for `endpoint`, then applies the fault switches. */
	endpoint(endpoint: EndpointName): DataApiHandler[];
	/** Requires a JSON body (when there is one) and parses it. */
	jsonBody: DataApiHandler[];
}
