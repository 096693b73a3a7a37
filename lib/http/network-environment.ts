/**
 * Whether requests may use this package's keep-alive client instead of n8n's HTTP helper.
 * n8n routes requests through a proxy when HTTP_PROXY, HTTPS_PROXY or ALL_PROXY is set, and
 * checks addresses when N8N_SSRF_PROTECTION_ENABLED is true; the keep-alive client does
 * neither, so with either setting every request goes through n8n's helper, which does.
 */
export function keepAliveAllowed(environment: NodeJS.ProcessEnv = process.env): boolean {
	const proxied = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'].some(
		(name) => environment[name] || environment[name.toLowerCase()],
	);
	const ssrfChecked = environment.N8N_SSRF_PROTECTION_ENABLED === 'true';
	return !proxied && !ssrfChecked;
}
