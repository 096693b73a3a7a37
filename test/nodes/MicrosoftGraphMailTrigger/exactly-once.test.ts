import type { PollOutcome, ActivePoller } from '../../engine/poller';
import type { GraphBed } from '../../helpers/microsoft';
import { startGraphBed } from '../../helpers/microsoft';
import { InvoiceMail, mailTriggerWorkflow, seededRandom } from '../../helpers/mail-trigger';
import { useSimulatedTime } from '../../helpers/simulated-time';
import { repeated } from '../../helpers/repeated';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const POLLS = 50;

const idsOf = (outcome: PollOutcome) => (outcome.items ?? []).map((item) => String(item.json.id));
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 1,000 mails over 50 polls a simulated minute apart: bursts of 100 stamped with the same
 * second, mails that arrive while a poll reads its pages, and late ones (visible 10 s to 10 min
 * after their receivedDateTime, both as Exchange stamps them and back-dated). `disturb` runs
 * before each poll, to throttle, expire tokens or forget delta states.
 */
async function thousandMails(
	bed: GraphBed,
	disturb: (poll: number) => void = () => {},
): Promise<{ delivered: string[]; emitted: string[]; outcomes: PollOutcome[] }> {
	const time = useSimulatedTime();
	try {
		const random = seededRandom(12);
		const mail = new InvoiceMail(bed);
		const old = new InvoiceMail(bed);
		for (let index = 0; index < 25; index++)
			old.deliver({ receivedAt: Date.now() - 3 * 60 * MINUTE });
		const poller: ActivePoller = await bed.engine.activatePoller(mailTriggerWorkflow());
		const outcomes: PollOutcome[] = [poller.activation];
		const late = () => 10 * SECOND + Math.floor(random() * (10 * MINUTE - 10 * SECOND));
		bed.sandboxes.graph.faults.setLatency(2, 'delta');
		for (let poll = 0; poll < POLLS; poll++) {
			time.advance(MINUTE);
			if (poll === 5 || poll === 20 || poll === 35) {
				const second = Date.now() - 2 * SECOND;
				for (let index = 0; index < 100; index++) mail.deliver({ receivedAt: second });
			}
			for (let index = 0; index < 5; index++) mail.deliver();
			for (let index = 0; index < 4; index++) mail.deliver({ visibleAt: Date.now() + late() });
			for (let index = 0; index < 2; index++) mail.deliver({ receivedAt: Date.now() - late() });
			disturb(poll);
			const running = poller.poll();
			for (let index = 0; index < 3; index++) {
				await sleep(1 + index * 3);
				mail.deliver();
			}
			outcomes.push(await running);
		}
		time.advance(11 * MINUTE);
		outcomes.push(await poller.poll(), await poller.poll());
		expect(old.delivered).toHaveLength(25);
		return {
			delivered: mail.delivered,
			emitted: outcomes.flatMap(idsOf),
			outcomes,
		};
	} finally {
		time.restore();
	}
}

describe('Microsoft Graph Mail Trigger: every new message exactly once', () => {
	let bed: GraphBed;
	beforeEach(async () => (bed = await startGraphBed()));
	afterEach(async () => await bed.close());

	it('emits 1,000 mails across 50 polls exactly once: bursts, arrivals during a poll, late deliveries', async () => {
		const { delivered, emitted, outcomes } = await thousandMails(bed);
		expect(delivered).toHaveLength(1000);
		expect(outcomes.map((outcome) => outcome.error)).toEqual(outcomes.map(() => undefined));
		expect(repeated(emitted)).toEqual([]);
		expect([...emitted].sort()).toEqual([...delivered].sort());
		// The activation poll took the 25 mails already there as the starting point.
		expect(outcomes[0].items).toBeNull();
	}, 120_000);

	it('…with a 429 storm, a token that expires and a delta state Graph forgot, in the middle', async () => {
		const graph = bed.sandboxes.graph;
		const { delivered, emitted, outcomes } = await thousandMails(bed, (poll) => {
			if (poll === 10) graph.faults.throttleEvery(2, { status: 429, retryAfterSeconds: 0.01 });
			if (poll === 28) graph.faults.stopThrottling();
			// Graph's clock runs an hour ahead: the token the credential holds is refused (401).
			if (poll === 25) bed.sandboxes.clock.advance(60 * MINUTE);
			if (poll === 30 || poll === 40) graph.mail.expireDeltaTokens();
		});
		expect(outcomes.map((outcome) => outcome.error)).toEqual(outcomes.map(() => undefined));
		expect(graph.counters.event('throttled')).toBeGreaterThan(10);
		expect(graph.counters.event('unauthorized')).toBeGreaterThanOrEqual(1);
		expect(graph.counters.event('syncStateNotFound')).toBe(2);
		expect(repeated(emitted)).toEqual([]);
		expect([...emitted].sort()).toEqual([...delivered].sort());
	}, 180_000);
});
