// Connection, credentials, deadlines and retries for the Aduan API on
// @grpc/grpc-js. The protos are loaded at run time by @grpc/proto-loader;
// their TypeScript types are generated into generated/types by
// scripts/generate.sh with the same options as LOADER_OPTIONS below.

import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import * as path from 'node:path';

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { MethodDefinition } from '@grpc/proto-loader';

import type { AdminServiceDefinition } from '../generated/types/aduan/v1/AdminService';
import type { ArchiveServiceDefinition } from '../generated/types/aduan/v1/ArchiveService';
import type { AttachmentServiceClient } from '../generated/types/aduan/v1/AttachmentService';
import type { ComplaintEvent__Output } from '../generated/types/aduan/v1/ComplaintEvent';
import type { ComplaintServiceDefinition } from '../generated/types/aduan/v1/ComplaintService';
import type { DispositionServiceDefinition } from '../generated/types/aduan/v1/DispositionService';
import type { IntakeServiceDefinition } from '../generated/types/aduan/v1/IntakeService';
import type { VerificationServiceDefinition } from '../generated/types/aduan/v1/VerificationService';
import type { ProtoGrpcType as AdminProto } from '../generated/types/admin_service';
import type { ProtoGrpcType as ArchiveProto } from '../generated/types/archive_service';
import type { ProtoGrpcType as AttachmentProto } from '../generated/types/attachment_service';
import type { ProtoGrpcType as ComplaintProto } from '../generated/types/complaint_service';
import type { ProtoGrpcType as DispositionProto } from '../generated/types/disposition_service';
import type { ProtoGrpcType as IntakeProto } from '../generated/types/intake_service';
import type { ProtoGrpcType as VerificationProto } from '../generated/types/verification_service';

/** Options of the loader; generated/types was made with the same ones. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true, // field names as in the protos: tracking_code
  longs: String, // int64 as decimal strings
  enums: String, // enums as their names: 'SUBMITTED'
  defaults: true, // absent fields as their default values
  oneofs: true,
};

const PROTO_FILES = [
  'admin_service', 'archive_service', 'attachment_service', 'complaint_service',
  'disposition_service', 'intake_service', 'verification_service',
].map((name) => `aduan/v1/${name}.proto`);

/** The copy of protos/ made by scripts/generate.sh (relative to dist/src). */
const DEFAULT_PROTO_DIR = path.resolve(__dirname, '..', '..', 'generated', 'protos');

/** Failures after which a call is sent again unchanged (a mutation keeps its
 * request_id, so the server returns the first result instead of acting twice). */
export const RETRYABLE_CODES: ReadonlySet<grpc.status> = new Set([
  grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED,
]);

/** A fresh request_id for a mutation (a UUID). */
export function newRequestId(): string {
  return randomUUID();
}

