/** Every Data API path the sandbox serves, for answering 405 to other methods on them. */
export const DATA_API_PATHS = [
	'/productInfo',
	'/databases',
	'/validateSession',
	'/databases/:database/sessions',
	'/databases/:database/sessions/:token',
	'/databases/:database/layouts',
	'/databases/:database/layouts/:layout',
	'/databases/:database/scripts',
	'/databases/:database/globals',
	'/databases/:database/layouts/:layout/records',
	'/databases/:database/layouts/:layout/records/:recordId',
	'/databases/:database/layouts/:layout/_find',
	'/databases/:database/layouts/:layout/script/:script',
	'/databases/:database/layouts/:layout/records/:recordId/containers/:field{/:repetition}',
];
