import { appError } from '../../platform/http/errors.ts';

// Unknown, foreign and malformed room credentials all look the same: nothing is revealed.
export const roomNotFound = () => appError('ROOM_NOT_FOUND');

export const roomNotOpen = (phase: string) => appError('ROOM_NOT_OPEN', { ...(phase === 'not_yet' || phase === 'cancelled' ? { variant: phase } : {}), extra: { phase } });

export const officerOnly = () => appError('OFFICER_ONLY');

export const notVideoService = () => appError('NOT_A_VIDEO_APPOINTMENT');
