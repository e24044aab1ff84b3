// The Aduan API client for Node: the connection helpers and the generated
// message types most callers need.

export * from './client';
export type { Complaint, Complaint__Output } from '../generated/types/aduan/v1/Complaint';
export type { ComplaintEvent__Output } from '../generated/types/aduan/v1/ComplaintEvent';
export type {
  SubmitComplaintRequest,
} from '../generated/types/aduan/v1/SubmitComplaintRequest';
export type {
  SubmitComplaintResponse__Output,
} from '../generated/types/aduan/v1/SubmitComplaintResponse';
export type {
  TrackComplaintResponse__Output,
} from '../generated/types/aduan/v1/TrackComplaintResponse';
