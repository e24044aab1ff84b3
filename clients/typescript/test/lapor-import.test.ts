// End-to-end test of the TypeScript client and its SP4N-LAPOR! import example
// against a live aduand started by tests/e2e/with_server.sh (ADUAN_ADDR,
// ADUAN_ADMIN_TOKEN); the retry rules are also checked against a stand-in
// server in this process. Run by tests/clients/typescript_client_test.sh.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

import { AduanClient, LOADER_OPTIONS, connect, isLoopback, newRequestId } from '../src/client';
import type { RoleBinding } from '../generated/types/aduan/v1/RoleBinding';
import type { SubmitComplaintRequest } from '../generated/types/aduan/v1/SubmitComplaintRequest';
import type { SubmitComplaintResponse__Output } from '../generated/types/aduan/v1/SubmitComplaintResponse';
import type { ProtoGrpcType as IntakeProto } from '../generated/types/intake_service';

const ADDR = process.env['ADUAN_ADDR'] ?? '';
const ADMIN_TOKEN = process.env['ADUAN_ADMIN_TOKEN'] ?? '';
const EXAMPLE = path.resolve(__dirname, '..', 'examples', 'lapor-import.js');
const PROTO_DIR = path.resolve(__dirname, '..', '..', 'generated', 'protos');
const GATEWAY_SOURCE = 'sp4n-lapor';
const work = mkdtempSync(path.join(tmpdir(), 'aduan-ts-client-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  output(): string;
  errors(): string;
  exited: Promise<number>;
  kill(): void;
}

function startExample(token: string | undefined, args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ADUAN_ADDR: ADDR };
  delete env['ADUAN_TOKEN'];
  if (token !== undefined) env['ADUAN_TOKEN'] = token;
  const child = spawn(process.execPath, [EXAMPLE, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const exited = new Promise<number>((resolve) => {
    child.on('close', (code) => resolve(code ?? -1));
  });
  return { output: () => stdout, errors: () => stderr, exited, kill: () => child.kill() };
}

async function runExample(token: string | undefined, ...args: string[]) {
  const run = startExample(token, args);
  const status = await run.exited;
  return { status, stdout: run.output(), stderr: run.errors() };
}

// The answer without the working time its service clock shows (`used`): that
// is computed at each read and grows during office hours, so two answers of
// an unchanged complaint are equal in everything else.
function withoutSlaUsed(r: SubmitComplaintResponse__Output): SubmitComplaintResponse__Output {
  const c = r.complaint;
  if (!c) return r;
  const clear = <T extends { used: unknown } | null>(clock: T): T =>
    (clock === null ? clock : { ...clock, used: null });
  return {
    ...r,
    complaint: { ...c, service_sla: clear(c.service_sla), resolution_sla: clear(c.resolution_sla) },
  };
}

function usedSeconds(r: SubmitComplaintResponse__Output): number {
  return Number(r.complaint?.service_sla?.used?.seconds ?? 0);
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The `key: value` lines of the example's output. */
function parseFacts(output: string): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const line of output.split('\n')) {
    if (!line || line.startsWith('event ')) continue;
    const at = line.indexOf(': ');
    facts[line.slice(0, at)] = line.slice(at + 2);
  }
  return facts;
}

function writeReport(trackingId: string): string {
  const file = path.join(work, `${trackingId}.json`);
  writeFileSync(file, JSON.stringify({
    tracking_id: trackingId,
    title: 'Lampu jalan mati di Jalan Mastrip',
    content: 'Sudah seminggu lampu jalan di depan masjid mati.',
    reporter: { name: 'Budi Santoso', phone: '0812-3456-7890' },
    kelurahan: 'kanigaran',
    address: 'Jalan Mastrip depan masjid',
  }));
  return file;
}

async function createPrincipal(admin: AduanClient, name: string, binding: RoleBinding) {
  const principal = await admin.admin.createPrincipal({
    principal: { name, display_name: name, role_bindings: [binding] },
  });
  const issued = await admin.admin.issueToken({
    principal_id: principal.principal_id, description: 'typescript client test',
  });
  return issued.secret;
}

/** Fails unless tests/e2e/with_server.sh (and so CTest) set the server's variables. */
function requireServerEnv() {
  for (const [name, value] of [['ADUAN_ADDR', ADDR], ['ADUAN_ADMIN_TOKEN', ADMIN_TOKEN]]) {
    if (!value) throw new Error(`${name} is not set: run this test through tests/e2e/with_server.sh`);
  }
}

describe('the SP4N-LAPOR! import against aduand', () => {
  let admin: AduanClient;
  let gateway: AduanClient;
  let officer: AduanClient;
  let citizen: AduanClient;
  let gatewayToken = '';

  before(async () => {
    requireServerEnv();
    admin = connect(ADDR, { token: ADMIN_TOKEN });
    gatewayToken = await createPrincipal(admin, 'lapor-gw', {
      role: 'GATEWAY', office_code: 'KNG', source: GATEWAY_SOURCE,
    });
    const officerToken = await createPrincipal(admin, 'siti.officer', {
      role: 'OFFICER', office_code: 'KNG',
    });
    gateway = connect(ADDR, { token: gatewayToken });
    officer = connect(ADDR, { token: officerToken });
    citizen = connect(ADDR); // no token
  });

  after(() => {
    for (const c of [admin, gateway, officer, citizen]) c.close();
  });

  async function countComplaints(): Promise<string> {
    return (await officer.complaints.listComplaints({ office_codes: ['KNG'] })).total_size;
  }

  test('imports, retries, refuses a second import, tracks, follows', async () => {
    const reference = '2406-8812345';
    const report = writeReport(reference);
    const countBefore = Number(await countComplaints());

    // The import, followed until an officer has verified the complaint.
    const follower = startExample(gatewayToken, [
      '--interval', '0.2', '--timeout', '60',
      'import', '--report', report, '--follow-until', 'VERIFIED',
    ]);
    try {
      await waitFor(() => /^state: /m.test(follower.output()), 'the import');
    } catch (e) {
      follower.kill();
      throw new Error(`${(e as Error).message}: ${follower.errors()}`);
    }
    const imported = parseFacts(follower.output().split('\nevent ')[0] ?? '');
    const code = imported['tracking_code'] ?? '';
    const pin = imported['pin'] ?? '';
    assert.match(code, /^KNG-[0-9A-Z]{8}$/);
    assert.match(pin, /^[0-9]{8}$/);
    assert.deepEqual(imported, {
      tracking_code: code,
      pin,
      source: GATEWAY_SOURCE,
      external_reference: reference,
      request_id: 'sp4n-lapor.' + createHash('sha256').update(reference).digest('hex').slice(0, 40),
      state: 'SUBMITTED',
    });
    assert.equal(Number(await countComplaints()), countBefore + 1);

    // As stored, seen by the gateway itself.
    const stored = await gateway.complaints.getComplaint({ tracking_code: code });
    assert.equal(stored.state, 'SUBMITTED');
    assert.equal(stored.channel, 'SP4N_LAPOR');
    assert.equal(stored.source, GATEWAY_SOURCE);
    assert.equal(stored.external_reference, reference);
    assert.equal(stored.office_code, 'KNG');
    assert.equal(stored.title, 'Lampu jalan mati di Jalan Mastrip');
    assert.equal(stored.complainant?.name, 'Budi Santoso');
    assert.equal(stored.complainant?.phone, '+6281234567890');
    assert.equal(stored.location?.kelurahan, 'Kanigaran');

    // Running the same import again: the first result, nothing new.
    const again = await runExample(gatewayToken, 'import', '--report', report);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(parseFacts(again.stdout), imported);
    assert.equal(Number(await countComplaints()), countBefore + 1);

    // The same report under another request_id: ALREADY_EXISTS.
    const duplicate = await runExample(gatewayToken, 'import', '--report', report,
                                       '--request-id', 'another-import-1');
    assert.equal(duplicate.status, 3);
    assert.equal(duplicate.stdout, '');
    assert.equal(duplicate.stderr,
                 'already imported: ALREADY_EXISTS: complaint.external_reference: ' +
                 `already submitted by this source as ${code}\n`);
    assert.equal(Number(await countComplaints()), countBefore + 1);

    // The citizen tracks it with the PIN, without a token.
    let tracked = await citizen.intake.trackComplaint({ tracking_code: code.toLowerCase(), pin });
    assert.equal(tracked.tracking_code, code);
    assert.equal(tracked.state, 'SUBMITTED');
    assert.equal(tracked.office_code, 'KNG');
    assert.deepEqual(tracked.timeline.map((e) => e.state), ['SUBMITTED']);

    // An officer verifies it; the follower sees the new state and stops.
    const verified = await officer.verification.verifyComplaint({
      tracking_code: code, outcome: 'VERIFIED',
      checklist: { ktp_copy: true, location_photo: true }, note: 'Lengkap',
    });
    assert.equal(verified.state, 'VERIFIED');
    let status = -2; // still running
    follower.exited.then((s) => { status = s; }, () => undefined);
    try {
      await waitFor(() => status !== -2, 'the follower to stop', 60_000);
    } finally {
      follower.kill();
    }
    assert.equal(status, 0, follower.errors());
    assert.deepEqual(follower.output().split('\n').slice(6), [
      'event 1: SUBMITTED STATE_UNSPECIFIED -> SUBMITTED by lapor-gw (GATEWAY)',
      'event 2: VERIFIED SUBMITTED -> VERIFIED by siti.officer (OFFICER)',
      'state: VERIFIED',
      '',
    ]);
    tracked = await citizen.intake.trackComplaint({ tracking_code: code, pin });
    assert.equal(tracked.state, 'VERIFIED');
    assert.deepEqual(tracked.timeline.map((e) => e.state), ['SUBMITTED', 'VERIFIED']);
  });

  test('the client keeps its request_id; another one for the same reference is refused',
       async () => {
    const request: SubmitComplaintRequest = {
      complaint: {
        office_code: 'KNG', channel: 'SP4N_LAPOR', external_reference: '2406-7700001',
        title: 'Jalan berlubang', description: 'Lubang besar di Jalan Soekarno-Hatta.',
        complainant: { name: 'Sri Wahyuni', email: 'sri@example.org' },
      },
    };
    const first = await gateway.intake.submitComplaint(request);
    // The client filled in a request_id; sending it again replays.
    assert.match(request.request_id ?? '', /^[0-9a-f-]{36}$/);
    const count = await countComplaints();
    const again = await gateway.intake.submitComplaint(request);
    assert.deepEqual(withoutSlaUsed(again), withoutSlaUsed(first));
    assert.ok(usedSeconds(again) >= usedSeconds(first));
    assert.equal(await countComplaints(), count);

    request.request_id = newRequestId();
    await assert.rejects(gateway.intake.submitComplaint(request), {
      code: grpc.status.ALREADY_EXISTS,
      details: 'complaint.external_reference: already submitted by this source as ' +
               first.complaint?.tracking_code,
    });
    assert.equal(await countComplaints(), count);
  });

  test('without a token: UNAUTHENTICATED, nothing stored', async () => {
    const report = writeReport('2406-9900001');
    const count = await countComplaints();
    const result = await runExample(undefined, 'import', '--report', report);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.ok(result.stderr.startsWith('error: UNAUTHENTICATED: '), result.stderr);
    assert.equal(await countComplaints(), count);
    await assert.rejects(citizen.complaints.listComplaints({}),
                         { code: grpc.status.UNAUTHENTICATED });
  });

  test('a gateway cannot follow complaints it did not submit', async () => {
    const submitted = await officer.intake.submitComplaint({
      complaint: {
        office_code: 'KNG', channel: 'OFFICE', title: 'Sampah menumpuk',
        description: 'Di pasar.', complainant: { name: 'Ahmad', phone: '0335-421234' },
      },
    });
    const result = await runExample(gatewayToken, '--timeout', '1', 'follow',
                                    submitted.complaint?.tracking_code ?? '');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.ok(result.stderr.startsWith('error: NOT_FOUND: '), result.stderr);
  });
});

describe('the client without aduand', () => {
  test('retries UNAVAILABLE and DEADLINE_EXCEEDED with the same request_id', async () => {
    // A stand-in IntakeService that fails twice, then answers.
    const definition = protoLoader.loadSync('aduan/v1/intake_service.proto',
                                            { ...LOADER_OPTIONS, includeDirs: [PROTO_DIR] });
    const proto = grpc.loadPackageDefinition(definition) as unknown as IntakeProto;
    const seen: { requestId: string; authorization: string }[] = [];
    const failures = [grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED];
    const server = new grpc.Server();
    server.addService(proto.aduan.v1.IntakeService.service, {
      SubmitComplaint: (call: grpc.ServerUnaryCall<SubmitComplaintRequest, unknown>,
                        callback: grpc.sendUnaryData<unknown>) => {
        seen.push({
          requestId: call.request.request_id ?? '',
          authorization: String(call.metadata.get('authorization')[0]),
        });
        const failure = failures.shift();
        if (failure !== undefined) {
          callback({ code: failure, details: 'try again' });
        } else {
          callback(null, { pin: '12345678', complaint: { tracking_code: 'KNG-TEST0001' } });
        }
      },
      TrackComplaint: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
        seen.push({ requestId: '', authorization: '' });
        callback({ code: grpc.status.NOT_FOUND, details: 'no such complaint' });
      },
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(),
                       (err, p) => (err ? reject(err) : resolve(p)));
    });
    const client = connect(`127.0.0.1:${port}`, { token: 'secret', backoffMs: 1 });
    try {
      const response = await client.intake.submitComplaint({ complaint: { title: 'x' } });
      assert.equal(response.pin, '12345678');
      assert.equal(seen.length, 3);
      assert.match(seen[0]?.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual(seen.map((s) => s.requestId), Array(3).fill(seen[0]?.requestId));
      assert.deepEqual(seen.map((s) => s.authorization), Array(3).fill('Bearer secret'));

      // Other errors are not retried.
      seen.length = 0;
      await assert.rejects(
        client.intake.trackComplaint({ tracking_code: 'KNG-TEST0001', pin: '00000000' }),
        { code: grpc.status.NOT_FOUND, details: 'no such complaint' });
      assert.equal(seen.length, 1);

      // Attempts are bounded.
      failures.push(grpc.status.UNAVAILABLE, grpc.status.UNAVAILABLE);
      seen.length = 0;
      await assert.rejects(
        client.intake.submitComplaint({ request_id: 'r-1', complaint: {} }, { maxAttempts: 2 }),
        { code: grpc.status.UNAVAILABLE });
      assert.deepEqual(seen.map((s) => s.requestId), ['r-1', 'r-1']);
    } finally {
      client.close();
      server.forceShutdown();
    }
  });

  test('--help prints the usage and exits 0; a wrong option exits 2 with it', async () => {
    const help = await runExample(undefined, '--help');
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Imports SP4N-LAPOR! reports into Aduan/);
    assert.match(help.stdout, /^usage: lapor-import /m);
    assert.match(help.stdout, /Exit status: 0 done, 1 an RPC failed, 2 bad usage/);
    const wrong = await runExample(undefined, '--no-such-option');
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /^usage: lapor-import /m);
    assert.equal(wrong.stdout, '');
  });

  test('plaintext only on loopback', () => {
    assert.equal(isLoopback('127.0.0.1:50051'), true);
    assert.equal(isLoopback('[::1]:50051'), true);
    assert.equal(isLoopback('localhost:50051'), true);
    assert.equal(isLoopback('10.0.0.5:50051'), false);
    assert.equal(isLoopback('aduan.example.go.id:443'), false);
    assert.throws(() => connect('10.0.0.5:50051', { token: 'secret', tls: false }),
                  /plaintext is only allowed on loopback/);
  });
});
