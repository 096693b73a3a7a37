// The poll trigger harness lives in ./poller/; this index keeps `./poller` imports unchanged.
export { ActivePoller } from './poller/active-poller';
export { n8nActivationRetryDelay } from './poller/activation-retry';
export { fetchTestEvent } from './poller/fetch-test-event';
export { StaticDataTable } from './poller/static-data-table';
export type { PollOutcome, PollerHost, PollerOptions, PollerWorkflowData } from './poller/types';
