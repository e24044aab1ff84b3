// A provincial system that imports SP4N-LAPOR! reports into Aduan.
//
// It calls as a GATEWAY principal (role binding GATEWAY with a source name,
// e.g. `sp4n-lapor`): the server records that source on the complaint, keeps
// the report's SP4N-LAPOR! tracking number as the external reference (unique
// per source) and shows the gateway only its own complaints.
//
//   node dist/examples/lapor-import.js import --report report.json
//       [--request-id ID] [--follow-until STATE]
//   node dist/examples/lapor-import.js follow KNG-XXXXXXXX [--until STATE]
//
// The report file (this example's own format):
//
//   {"tracking_id": "2406-8812345", "title": "…", "content": "…",
//    "reporter": {"name": "…", "phone": "…", "email": "…"},
//    "kelurahan": "Kanigaran", "address": "…", "anonymous": false}
//
// Without --request-id the request_id is derived from the tracking number, so
// running the same import again (after a crash, a timeout, …) returns the
// first result — the same tracking code and PIN — and stores nothing new.
// Another request_id for an already imported report is ALREADY_EXISTS (exit
// status 3).
//
// Server and token come from --addr/--token or ADUAN_ADDR/ADUAN_TOKEN. Output
// is one `key: value` line per fact, events as `event N: …` lines. Exit
// status: 0 done, 1 an RPC failed, 2 bad usage, 3 already imported, 4
// following timed out.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import * as grpc from '@grpc/grpc-js';

import { AduanClient, connect } from '../src/client';
import type { Complaint } from '../generated/types/aduan/v1/Complaint';
import type { ComplaintEvent__Output } from '../generated/types/aduan/v1/ComplaintEvent';
import type { SubmitComplaintResponse__Output } from '../generated/types/aduan/v1/SubmitComplaintResponse';

export const EXIT_RPC_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_ALREADY_IMPORTED = 3;
export const EXIT_FOLLOW_TIMEOUT = 4;

const STATES = [
  'STATE_UNSPECIFIED', 'SUBMITTED', 'NEEDS_INFO', 'VERIFIED', 'REPORTED_TO_HEAD',
  'DISPOSED', 'IN_FOLLOW_UP', 'RESOLVED', 'INFORMED', 'ARCHIVED', 'REJECTED',
  'OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN',
] as const;
type StateName = (typeof STATES)[number];

/** States after which nothing happens to a complaint any more. */
const FINAL_STATES: ReadonlySet<string> = new Set(['ARCHIVED']);

/** An SP4N-LAPOR! report as this example reads it. */
export interface LaporReport {
  tracking_id: string;
  title: string;
  content: string;
  reporter?: { name?: string; phone?: string; email?: string };
  kelurahan?: string;
  address?: string;
  anonymous?: boolean;
  confidential?: boolean;
}

/** The request_id of importing a report: the same for every attempt. */
export function requestIdFor(trackingId: string): string {
  return 'sp4n-lapor.' + createHash('sha256').update(trackingId, 'utf8').digest('hex').slice(0, 40);
}

/** The Aduan complaint for an SP4N-LAPOR! report. */
export function complaintFromReport(report: LaporReport, officeCode: string): Complaint {
  const reporter = report.reporter ?? {};
  return {
    office_code: officeCode,
    channel: 'SP4N_LAPOR',
    external_reference: report.tracking_id,
    title: report.title,
    description: report.content,
    anonymous: report.anonymous ?? false,
    confidential: report.confidential ?? false,
    complainant: { name: reporter.name ?? '', phone: reporter.phone ?? '', email: reporter.email ?? '' },
    location: { kelurahan: report.kelurahan ?? '', address: report.address ?? '' },
  };
}

/** Submits the report. */
export function importReport(client: AduanClient, report: LaporReport, officeCode: string,
                             requestId: string): Promise<SubmitComplaintResponse__Output> {
  return client.intake.submitComplaint({
    request_id: requestId, complaint: complaintFromReport(report, officeCode),
  });
}

export function describeEvent(e: ComplaintEvent__Output): string {
  const line = `event ${e.version}: ${e.type} ${e.from_state} -> ${e.to_state} by ${e.actor}`;
  return e.actor_role ? `${line} (${e.actor_role})` : line;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Prints new events and state changes until the complaint reaches `until`
 * (or a final state); returns the exit status. `shown` is the state already
 * printed, if any. */
export async function follow(client: AduanClient, trackingCode: string, until: StateName,
                             timeoutS: number, intervalS: number,
                             shown?: string): Promise<number> {
  let seenVersion = 0;
  let state = shown;
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    // The complaint first, then its events: the events then include every
    // change up to the state read, so a state is never shown before its event.
    const complaint = await client.complaints.getComplaint({ tracking_code: trackingCode });
    for (const event of await client.listEvents(trackingCode)) {
      const version = Number(event.version);
      if (version > seenVersion) {
        console.log(describeEvent(event));
        seenVersion = version;
      }
    }
    if (complaint.state !== state) {
      state = complaint.state;
      console.log(`state: ${state}`);
    }
    if (state === until || FINAL_STATES.has(state)) return 0;
    if (Date.now() >= deadline) {
      console.error(`still ${state} after ${timeoutS} s`);
      return EXIT_FOLLOW_TIMEOUT;
    }
    await sleep(intervalS * 1000);
  }
}

