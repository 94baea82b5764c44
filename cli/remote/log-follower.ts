import { type CloudWatchLogsClient, FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { awsError } from './errors';

/** Events up to this much older than the newest one printed are asked again (ingestion is not strictly ordered). */
const LOOKBACK_MS = 10_000;

/**
 * Prints a task's CloudWatch Logs as they arrive: each poll reads every page of new events of
 * the streams under `streamPrefix`, prints them in timestamp order (across pages and streams),
 * and never prints an event twice. An event that arrives late with an older timestamp is still
 * printed, after the ones already shown.
 */
export class LogFollower {
  private since: number;
  private newest = 0;
  private readonly printed = new Map<string, number>();

  constructor(
    private readonly logs: CloudWatchLogsClient,
    private readonly logGroupName: string,
    private readonly streamPrefix: string,
    private readonly write: (line: string) => void,
    /** Epoch ms to start from (the task's start). */
    startTime: number,
  ) {
    this.since = startTime;
  }

  /** Reads and prints what is new; resolves to the number of lines printed. */
  async poll(): Promise<number> {
    const events: FilteredLogEvent[] = [];
    let nextToken: string | undefined;
    do {
      let answer;
      try {
        answer = await this.logs.send(
          new FilterLogEventsCommand({
            logGroupName: this.logGroupName,
            logStreamNamePrefix: this.streamPrefix,
            startTime: this.since,
            nextToken,
          }),
        );
      } catch (error) {
        // The stream appears only once the container starts.
        if ((error as { name?: string })?.name === 'ResourceNotFoundException') return 0;
        throw awsError(error, `logs:FilterLogEvents on ${this.logGroupName}`);
      }
      events.push(...(answer.events ?? []));
      nextToken = answer.nextToken;
    } while (nextToken);

    const fresh = events
      .map((event, order) => ({ event, order }))
      .filter(({ event }) => event.eventId !== undefined && !this.printed.has(event.eventId))
      .sort((a, b) => (a.event.timestamp ?? 0) - (b.event.timestamp ?? 0) || a.order - b.order);
    for (const { event } of fresh) {
      this.printed.set(event.eventId!, event.timestamp ?? 0);
      this.newest = Math.max(this.newest, event.timestamp ?? 0);
      this.write((event.message ?? '').replace(/\n$/, ''));
    }
    this.since = Math.max(this.since, this.newest - LOOKBACK_MS);
    // Only events inside the lookback window can come back.
    for (const [id, timestamp] of this.printed) if (timestamp < this.since) this.printed.delete(id);
    return fresh.length;
  }
}