/** True when `host:port` names this machine (plaintext is allowed). */
export function isLoopback(address: string): boolean {
  const colon = address.lastIndexOf(':');
  let host = colon >= 0 && !address.endsWith(']') ? address.slice(0, colon) : address;
  host = host.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/** Per-call settings; each defaults to the client's. */
export interface CallSettings {
  /** Deadline of each attempt, in milliseconds. */
  timeoutMs?: number;
  /** Attempts on UNAVAILABLE and DEADLINE_EXCEEDED, at least 1. */
  maxAttempts?: number;
}

export interface ConnectOptions extends CallSettings {
  /** The bearer secret; without it only TrackComplaint and the citizen's
   * calls with a PIN work. */
  token?: string;
  /** TLS or plaintext; by default plaintext on loopback and TLS elsewhere.
   * Plaintext off loopback is refused, as the server does, so that tokens
   * never cross a network in clear text. */
  tls?: boolean;
  /** PEM of the CA to trust (default: Node's roots). */
  rootCerts?: Buffer;
  /** PEM of a client key and certificate chain (mTLS). */
  privateKey?: Buffer;
  certChain?: Buffer;
  /** Backoff before the second attempt, doubled after each; milliseconds. */
  backoffMs?: number;
  /** Where aduan/v1/*.proto are; default: the package's generated/protos. */
  protoDir?: string;
}

// `any` in the other slots: serialisers take them as parameters, so `unknown`
// would not match.
type RequestOf<M> = M extends MethodDefinition<infer Req, any, any, any> ? Req : never;
type ResponseOf<M> = M extends MethodDefinition<any, any, any, infer Res> ? Res : never;

/** The unary methods of a service as promises, named in lowerCamelCase:
 * `client.intake.submitComplaint({...})`. Errors reject with grpc.ServiceError. */
export type UnaryApi<D> = {
  [K in keyof D as K extends string ? (string extends K ? never : Uncapitalize<K>) : never]:
    (request: RequestOf<D[K]>, settings?: CallSettings) => Promise<ResponseOf<D[K]>>;
};

interface Settings {
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function takesRequestId(method: MethodDefinition<object, object>): boolean {
  const descriptor = method.requestType.type as { field?: { name?: string }[] };
  return (descriptor.field ?? []).some((f) => f.name === 'request_id');
}

function unaryApi<D>(client: grpc.Client, service: grpc.ServiceDefinition,
                     defaults: Settings): UnaryApi<D> {
  const api: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(service)) {
    if (method.requestStream || method.responseStream) continue;
    const withRequestId = takesRequestId(method as MethodDefinition<object, object>);
    api[name.charAt(0).toLowerCase() + name.slice(1)] = async (
      request: Record<string, unknown>, settings: CallSettings = {},
    ): Promise<unknown> => {
      const timeoutMs = settings.timeoutMs ?? defaults.timeoutMs;
      const maxAttempts = Math.max(1, settings.maxAttempts ?? defaults.maxAttempts);
      // Every attempt sends the same request_id; the caller's object gets it
      // too, to be sent again if the caller retries later itself.
      if (withRequestId && !request['request_id']) request['request_id'] = newRequestId();
      let delay = defaults.backoffMs;
      for (let attempt = 1; ; attempt++) {
        try {
          return await new Promise((resolve, reject) => {
            client.makeUnaryRequest(
              method.path, method.requestSerialize, method.responseDeserialize, request,
              new grpc.Metadata(), { deadline: Date.now() + timeoutMs },
              (err, value) => (err ? reject(err) : resolve(value)));
          });
        } catch (err) {
          const code = (err as grpc.ServiceError).code;
          if (attempt >= maxAttempts || !RETRYABLE_CODES.has(code)) throw err;
          await sleep(delay);
          delay *= 2;
        }
      }
    };
  }
  return api as UnaryApi<D>;
}

type AnyProto = AdminProto & ArchiveProto & AttachmentProto & ComplaintProto &
  DispositionProto & IntakeProto & VerificationProto;

/** The services of Aduan on one channel. */
export class AduanClient {
  readonly intake: UnaryApi<IntakeServiceDefinition>;
  readonly complaints: UnaryApi<ComplaintServiceDefinition>;
  readonly verification: UnaryApi<VerificationServiceDefinition>;
  readonly disposition: UnaryApi<DispositionServiceDefinition>;
  readonly archive: UnaryApi<ArchiveServiceDefinition>;
  readonly admin: UnaryApi<AdminServiceDefinition>;
  /** The streaming AttachmentService as generated (token added, no retries). */
  readonly attachments: AttachmentServiceClient;
  private readonly channel: grpc.Channel;

  constructor(address: string, options: ConnectOptions = {}) {
    const loopback = isLoopback(address);
    const tls = options.tls ?? !loopback;
    if (!tls && !loopback) {
      throw new Error(`plaintext is only allowed on loopback, not to ${address}`);
    }
    const credentials = tls
      ? grpc.credentials.createSsl(options.rootCerts ?? null, options.privateKey ?? null,
                                   options.certChain ?? null)
      : grpc.credentials.createInsecure();
    this.channel = new grpc.Channel(address, credentials, {});
    const definition = protoLoader.loadSync(PROTO_FILES, {
      ...LOADER_OPTIONS, includeDirs: [options.protoDir ?? DEFAULT_PROTO_DIR],
    });
    const v1 = (grpc.loadPackageDefinition(definition) as unknown as AnyProto).aduan.v1;
    const token = options.token;
    const interceptors: grpc.Interceptor[] = token
      ? [(callOptions, nextCall) => new grpc.InterceptingCall(nextCall(callOptions), {
          start(metadata, listener, next) {
            metadata.set('authorization', `Bearer ${token}`);
            next(metadata, listener);
          },
        })]
      : [];
    const clientOptions = { channelOverride: this.channel, interceptors };
    const defaults: Settings = {
      timeoutMs: options.timeoutMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 4,
      backoffMs: options.backoffMs ?? 200,
    };
    const make = <D>(ctor: (typeof v1)[keyof typeof v1] & { service: D }): UnaryApi<D> => {
      const Ctor = ctor as unknown as typeof grpc.Client & { service: grpc.ServiceDefinition };
      return unaryApi<D>(new Ctor(address, credentials, clientOptions), Ctor.service, defaults);
    };
    this.intake = make(v1.IntakeService);
    this.complaints = make(v1.ComplaintService);
    this.verification = make(v1.VerificationService);
    this.disposition = make(v1.DispositionService);
    this.archive = make(v1.ArchiveService);
    this.admin = make(v1.AdminService);
    this.attachments = new v1.AttachmentService(address, credentials, clientOptions);
  }

  /** Every event of a complaint, oldest first (all pages). */
  async listEvents(trackingCode: string, pageSize = 100): Promise<ComplaintEvent__Output[]> {
    const events: ComplaintEvent__Output[] = [];
    let pageToken = '';
    do {
      const page = await this.complaints.listComplaintEvents({
        tracking_code: trackingCode, page_size: pageSize, page_token: pageToken,
      });
      events.push(...page.events);
      pageToken = page.next_page_token;
    } while (pageToken);
    return events;
  }

  close(): void {
    this.channel.close();
  }
}

/** Opens a channel to `address` (`host:port`); see ConnectOptions. */
export function connect(address: string, options: ConnectOptions = {}): AduanClient {
  return new AduanClient(address, options);
}