function stateArg(value: string | undefined, fallback: StateName | undefined): StateName | undefined {
  if (value === undefined) return fallback;
  if (!(STATES as readonly string[]).includes(value)) {
    throw new UsageError(`not a state: ${value} (one of ${STATES.join(', ')})`);
  }
  return value as StateName;
}

class UsageError extends Error {}

const USAGE = `usage: lapor-import [--addr A] [--token T] [--timeout S] [--interval S]
         import --report FILE [--office KNG] [--request-id ID] [--follow-until STATE]
       | follow TRACKING_CODE [--until STATE]
       | --help`;

const HELP = `Imports SP4N-LAPOR! reports into Aduan as a GATEWAY principal.

${USAGE}

  import --report FILE   submit the report in FILE (JSON: tracking_id, title,
                         content, reporter {name, phone, email}, kelurahan,
                         address, anonymous); prints tracking_code, pin, …
    --office CODE        the office it goes to (default KNG)
    --request-id ID      the request_id (default: derived from tracking_id,
                         so importing the same report again changes nothing)
    --follow-until STATE then follow it as "follow" does
  follow TRACKING_CODE   print its events until it reaches --until STATE
                         (default ARCHIVED)
  --addr A               aduand's address (default ADUAN_ADDR, else
                         127.0.0.1:50051)
  --token T              the gateway's bearer token (default ADUAN_TOKEN)
  --timeout S            give up following after S seconds (default 600)
  --interval S           seconds between two looks (default 1)

States: ${STATES.join(', ')}.
Exit status: 0 done, 1 an RPC failed, 2 bad usage, 3 already imported,
4 following timed out.`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        addr: { type: 'string', default: process.env['ADUAN_ADDR'] ?? '127.0.0.1:50051' },
        token: { type: 'string', default: process.env['ADUAN_TOKEN'] },
        timeout: { type: 'string', default: '600' },
        interval: { type: 'string', default: '1' },
        report: { type: 'string' },
        office: { type: 'string', default: 'KNG' },
        'request-id': { type: 'string' },
        'follow-until': { type: 'string' },
        until: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const [command, trackingCode] = positionals;
  const timeoutS = Number(values.timeout);
  const intervalS = Number(values.interval);

  const client = connect(values.addr ?? '', { token: values.token || undefined });
  try {
    if (command === 'import' && values.report && positionals.length === 1) {
      const until = stateArg(values['follow-until'], undefined);
      const report = JSON.parse(readFileSync(values.report, 'utf8')) as LaporReport;
      const requestId = values['request-id'] ?? requestIdFor(report.tracking_id);
      let response: SubmitComplaintResponse__Output;
      try {
        response = await importReport(client, report, values.office ?? 'KNG', requestId);
      } catch (e) {
        const err = e as grpc.ServiceError;
        if (err.code !== grpc.status.ALREADY_EXISTS) throw err;
        console.error(`already imported: ALREADY_EXISTS: ${err.details}`);
        return EXIT_ALREADY_IMPORTED;
      }
      const c = response.complaint;
      if (!c) throw new Error('the server sent no complaint');
      console.log(`tracking_code: ${c.tracking_code}`);
      console.log(`pin: ${response.pin}`);
      console.log(`source: ${c.source}`);
      console.log(`external_reference: ${c.external_reference}`);
      console.log(`request_id: ${requestId}`);
      console.log(`state: ${c.state}`);
      if (until === undefined) return 0;
      return await follow(client, c.tracking_code, until, timeoutS, intervalS, c.state);
    }
    if (command === 'follow' && trackingCode && positionals.length === 2) {
      const until = stateArg(values.until, 'ARCHIVED') as StateName;
      return await follow(client, trackingCode, until, timeoutS, intervalS);
    }
    throw new UsageError(USAGE);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return EXIT_USAGE;
    }
    const err = e as grpc.ServiceError;
    if (typeof err.code !== 'number') throw e;
    console.error(`error: ${grpc.status[err.code]}: ${err.details}`);
    return EXIT_RPC_FAILED;
  } finally {
    client.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  }, (e: unknown) => {
    console.error(e);
    process.exitCode = EXIT_RPC_FAILED;
  });
}
